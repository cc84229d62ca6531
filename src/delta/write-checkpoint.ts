import { checkpointActions } from './checkpoint-actions.js';
import type { CheckpointIO } from './checkpoint-io.js';
import { LAST_CHECKPOINT } from './last-checkpoint.js';
import { checkpointFileName } from './log-file-names.js';
import type { LogStore } from './log-store.js';
import { stringifyLosslessJson } from './lossless-json.js';
import type { TableState } from './table-state.js';

/**
 * Writes a classic single-file Parquet checkpoint of `state` and then the `_last_checkpoint`
 * hint. Both appear atomically (written aside, then renamed), so a crash leaves either the old
 * hint or the new, complete checkpoint.
 *
 * @example
 * await writeCheckpoint({ store, checkpoints, state });
 */
export async function writeCheckpoint(args: {
  store: LogStore;
  checkpoints: CheckpointIO;
  state: TableState;
  now?: () => number;
}): Promise<void> {
  const { store, state } = args;
  const actions = checkpointActions(state, (args.now ?? Date.now)());
  const temp = store.tempPath('.parquet');
  const sizeInBytes = await args.checkpoints.writeCheckpoint(temp, actions);
  await store.publishTemp(temp, checkpointFileName(state.version));
  const hint = {
    version: state.version,
    size: actions.length,
    sizeInBytes,
    numOfAddFiles: state.files.size,
  };
  await store.replace(LAST_CHECKPOINT, stringifyLosslessJson(hint));
}
