import type { AddFile } from './actions.js';

/** How the live data files of a table changed between two of its snapshots. */
export interface LiveFileDiff {
  /** Files live now that hold rows `before` did not (appends; rewrites that changed data). */
  added: AddFile[];
  /** Files live before that are gone, and whose rows are not in a compaction's output. */
  removed: AddFile[];
  /**
   * Files live now whose rows are all rows `before` had: the files live in both, and the
   * outputs of a compaction (OPTIMIZE) of `before`'s files.
   */
  seen: AddFile[];
  /**
   * True when a compaction's outputs are among `added`: it took in rows `before` did not have
   * (or their counts are unknown), so its outputs mix seen rows with new ones.
   */
  mixedCompaction: boolean;
}

/**
 * Compares the live files of two snapshots of one table, telling appended rows from compacted
 * ones. OPTIMIZE adds its outputs with `dataChange: false` and removes its inputs; `rearranged`
 * names the files the commits in between added that way (readRearrangedFiles: a snapshot's own
 * flags cannot tell, a checkpoint clears them all). In a partition
 * where the outputs hold exactly as many rows (statistics' numRecords) as the `before` files that
 * are gone, the outputs are the same rows rearranged, so they count as seen and those inputs
 * are not removed. Otherwise (rows changed, a compaction that took in files added after
 * `before`, statistics missing) the outputs count as added and the inputs as removed, which a
 * caller treats as new data: never less work than needed, only more. Pure.
 *
 * @example
 * const { added } = diffLiveFiles(before.files, now.files, rearranged); // the appended files only, after an OPTIMIZE
 */
export function diffLiveFiles(
  before: readonly AddFile[],
  now: readonly AddFile[],
  rearranged: ReadonlySet<string>,
): LiveFileDiff {
  const was = new Set(before.map((f) => f.path));
  const is = new Set(now.map((f) => f.path));
  const gone = before.filter((f) => !is.has(f.path));
  const fresh = now.filter((f) => !was.has(f.path));
  const seen = now.filter((f) => was.has(f.path));
  const added = fresh.filter((f) => !rearranged.has(f.path));
  const compactions = new Map<string, { outputs: AddFile[]; inputs: AddFile[] }>();
  const partition = (f: AddFile) => JSON.stringify(Object.entries(f.partitionValues ?? {}).sort());
  for (const f of fresh)
    if (rearranged.has(f.path)) {
      const key = partition(f);
      const entry = compactions.get(key) ?? { outputs: [], inputs: [] };
      entry.outputs.push(f);
      compactions.set(key, entry);
    }
  const removed: AddFile[] = [];
  let mixedCompaction = false;
  for (const f of gone) {
    const entry = compactions.get(partition(f));
    if (entry) entry.inputs.push(f);
    else removed.push(f);
  }
  for (const { outputs, inputs } of compactions.values()) {
    const rows = (files: AddFile[]) =>
      files.reduce<number | undefined>((n, f) => {
        const r = recordCount(f);
        return n === undefined || r === undefined ? undefined : n + r;
      }, 0);
    const out = rows(outputs);
    if (out !== undefined && out === rows(inputs)) seen.push(...outputs);
    else {
      added.push(...outputs);
      removed.push(...inputs);
      mixedCompaction = true;
    }
  }
  return { added, removed, seen, mixedCompaction };
}

function recordCount(f: AddFile): number | undefined {
  if (!f.stats) return undefined;
  const n = (JSON.parse(f.stats) as { numRecords?: number }).numRecords;
  return typeof n === 'number' ? n : undefined;
}
