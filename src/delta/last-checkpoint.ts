import { parseLosslessJson } from './lossless-json.js';

/** The `_last_checkpoint` hint (PROTOCOL.md, "Last Checkpoint File"). */
export interface LastCheckpoint {
  version: number;
  size: number | bigint;
  parts?: number;
  sizeInBytes?: number | bigint;
  numOfAddFiles?: number | bigint;
}

/** Name of the hint file inside `_delta_log`. */
export const LAST_CHECKPOINT = '_last_checkpoint';

/**
 * Parses the hint, or returns undefined when it is unreadable: it is only a hint, and readers
 * fall back to listing the log.
 *
 * @example
 * parseLastCheckpoint('{"version":10,"size":13}'); // { version: 10, size: 13 }
 */
export function parseLastCheckpoint(text: string): LastCheckpoint | undefined {
  try {
    const value = parseLosslessJson(text) as unknown as LastCheckpoint;
    return typeof value?.version === 'number' ? value : undefined;
  } catch {
    return undefined;
  }
}
