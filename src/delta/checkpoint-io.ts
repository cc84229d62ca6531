import type { Action } from './actions.js';

/**
 * The Parquet side of checkpoints, implemented by an engine (Delta itself has no Parquet codec).
 * Readers return the actions of every row; writers write exactly the given actions.
 */
export interface CheckpointIO {
  /** Reads the actions from the parts of one checkpoint. */
  readCheckpoint(paths: readonly string[]): Promise<Action[]>;
  /** Writes a classic single-file checkpoint of `actions` to `path`; returns its size in bytes. */
  writeCheckpoint(path: string, actions: readonly Action[]): Promise<number>;
}
