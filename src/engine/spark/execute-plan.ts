import type { ServiceError } from '@grpc/grpc-js';
import { SparkError } from '../../errors/spark-error.js';
import {
  type ExecutePlanRequest,
  type ExecutePlanResponse,
  INTERRUPT_TYPE_OPERATION_ID,
  type InterruptResponse,
  type Plan,
  type ReattachExecuteRequest,
  type ReleaseExecuteRequest,
} from './proto/messages.js';
import type { SparkRpc, SparkStream } from './spark-rpc.js';
import type { SparkSessionHead } from './spark-session-head.js';

/** How long a call may run, and how to cancel it. */
export interface SparkCallOptions {
  /** Aborting it interrupts the operation on the server and rejects with a cancelled SparkError. */
  signal?: AbortSignal;
  /** A time limit in milliseconds: past it, the operation is interrupted the same way. */
  timeoutMs?: number;
  /** The operation's id (a UUID), so that another caller can interrupt it; default: a fresh one. */
  operationId?: string;
  /** Told each time the result stream is continued with ReattachExecute (for logs and tests). */
  onReattach?: (why: 'stream-ended' | 'stream-broken') => void;
}

/** What an execution needs from its client. */
export interface ExecutionContext {
  rpc: SparkRpc;
  head: SparkSessionHead;
  newId: () => string;
  /** Turns a failed call into a SparkError (with FetchErrorDetails when Spark offers it). */
  translate: (error: ServiceError) => Promise<SparkError>;
}

const UNAVAILABLE = 14;
const MAX_RETRIES = 3;

/**
 * Runs one plan as a reattachable execution and yields its responses (Arrow batches, the SQL
 * command result) in order, exactly once each. Guarantees:
 * - the operation id is the client's (a fresh UUID), so it can be interrupted;
 * - a stream that ends without ResultComplete (the server closes long streams) is continued
 *   with ReattachExecute from the last response received, and so is a stream broken by the
 *   network (UNAVAILABLE after the first response), up to 3 times in a row;
 * - an abort signal or the time limit sends Interrupt for the operation, ends the stream and
 *   rejects with a SparkError whose `cancelled` is true, once the server has acknowledged;
 * - the execution is released on the server (ReleaseExecute) however it ends, also when the
 *   consumer stops early.
 *
 * @example
 * for await (const response of executePlan(ctx, { root: { sql: { query: 'SELECT 1' } } })) …
 */
export async function* executePlan(
  ctx: ExecutionContext,
  plan: Plan,
  options: SparkCallOptions = {},
): AsyncGenerator<ExecutePlanResponse> {
  const { rpc, head } = ctx;
  const operationId = options.operationId ?? ctx.newId();
  const request: ExecutePlanRequest = {
    ...head,
    plan,
    operationId,
    requestOptions: [{ reattachOptions: { reattachable: true } }],
  };
  if (options.signal?.aborted) throw cancelledError('the operation was aborted before it started');
  let stream: SparkStream<ExecutePlanResponse> = rpc.serverStream(
    'ExecutePlan',
    'ExecutePlanRequest',
    'ExecutePlanResponse',
    request,
  );
  let cancelledBecause: string | undefined;
  let interrupted: Promise<unknown> = Promise.resolve();
  const cancel = (why: string) => {
    if (cancelledBecause !== undefined) return;
    cancelledBecause = why;
    interrupted = rpc
      .unary<InterruptResponse>('Interrupt', 'InterruptRequest', 'InterruptResponse', {
        ...head,
        interruptType: INTERRUPT_TYPE_OPERATION_ID,
        operationId,
      })
      .catch(() => undefined);
    stream.cancel();
  };
  const onAbort = () => cancel('the operation was aborted');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timer =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(
          () => cancel(`the operation was cancelled after ${options.timeoutMs} ms (its time limit)`),
          options.timeoutMs,
        );
  let lastResponseId: string | undefined;
  let complete = false;
  let retries = 0;
  let broken = false;
  try {
    while (!complete) {
      try {
        for await (const response of stream.responses) {
          retries = 0;
          if (response.responseId) lastResponseId = response.responseId;
          if (response.resultComplete !== undefined) complete = true;
          else yield response;
        }
      } catch (error) {
        if (cancelledBecause !== undefined) break;
        const grpcError = error as ServiceError;
        if (grpcError.code !== UNAVAILABLE || lastResponseId === undefined || retries >= MAX_RETRIES)
          throw await ctx.translate(grpcError);
        retries += 1;
        broken = true;
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** retries));
      }
      if (cancelledBecause !== undefined) break;
      if (!complete) {
        options.onReattach?.(broken ? 'stream-broken' : 'stream-ended');
        broken = false;
        const reattach: ReattachExecuteRequest = {
          ...head,
          operationId,
          ...(lastResponseId === undefined ? {} : { lastResponseId }),
        };
        stream = rpc.serverStream(
          'ReattachExecute',
          'ReattachExecuteRequest',
          'ExecutePlanResponse',
          reattach,
        );
      }
    }
    if (cancelledBecause !== undefined) {
      await interrupted;
      throw cancelledError(cancelledBecause);
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    stream.cancel();
    const release: ReleaseExecuteRequest = { ...head, operationId, releaseAll: {} };
    await rpc
      .unary('ReleaseExecute', 'ReleaseExecuteRequest', 'ReleaseExecuteResponse', release)
      .catch(() => undefined);
  }
}

function cancelledError(why: string): SparkError {
  return new SparkError(`${why}; the Spark session stays usable`, {
    cancelled: true,
    errorClass: 'OPERATION_CANCELED',
  });
}
