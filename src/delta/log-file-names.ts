/**
 * Names of files in `_delta_log`: zero-padded 20-digit versions, JSON commits, classic
 * single- and multi-part checkpoints. Pure functions, no I/O.
 */

const COMMIT = /^(\d{20})\.json$/;
const CHECKPOINT = /^(\d{20})\.checkpoint(?:\.(\d{10})\.(\d{10}))?\.parquet$/;
const UUID_CHECKPOINT = /^(\d{20})\.checkpoint\.[0-9a-fA-F-]{36}\.(json|parquet)$/;

/** The log folder's file name for a commit. @example commitFileName(3) // '00000000000000000003.json' */
export function commitFileName(version: number): string {
  return `${String(version).padStart(20, '0')}.json`;
}

/** The single-part checkpoint file name. @example checkpointFileName(10) // '00000000000000000010.checkpoint.parquet' */
export function checkpointFileName(version: number): string {
  return `${String(version).padStart(20, '0')}.checkpoint.parquet`;
}

/** A file in `_delta_log`, classified. */
export type LogFile =
  | { kind: 'commit'; version: number; name: string }
  | { kind: 'checkpoint'; version: number; name: string; part: number; parts: number }
  | { kind: 'v2-checkpoint'; version: number; name: string };

/**
 * Classifies a `_delta_log` entry, or returns undefined for files that are not part of the log
 * (temporary commit files, `_last_checkpoint`, CRC files).
 *
 * @example
 * parseLogFileName('00000000000000000010.checkpoint.parquet'); // { kind: 'checkpoint', version: 10, part: 1, parts: 1, … }
 */
export function parseLogFileName(name: string): LogFile | undefined {
  let m = COMMIT.exec(name);
  if (m) return { kind: 'commit', version: Number(m[1]), name };
  m = CHECKPOINT.exec(name);
  if (m) {
    const part = m[2] === undefined ? 1 : Number(m[2]);
    const parts = m[3] === undefined ? 1 : Number(m[3]);
    return { kind: 'checkpoint', version: Number(m[1]), name, part, parts };
  }
  m = UUID_CHECKPOINT.exec(name);
  if (m) return { kind: 'v2-checkpoint', version: Number(m[1]), name };
  return undefined;
}
