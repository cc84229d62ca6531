import type { LandingDataset } from '../datasets/landing-schemas.js';

/** The faults a real feed has, which `--dirty` injects. */
export type FaultKind =
  | 'duplicate_row'
  | 'redelivered_encounter'
  | 'negative_los'
  | 'malformed_timestamp'
  | 'unknown_clinician'
  | 'missing_required_field'
  | 'out_of_order_event'
  | 'wrong_field_count';

/**
 * The faults that make sense for a dataset in a format. Parquet has a schema, so a row cannot
 * have the wrong number of fields there, and a "malformed" timestamp is an implausible instant
 * (1970-01-01, 2099-12-31) rather than unparseable text.
 *
 * @example
 * applicableFaults('emr_events', 'csv'); // ['duplicate_row', 'malformed_timestamp', …, 'wrong_field_count']
 */
export function applicableFaults(dataset: LandingDataset['name'], format: 'csv' | 'parquet'): FaultKind[] {
  const kinds: FaultKind[] = ['duplicate_row', 'malformed_timestamp', 'missing_required_field'];
  if (dataset === 'admissions') kinds.push('redelivered_encounter', 'negative_los');
  if (dataset === 'emr_events') kinds.push('unknown_clinician', 'out_of_order_event');
  if (format === 'csv') kinds.push('wrong_field_count');
  return kinds;
}
