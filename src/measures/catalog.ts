import { ED_MEASURES } from './definitions/ed-measures.js';
import { ENCOUNTER_MEASURES } from './definitions/encounter-measures.js';
import { OPERATIONS_MEASURES } from './definitions/operations-measures.js';
import { SESSION_MEASURES } from './definitions/session-measures.js';
import { DIMENSIONS, type DimensionInfo } from './dimensions.js';
import type { MeasureDefinition } from './measure-types.js';

/** Every measure, in the order they are listed. Names are unique (a test checks it). */
export const MEASURES: readonly MeasureDefinition[] = [
  ...ENCOUNTER_MEASURES,
  ...ED_MEASURES,
  ...OPERATIONS_MEASURES,
  ...SESSION_MEASURES,
];

/**
 * Every measure's definition, for the CLI's --list and an API to publish. Pure.
 *
 * @example
 * listMeasures().map((m) => m.name); // ['readmission_rate', 'avg_los', …]
 */
export function listMeasures(): readonly MeasureDefinition[] {
  return MEASURES;
}

/**
 * Every dimension with the measures that may be sliced by it. Pure.
 *
 * @example
 * listDimensions().find((d) => d.name === 'risk_tier')?.measures; // ['high_risk_share']
 */
export function listDimensions(): (DimensionInfo & { measures: string[] })[] {
  return DIMENSIONS.map((d) => ({
    ...d,
    measures: MEASURES.filter((m) => m.dimensions.includes(d.name)).map((m) => m.name),
  }));
}
