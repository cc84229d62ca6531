import { type LogFile, parseLogFileName } from './log-file-names.js';
import type { LogStore } from './log-store.js';

/** What the log folder holds: commits by version and complete checkpoints by version. */
export interface LogListing {
  commits: Map<number, { name: string; mtimeMs: number }>;
  /** Complete classic checkpoints: version → part file names in part order. */
  checkpoints: Map<number, string[]>;
  /** Versions that have a V2 (UUID-named) checkpoint, which carelake does not read. */
  v2Checkpoints: Set<number>;
  latestVersion: number;
}

/**
 * Lists and classifies `_delta_log`. Incomplete multi-part checkpoints are ignored, as the
 * protocol requires.
 *
 * @example
 * const listing = await readLogListing(store); listing.latestVersion;
 */
export async function readLogListing(store: LogStore): Promise<LogListing> {
  const commits = new Map<number, { name: string; mtimeMs: number }>();
  const parts = new Map<number, Extract<LogFile, { kind: 'checkpoint' }>[]>();
  const v2Checkpoints = new Set<number>();
  let latestVersion = -1;
  for (const entry of await store.list()) {
    const file = parseLogFileName(entry.name);
    if (file === undefined) continue;
    latestVersion = Math.max(latestVersion, file.version);
    if (file.kind === 'commit') commits.set(file.version, { name: file.name, mtimeMs: entry.mtimeMs });
    else if (file.kind === 'v2-checkpoint') v2Checkpoints.add(file.version);
    else {
      const list = parts.get(file.version) ?? [];
      list.push(file);
      parts.set(file.version, list);
    }
  }
  const checkpoints = new Map<number, string[]>();
  for (const [version, list] of parts) {
    const byParts = new Map<number, typeof list>();
    for (const f of list) byParts.set(f.parts, [...(byParts.get(f.parts) ?? []), f]);
    for (const [total, files] of byParts) {
      const unique = new Set(files.map((f) => f.part));
      if (unique.size === total) {
        checkpoints.set(
          version,
          files.sort((a, b) => a.part - b.part).map((f) => f.name),
        );
        break;
      }
    }
  }
  return { commits, checkpoints, v2Checkpoints, latestVersion };
}
