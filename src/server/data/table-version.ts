import type { Snapshot } from '../../delta/snapshot.js';

/** A table at the version a request reads: what its ETag and `tables` field report. */
export interface TableVersion {
  /** `lh_gold.dbo.name`. */
  table: string;
  version: number;
  /** ISO instant of that version's commit. */
  commitTime: string;
  snapshot: Snapshot;
}
