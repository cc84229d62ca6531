import { ROLE_PROFILES } from '../reference/role-profiles.js';

/**
 * Every EMR event type, in a fixed order: events carry the index (a byte) instead of the name,
 * and the name is written once per file row group (Parquet dictionary) or looked up per CSV row.
 */
export const EVENT_TYPES: readonly string[] = [
  ...new Set([
    'LOGIN',
    'LOGOUT',
    'OPEN_CHART',
    'CHECK_BILLING',
    ...ROLE_PROFILES.flatMap((p) => [...Object.keys(p.chartActions), ...Object.keys(p.otherActions)]),
  ]),
];

const CODES = new Map(EVENT_TYPES.map((t, i) => [t, i]));

/**
 * The code of an event type name.
 *
 * @example
 * EVENT_TYPES[eventTypeCode('LOGIN')]; // 'LOGIN'
 */
export function eventTypeCode(type: string): number {
  const code = CODES.get(type);
  if (code === undefined) throw new Error(`unknown EMR event type ${type}`);
  return code;
}

/** Codes of the types every shift uses. */
export const LOGIN = eventTypeCode('LOGIN');
export const LOGOUT = eventTypeCode('LOGOUT');
export const OPEN_CHART = eventTypeCode('OPEN_CHART');
export const CHECK_BILLING = eventTypeCode('CHECK_BILLING');

/** By code: true for event types that are never about one patient. */
export const NO_PATIENT: readonly boolean[] = EVENT_TYPES.map(
  (t) =>
    t === 'LOGIN' || t === 'LOGOUT' || t === 'VIEW_SCHEDULE' || t === 'RUN_REPORT' || t === 'CHECK_AUDIT_LOG',
);
