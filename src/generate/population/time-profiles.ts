import { WeightedPicker } from '../random/weighted-picker.js';

const hours = (weights: readonly number[]) => new WeightedPicker(weights.map((w, h) => [h, w] as const));

/** ED arrivals by hour of day: quiet before dawn, busiest late morning to evening. */
export const ED_ARRIVAL_HOUR = hours([
  2.2, 1.8, 1.5, 1.3, 1.2, 1.4, 2.0, 3.0, 4.2, 5.0, 5.5, 5.6, 5.5, 5.4, 5.3, 5.2, 5.2, 5.1, 5.0, 4.8, 4.3,
  3.8, 3.2, 2.6,
]);

/** Direct (urgent) admissions by hour: office hours, from clinic and transfer calls. */
export const URGENT_ADMIT_HOUR = hours([
  0.3, 0.2, 0.2, 0.2, 0.2, 0.3, 0.5, 1, 2, 3, 4, 4.5, 4.5, 4.5, 4.5, 4.2, 4, 3.5, 3, 2.5, 2, 1.5, 1, 0.5,
]);

/** Elective admissions by hour: pre-operative check-in early in the morning. */
export const ELECTIVE_ADMIT_HOUR = hours([
  0, 0, 0, 0, 0, 2, 6, 5, 3, 1.5, 1, 0.5, 0.3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
]);

/** Discharges by hour: mostly late morning to afternoon, rarely at night. */
export const DISCHARGE_HOUR = hours([
  0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 3, 6, 9, 10, 10, 9, 8, 6, 4, 3, 2, 1, 0.5, 0.3, 0.2,
]);

/**
 * Relative admission volume by weekday (0 = Sunday … 6 = Saturday): Monday peak, quiet weekend.
 * Elective admissions are further restricted to weekdays by the stay model.
 */
export const WEEKDAY_VOLUME: readonly number[] = [0.86, 1.12, 1.07, 1.04, 1.03, 1.0, 0.88];
