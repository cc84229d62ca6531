import type { LandingFile } from '../landing/landing-file.js';

/** How many files, and how many bytes of them, one bronze commit takes at most. */
export const GROUP_LIMITS = { files: 64, bytes: 256 * 1024 * 1024 } as const;

/**
 * Cuts landing files, in their order, into groups that are each ingested as one bronze commit:
 * at most `limits.files` files and `limits.bytes` bytes per group (a file larger than that is a
 * group of its own), all of one format (a CSV file's columns are text, a Parquet file's may be
 * typed: the parts of one commit must agree). Every staged file of a group is held at once (a CSV file is parsed into
 * memory), so the byte bound keeps a run over many large deliveries from holding them all;
 * the file bound keeps one commit's `txn` actions few. Pure.
 *
 * @example
 * groupLandingFiles(files, { files: 2, bytes: 1e9 }); // [[f1, f2], [f3]]
 */
export function groupLandingFiles(
  files: readonly LandingFile[],
  limits: { files: number; bytes: number } = GROUP_LIMITS,
): LandingFile[][] {
  const groups: LandingFile[][] = [];
  let current: LandingFile[] = [];
  let bytes = 0;
  for (const file of files) {
    const full = current.length >= limits.files || bytes + file.bytes > limits.bytes;
    if (current.length > 0 && (full || current[0]!.format !== file.format)) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
