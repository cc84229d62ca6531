/**
 * Clinicians are spread over this many buckets (`clinician_id mod 16`), the partitioning of
 * silver emr_events and gold clinician_emr_sessions. Incremental runs recompute whole buckets,
 * and full refreshes process buckets in groups to bound memory. Changing it needs a full refresh.
 */
export const CLINICIAN_BUCKETS = 16;

/**
 * The bucket of a clinician id, as the SQL models compute it.
 *
 * @example
 * clinicianBucket(101n); // 5
 */
export function clinicianBucket(clinicianId: bigint): number {
  const n = BigInt(CLINICIAN_BUCKETS);
  return Number(((clinicianId % n) + n) % n);
}
