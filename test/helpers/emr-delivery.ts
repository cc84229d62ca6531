/** The EMR events landing header. */
export const EMR_HEADER = 'event_id,clinician_id,event_timestamp,event_type,patient_id,metadata\n';

/**
 * The `n`-th small EMR delivery: one event per clinician on 2025-03-31, at hour 8 + n, ten
 * minutes apart, ids E<n>_<clinician>, as CSV text.
 *
 * @example
 * addLandingFile(lake, 'emr_events_2.csv', emrDelivery(2, [101, 102]));
 */
export function emrDelivery(n: number, clinicians: readonly number[]): string {
  const hour = String(8 + n).padStart(2, '0');
  const rows = clinicians.map(
    (c, i) => `E${n}_${c},${c},2025-03-31 ${hour}:${String(10 * i).padStart(2, '0')}:00,OPEN_CHART,,{}`,
  );
  return `${EMR_HEADER}${rows.join('\n')}\n`;
}
