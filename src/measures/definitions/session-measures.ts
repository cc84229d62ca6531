import { defineMeasure } from '../define-measure.js';
import type { MeasureDefinition } from '../measure-types.js';

const SESSIONS = 'lh_gold.dbo.clinician_emr_sessions';
const SESSION_DATE = { column: 'session_date', type: 'date' } as const;

/** Clinician EMR activity over the sessionized rows, dated by session start (lake zone). */
export const SESSION_MEASURES: readonly MeasureDefinition[] = [
  defineMeasure({
    name: 'sessions',
    label: 'EMR sessions',
    description: 'Clinician EMR work sessions (split by each clinician’s inactivity threshold).',
    table: SESSIONS,
    expression: 'count(*)',
    grain: 'clinician session',
    dateColumn: SESSION_DATE,
    dimensions: ['date', 'clinician_role'],
    format: 'number',
  }),
  defineMeasure({
    name: 'sessions_per_clinician_day',
    label: 'Sessions per clinician-day',
    description: 'Sessions divided by the distinct (clinician, session day) pairs that had any.',
    table: SESSIONS,
    expression: 'count(*) / nullif(count(distinct (clinician_id, session_date)), 0)',
    decimals: 2,
    grain: 'clinician session',
    dateColumn: SESSION_DATE,
    dimensions: ['date', 'clinician_role'],
    format: 'ratio',
  }),
  defineMeasure({
    name: 'median_session_minutes',
    label: 'Median session length',
    description: 'Exact median of session durations (whole seconds) in minutes.',
    table: SESSIONS,
    expression: 'quantile_cont(session_duration_seconds / 60.0, 0.5)',
    decimals: 2,
    grain: 'clinician session',
    dateColumn: SESSION_DATE,
    dimensions: ['date', 'clinician_role'],
    format: 'minutes',
  }),
];
