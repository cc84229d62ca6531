import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { assertWritable } from './assert-writable.js';
import { commitTransaction } from './commit-transaction.js';
import type { DeltaTable } from './delta-table.js';
import { DeltaTableError } from './delta-table-error.js';
import { DEFAULT_RETENTION_MS, parseIntervalMs } from './retention-interval.js';
import { fileKey } from './table-state.js';

/** Options of VACUUM. */
export interface VacuumOptions {
  /** Keep files removed (or written but never committed) less than this many hours ago. */
  retentionHours?: number;
  /** Only report what would be deleted. */
  dryRun?: boolean;
  /** Allow a retention shorter than the table's deleted-file retention (default 7 days). */
  allowShortRetention?: boolean;
}

/** What VACUUM deleted (or would delete, in a dry run). */
export interface VacuumResult {
  files: string[];
  bytes: number;
  dryRun: boolean;
}

/**
 * VACUUM: deletes data files the latest version no longer references once they are older than
 * the retention — files removed by overwrites, optimize and restore, and orphans left by writers
 * that died before committing. A retention shorter than the table's `deletedFileRetentionDuration`
 * (7 days by default) is refused unless explicitly allowed, since it can break running readers
 * and time travel. `_delta_log` and hidden files (`_`, `.`) are never touched.
 *
 * @example
 * const { files } = await vacuumTable(table, { retentionHours: 168, dryRun: true });
 */
export async function vacuumTable(table: DeltaTable, options: VacuumOptions = {}): Promise<VacuumResult> {
  const snapshot = await table.readSnapshot();
  assertWritable(table.name, snapshot, 'vacuum');
  const minimumMs =
    parseIntervalMs(snapshot.metadata.configuration?.['delta.deletedFileRetentionDuration']) ??
    DEFAULT_RETENTION_MS;
  const retentionMs = options.retentionHours === undefined ? minimumMs : options.retentionHours * 3_600_000;
  if (!(retentionMs >= 0)) {
    throw new DeltaTableError({
      table: table.name,
      problem: 'invalid-operation',
      detail: `retention must be a non-negative number of hours, got ${options.retentionHours}`,
    });
  }
  if (retentionMs < minimumMs && !options.allowShortRetention) {
    throw new DeltaTableError({
      table: table.name,
      problem: 'invalid-operation',
      detail:
        `refusing to vacuum with a retention of ${retentionMs / 3_600_000} hours, shorter than the table's ${minimumMs / 3_600_000} hours: ` +
        'readers of older versions and running writers could lose files. If nothing else uses the table, pass --allow-short-retention',
    });
  }
  const cutoff = table.now() - retentionMs;
  const live = new Set(snapshot.files.map((f) => fileKey(f.path)));
  const tombstones = snapshot.state.tombstones;
  const doomed: { path: string; size: number }[] = [];
  for (const file of await listDataFiles(table.path)) {
    const key = relative(table.path, file.path);
    if (live.has(key)) continue;
    const tombstone = tombstones.get(key);
    const age = tombstone ? Number(tombstone.deletionTimestamp ?? 0) : file.mtimeMs;
    if (age < cutoff) doomed.push({ path: key, size: file.size });
  }
  const bytes = doomed.reduce((n, f) => n + f.size, 0);
  if (options.dryRun) return { files: doomed.map((f) => f.path).sort(), bytes, dryRun: true };
  for (const f of doomed) await rm(join(table.path, f.path), { force: true });
  await removeEmptyDirs(table.path);
  await commitTransaction({
    store: table.store,
    table: table.name,
    readVersion: snapshot.version,
    actions: [],
    commitInfo: {
      operation: 'VACUUM END',
      operationParameters: { status: 'COMPLETED', retentionHours: String(retentionMs / 3_600_000) },
      operationMetrics: { numDeletedFiles: String(doomed.length), numDeletedBytes: String(bytes) },
    },
    readSet: {
      blindAppend: true,
      readFiles: new Set(),
      removedFiles: new Set(),
      readPartitions: undefined,
      appIds: [],
      changesMetadata: false,
    },
    now: table.now,
  });
  return { files: doomed.map((f) => f.path).sort(), bytes, dryRun: false };
}

async function listDataFiles(root: string): Promise<{ path: string; mtimeMs: number; size: number }[]> {
  const out: { path: string; mtimeMs: number; size: number }[] = [];
  async function walk(dir: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (isHidden(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        const s = await stat(path);
        out.push({ path, mtimeMs: s.mtimeMs, size: s.size });
      }
    }
  }
  await walk(root);
  return out;
}

async function removeEmptyDirs(dir: string): Promise<boolean> {
  let empty = true;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !isHidden(entry.name)) {
      if (!(await removeEmptyDirs(join(dir, entry.name)))) empty = false;
    } else empty = false;
  }
  if (empty) await rmdir(dir).catch(() => undefined);
  return empty;
}

/** As Delta's isHiddenDirectory: `.x` and `_x` are not data, but `_col=value` partition folders are. */
function isHidden(name: string): boolean {
  return name.startsWith('.') || (name.startsWith('_') && !name.includes('='));
}
