import { landingFilePattern } from '../landing/landing-file-pattern.js';

/**
 * The names among `names` that the sessions pipeline ingests (their landing prefix is one of
 * `prefixes`: EMR events, clinicians, roles), in the given order. The watcher runs these between
 * the hospital pipeline's steps, since nothing the hospital pipeline writes is their input. Pure.
 *
 * @example
 * sessionsLandingFiles(['emr_events_7.csv', 'admissions_3.csv'], ['emr_events', 'clinicians', 'roles']);
 * // ['emr_events_7.csv']
 */
export function sessionsLandingFiles(names: readonly string[], prefixes: readonly string[]): string[] {
  const patterns = prefixes.map(landingFilePattern);
  return names.filter((name) => patterns.some((p) => p.test(name)));
}
