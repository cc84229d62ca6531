import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckpointIO } from '../../delta/checkpoint-io.js';
import { DeltaTable } from '../../delta/delta-table.js';
import { readLogListing } from '../../delta/read-log-listing.js';
import { readCommitActions } from '../../delta/read-table-state.js';
import { type LakeTable, qualifiedName } from '../../lakehouse/lake-table.js';
import type { TableVersion } from './table-version.js';

/**
 * Snapshots of the lake's tables for the server, read once per (table, version): a request
 * lists the table's `_delta_log` (one readdir) to learn its latest version, so a new pipeline
 * run is visible on the next request, and replays the log only when the version is new.
 */
export class SnapshotCache {
  private readonly byVersion = new Map<string, Promise<TableVersion>>();
  private readonly latest = new Map<string, { stamp: number; version: number }>();
  /** Log replays run one at a time: checkpoints are read on one DuckDB connection. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly checkpoints: CheckpointIO) {}

  /**
   * The table at its latest version, or as of `asOf` (the newest version committed at or
   * before it; undefined when the table did not exist yet).
   *
   * @example
   * const v = await cache.readVersion(table); v.version;
   */
  async readVersion(table: LakeTable, asOf?: Date): Promise<TableVersion | undefined> {
    const delta = DeltaTable.at(table.path, { checkpoints: this.checkpoints }, qualifiedName(table));
    let version: number;
    if (asOf === undefined) {
      // A commit adds a file to _delta_log, which changes the folder's mtime: one stat per
      // request, and a listing only when it moved.
      const stamp = await stat(join(table.path, '_delta_log')).then(
        (s) => s.mtimeMs,
        () => -1,
      );
      const known = this.latest.get(table.path);
      // Folder times are coarse (a few ms): trust an unchanged one only once it is not fresh.
      if (known !== undefined && known.stamp === stamp && stamp !== -1 && Date.now() - stamp > 100)
        version = known.version;
      else {
        version = (await readLogListing(delta.store)).latestVersion;
        this.latest.set(table.path, { stamp, version });
      }
      if (version < 0) return undefined;
    } else {
      const history = await delta.readHistory();
      const match = history.find((h) => h.timestamp.getTime() <= asOf.getTime());
      if (match === undefined) return undefined;
      version = match.version;
    }
    const key = `${table.path}\0${version}`;
    let entry = this.byVersion.get(key);
    if (entry === undefined) {
      const run = this.queue.then(() => this.read(delta, version));
      this.queue = run.catch(() => undefined);
      entry = run;
      this.byVersion.set(key, entry);
      entry.catch(() => this.byVersion.delete(key));
    }
    return entry;
  }

  private async read(delta: DeltaTable, version: number): Promise<TableVersion> {
    const snapshot = await delta.readSnapshot({ version });
    const listing = await readLogListing(delta.store);
    const entry = listing.commits.get(version);
    let time = entry?.mtimeMs ?? Date.now();
    if (entry !== undefined) {
      const actions = await readCommitActions(delta.store, delta.name, version, entry.name);
      const info = actions.find((a) => 'commitInfo' in a);
      // The same time as history and time travel: in-commit timestamp first (see DeltaTable).
      const stamp =
        info && 'commitInfo' in info
          ? (info.commitInfo.inCommitTimestamp ?? info.commitInfo.timestamp)
          : undefined;
      if (stamp !== undefined) time = Number(stamp);
    }
    return { table: delta.name, version, commitTime: new Date(time).toISOString(), snapshot };
  }
}
