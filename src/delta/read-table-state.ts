import type { Action } from './actions.js';
import type { CheckpointIO } from './checkpoint-io.js';
import { DeltaTableError } from './delta-table-error.js';
import { LAST_CHECKPOINT, parseLastCheckpoint } from './last-checkpoint.js';
import type { LogStore } from './log-store.js';
import { parseCommit } from './parse-commit.js';
import { unsupportedReaderFeature } from './protocol-support.js';
import type { LogListing } from './read-log-listing.js';
import { applyActions } from './replay.js';
import { emptyTableState, type TableState } from './table-state.js';

/**
 * Reconstructs a table's state at `version` (default: latest): the newest complete checkpoint at
 * or below it, then every later commit in order. Refuses, with a typed error naming the table and
 * version, a gap in the versions, a corrupt commit or checkpoint, and reader features carelake
 * does not support — never returns wrong rows. (Deletion vectors are supported: files keep them,
 * and readers apply them, see deletion-vector.ts.)
 *
 * @example
 * const state = await readTableState({ store, checkpoints, table: 'lh_gold.dbo.t', listing });
 */
export async function readTableState(args: {
  store: LogStore;
  checkpoints: CheckpointIO;
  table: string;
  listing: LogListing;
  version?: number;
}): Promise<TableState> {
  const { store, table, listing } = args;
  if (listing.latestVersion < 0) {
    throw new DeltaTableError({ table, problem: 'not-a-table', detail: `no Delta log in ${store.logDir}` });
  }
  const target = args.version ?? listing.latestVersion;
  if (target < 0 || target > listing.latestVersion) {
    throw new DeltaTableError({
      table,
      version: target,
      problem: 'missing-version',
      detail: `the table has versions up to ${listing.latestVersion}`,
    });
  }
  const checkpointVersion = await chooseCheckpoint(store, listing, target);
  let state = emptyTableState();
  let from = 0;
  if (checkpointVersion !== undefined) {
    if (listing.v2Checkpoints.has(checkpointVersion) && !listing.checkpoints.has(checkpointVersion)) {
      throw new DeltaTableError({
        table,
        version: checkpointVersion,
        problem: 'unsupported-feature',
        detail: 'unsupported feature v2Checkpoint',
      });
    }
    const paths = listing.checkpoints.get(checkpointVersion)!.map((n) => store.pathOf(n));
    let actions: Action[];
    try {
      actions = await args.checkpoints.readCheckpoint(paths);
    } catch (error) {
      throw new DeltaTableError({
        table,
        version: checkpointVersion,
        problem: 'corrupt-checkpoint',
        detail: `cannot read checkpoint ${paths.join(', ')}: ${(error as Error).message}`,
        cause: error,
      });
    }
    state = applyActions(state, checkpointVersion, actions);
    from = checkpointVersion + 1;
  }
  for (let v = from; v <= target; v++) {
    const entry = listing.commits.get(v);
    if (entry === undefined) {
      throw new DeltaTableError({
        table,
        version: v,
        problem: 'missing-version',
        detail: `commit file for version ${v} is missing from the log (needed to reach version ${target})`,
      });
    }
    state = applyActions(state, v, await readCommitActions(store, table, v, entry.name));
  }
  if (state.protocol === undefined || state.metadata === undefined) {
    throw new DeltaTableError({
      table,
      version: target,
      problem: 'corrupt-log',
      detail: 'no protocol or metaData action in the log',
    });
  }
  const feature = unsupportedReaderFeature(state.protocol, state.metadata);
  if (feature !== undefined) {
    throw new DeltaTableError({
      table,
      version: target,
      problem: 'unsupported-feature',
      detail: `unsupported feature ${feature} (reader version ${state.protocol.minReaderVersion}); carelake cannot read this table`,
    });
  }
  return state;
}

/**
 * Reads and parses one commit file, translating malformed content into a typed error.
 *
 * @example
 * const actions = await readCommitActions(store, 't', 3, '00000000000000000003.json');
 */
export async function readCommitActions(
  store: LogStore,
  table: string,
  version: number,
  name: string,
): Promise<Action[]> {
  const text = (await store.read(name)).toString('utf8');
  try {
    return parseCommit(text);
  } catch (error) {
    throw new DeltaTableError({
      table,
      version,
      problem: 'corrupt-log',
      detail: `${name}: ${(error as Error).message}`,
      cause: error,
    });
  }
}

async function chooseCheckpoint(
  store: LogStore,
  listing: LogListing,
  target: number,
): Promise<number | undefined> {
  const hint = await store
    .read(LAST_CHECKPOINT)
    .then((b) => parseLastCheckpoint(b.toString('utf8')))
    .catch(() => undefined);
  if (hint !== undefined && hint.version <= target && listing.checkpoints.has(hint.version)) {
    const newer = [...listing.checkpoints.keys()].some((v) => v > hint.version && v <= target);
    if (!newer) return hint.version;
  }
  let best: number | undefined;
  for (const v of listing.checkpoints.keys()) if (v <= target && (best === undefined || v > best)) best = v;
  for (const v of listing.v2Checkpoints) if (v <= target && (best === undefined || v > best)) best = v;
  return best;
}
