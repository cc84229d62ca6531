import { randomUUID } from 'node:crypto';
import type { Action, CommitInfo } from './actions.js';
import { ConcurrentModificationError } from './concurrent-modification-error.js';
import { findConflict, type ReadSet } from './conflict-rules.js';
import { commitFileName } from './log-file-names.js';
import { FileAlreadyExistsError, type LogStore } from './log-store.js';
import { stringifyLosslessJson } from './lossless-json.js';
import { readLogListing } from './read-log-listing.js';
import { readCommitActions } from './read-table-state.js';

/** Points in a write where tests may stop the process (crash-safety tests). */
export type WriteStage = 'data-written' | 'commit-staged' | 'committed';

/** What a transaction wants to publish. */
export interface CommitRequest {
  store: LogStore;
  table: string;
  /** The version the transaction read (-1 when it creates the table). */
  readVersion: number;
  actions: Action[];
  commitInfo: CommitInfo;
  readSet: ReadSet;
  /** The idempotency key of this write, if any: skipped when a winner already committed it. */
  txn?: { appId: string; version: number };
  maxAttempts?: number;
  now?: () => number;
  onStage?: (stage: WriteStage) => void;
}

/** The outcome: the version published, or that a concurrent winner already did this write. */
export type CommitResult =
  | { status: 'committed'; version: number; attempts: number }
  | { status: 'skipped'; version: number };

/**
 * Publishes a transaction at the next free version. Losing a race (put-if-absent says the version
 * exists) is not an error by itself: the winners' actions are checked against what this
 * transaction read (conflict-rules.ts) and, when they do not conflict, the commit is retried at
 * the next version, up to `maxAttempts`. A transaction that creates the table (readVersion -1)
 * and loses version 0 always fails with `concurrent-create`: whatever it meant (create, CTAS,
 * overwrite of an empty path), it did not see the winner's rows, so it must be re-planned.
 *
 * @example
 * const r = await commitTransaction({ store, table: 't', readVersion: 4, actions, commitInfo, readSet });
 */
export async function commitTransaction(request: CommitRequest): Promise<CommitResult> {
  const { store, table, readSet } = request;
  const maxAttempts = request.maxAttempts ?? 1000;
  const now = request.now ?? Date.now;
  const actions = request.actions;
  let version = request.readVersion + 1;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const info: CommitInfo = {
      timestamp: now(),
      ...request.commitInfo,
      ...(request.readVersion >= 0 ? { readVersion: request.readVersion } : {}),
      isolationLevel: 'WriteSerializable',
      isBlindAppend: readSet.blindAppend,
      engineInfo: 'carelake/0.1.0',
      txnId: randomUUID(),
    };
    const body = [{ commitInfo: info }, ...actions].map((a) => stringifyLosslessJson(a)).join('\n') + '\n';
    try {
      await store.putIfAbsent(commitFileName(version), body, {
        beforePublish: () => request.onStage?.('commit-staged'),
        mtimeMs: Number(info.timestamp),
      });
      request.onStage?.('committed');
      return { status: 'committed', version, attempts: attempt };
    } catch (error) {
      if (!(error instanceof FileAlreadyExistsError)) throw error;
    }
    const listing = await readLogListing(store);
    for (let v = version; v <= listing.latestVersion; v++) {
      const name = commitFileName(v);
      const winner = await readCommitActions(store, table, v, name);
      if (request.txn !== undefined && winnerCommittedTxn(winner, request.txn))
        return { status: 'skipped', version: v };
      if (request.readVersion < 0 && v === 0) {
        // Delta's rule for writers racing on an empty path: the loser fails (Spark's
        // ProtocolChangedException). Continuing as an append would turn a create, or an
        // overwrite that expected an empty table, into two copies of the data.
        throw new ConcurrentModificationError({
          table,
          version: 0,
          conflict: 'concurrent-create',
          detail:
            'another writer created the table while this write was creating it; nothing of this write was committed, re-run it (it then sees the table)',
        });
      }
      const conflict = findConflict(readSet, winner);
      if (conflict !== undefined) {
        throw new ConcurrentModificationError({
          table,
          version: v,
          conflict: conflict.rule,
          detail: conflict.detail,
        });
      }
    }
    version = listing.latestVersion + 1;
  }
  throw new ConcurrentModificationError({
    table,
    version,
    conflict: 'retries-exhausted',
    detail: `gave up after ${maxAttempts} attempts`,
  });
}

function winnerCommittedTxn(winner: readonly Action[], txn: { appId: string; version: number }): boolean {
  return winner.some((a) => 'txn' in a && a.txn.appId === txn.appId && Number(a.txn.version) >= txn.version);
}
