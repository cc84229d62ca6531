import { join } from 'node:path';
import type { CommitInfo } from './actions.js';
import type { CheckpointIO } from './checkpoint-io.js';
import { DeltaTableError } from './delta-table-error.js';
import { FsLogStore } from './fs-log-store.js';
import type { LogStore } from './log-store.js';
import { readLogListing } from './read-log-listing.js';
import { readCommitActions, readTableState } from './read-table-state.js';
import { Snapshot } from './snapshot.js';

/** What a table needs from its surroundings: the Parquet codec for checkpoints and a clock. */
export interface DeltaTableDeps {
  checkpoints: CheckpointIO;
  now?: () => number;
}

/** One commit as `history` reports it. */
export interface HistoryEntry {
  version: number;
  timestamp: Date;
  operation: string;
  operationParameters: Record<string, unknown>;
  operationMetrics: Record<string, string>;
  readVersion: number | undefined;
  isBlindAppend: boolean | undefined;
  engineInfo: string | undefined;
}

/**
 * A Delta table in a folder: snapshots (latest, by version, by timestamp) and history. Writes,
 * optimize, vacuum and restore are functions over a DeltaTable in their own modules.
 *
 * @example
 * const table = DeltaTable.at('/lake/lh_gold.Lakehouse/Tables/dbo/t', { checkpoints });
 * const snap = await table.readSnapshot({ version: 3 });
 */
export class DeltaTable {
  readonly store: LogStore;
  readonly now: () => number;

  private constructor(
    readonly path: string,
    readonly name: string,
    readonly deps: DeltaTableDeps,
  ) {
    this.store = new FsLogStore(join(path, '_delta_log'));
    this.now = deps.now ?? Date.now;
  }

  /** A handle on the table in `path`; `name` is how messages refer to it. */
  static at(path: string, deps: DeltaTableDeps, name: string = path): DeltaTable {
    return new DeltaTable(path, name, deps);
  }

  /** True when the folder holds a Delta log with at least one version. */
  async exists(): Promise<boolean> {
    return (await readLogListing(this.store)).latestVersion >= 0;
  }

  /**
   * The table at its latest version, at `version`, or as of `timestamp` (the newest version
   * committed at or before it).
   */
  async readSnapshot(at: { version?: number; timestamp?: Date } = {}): Promise<Snapshot> {
    const listing = await readLogListing(this.store);
    let version = at.version;
    if (at.timestamp !== undefined) version = await this.versionAsOf(at.timestamp);
    const state = await readTableState({
      store: this.store,
      checkpoints: this.deps.checkpoints,
      table: this.name,
      listing,
      ...(version === undefined ? {} : { version }),
    });
    return new Snapshot(this.path, state);
  }

  /** The newest version whose commit timestamp is at or before `timestamp`. */
  async versionAsOf(timestamp: Date): Promise<number> {
    const history = await this.readHistory();
    const match = history.find((h) => h.timestamp.getTime() <= timestamp.getTime());
    if (match === undefined) {
      const first = history.at(-1);
      throw new DeltaTableError({
        table: this.name,
        problem: 'missing-version',
        detail: `no version at or before ${timestamp.toISOString()}; the oldest available is ${first?.version} at ${first?.timestamp.toISOString()}`,
      });
    }
    return match.version;
  }

  /**
   * Commits newest first, from the commit files still in the log. A commit's timestamp is its
   * in-commit timestamp when the table has them (what Spark then uses), else its
   * commitInfo.timestamp (it survives copying a lake, unlike file times; carelake publishes each
   * commit file with this time as its modification time, so Spark's time travel agrees), else
   * the file time.
   */
  async readHistory(limit = Number.POSITIVE_INFINITY): Promise<HistoryEntry[]> {
    const listing = await readLogListing(this.store);
    if (listing.latestVersion < 0) {
      throw new DeltaTableError({
        table: this.name,
        problem: 'not-a-table',
        detail: `no Delta log in ${this.store.logDir}`,
      });
    }
    const versions = [...listing.commits.keys()].sort((a, b) => b - a).slice(0, limit);
    return Promise.all(
      versions.map(async (version) => {
        const entry = listing.commits.get(version)!;
        const actions = await readCommitActions(this.store, this.name, version, entry.name);
        const info: CommitInfo = actions.find((a) => 'commitInfo' in a)?.commitInfo ?? {};
        return {
          version,
          timestamp: new Date(Number(info.inCommitTimestamp ?? info.timestamp ?? entry.mtimeMs)),
          operation: info.operation ?? 'UNKNOWN',
          operationParameters: info.operationParameters ?? {},
          operationMetrics: info.operationMetrics ?? {},
          readVersion: info.readVersion === undefined ? undefined : Number(info.readVersion),
          isBlindAppend: info.isBlindAppend,
          engineInfo: info.engineInfo,
        };
      }),
    );
  }
}
