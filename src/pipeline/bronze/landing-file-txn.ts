import type { LandingFile } from '../landing/landing-file.js';

/**
 * The Delta `txn` that makes ingesting a landing file into `model` happen once: keyed by the
 * file's name and content, so a re-delivered file with changes is ingested again. Both the
 * bronze table and its quarantine carry it. Pure.
 *
 * @example
 * landingFileTxn('bronze_emr_events', file); // { appId: 'carelake/bronze_emr_events/emr_events_2.csv#9f…', version: 1 }
 */
export function landingFileTxn(model: string, file: LandingFile): { appId: string; version: number } {
  return { appId: `carelake/${model}/${file.name}#${file.contentHash}`, version: 1 };
}
