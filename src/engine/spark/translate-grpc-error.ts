import type { Metadata, ServiceError } from '@grpc/grpc-js';
import { SparkError } from '../../errors/spark-error.js';
import { decodeMessage } from './proto/encode-message.js';
import type { ErrorInfo, RpcStatus } from './proto/messages.js';

const UNAVAILABLE = 14;
const UNAUTHENTICATED = 16;

/** What the ErrorInfo of a failed call said, before any FetchErrorDetails round trip. */
export interface SparkErrorInfo {
  errorClass?: string;
  sqlState?: string;
  messageParameters?: Record<string, string>;
  exceptionClasses?: string[];
  /** The id that FetchErrorDetails takes for the full message and cause chain. */
  errorId?: string;
}

/**
 * Reads Spark's ErrorInfo from the `grpc-status-details-bin` trailer of a failed call (pure).
 *
 * @example
 * const info = readSparkErrorInfo(error.metadata); // { errorClass: 'PARSE_SYNTAX_ERROR', … }
 */
export function readSparkErrorInfo(metadata: Metadata | undefined): SparkErrorInfo | undefined {
  const raw = metadata?.get('grpc-status-details-bin')[0];
  if (raw === undefined || typeof raw === 'string') return undefined;
  const status = decodeMessage<RpcStatus>('google.rpc.Status', raw);
  const detail = status.details?.find((d) => d.typeUrl?.endsWith('/google.rpc.ErrorInfo'));
  if (detail?.value === undefined) return undefined;
  const meta = decodeMessage<ErrorInfo>('google.rpc.ErrorInfo', detail.value).metadata ?? {};
  return {
    ...(meta.errorClass ? { errorClass: meta.errorClass } : {}),
    ...(meta.sqlState ? { sqlState: meta.sqlState } : {}),
    ...(meta.messageParameters ? { messageParameters: parseJson(meta.messageParameters, {}) } : {}),
    ...(meta.classes ? { exceptionClasses: parseJson(meta.classes, []) } : {}),
    ...(meta.errorId ? { errorId: meta.errorId } : {}),
  };
}

/**
 * Turns a failed gRPC call into a SparkError: Spark's message and error class when Spark failed
 * the statement (`fullMessage`, when given, replaces the trailer's possibly truncated one), a
 * message naming the remote and how to start a server when nothing answers, and one naming the
 * token when the server refused it.
 *
 * @example
 * throw translateGrpcError(error, 'sc://127.0.0.1:15002');
 */
export function translateGrpcError(error: ServiceError, remote: string, fullMessage?: string): SparkError {
  const info = readSparkErrorInfo(error.metadata);
  if (info === undefined && error.code === UNAVAILABLE)
    return new SparkError(
      `cannot reach the Spark Connect server at ${remote} (${error.details}); start one with ` +
        '`bash scripts/spark-server.sh start` (npm test does), or point CARELAKE_SPARK_REMOTE at a running server',
      { grpcCode: error.code },
      { cause: error },
    );
  if (error.code === UNAUTHENTICATED)
    return new SparkError(
      `the Spark Connect server at ${remote} refused the connection (${error.details}): ` +
        'give its token in the remote, sc://host:port/;token=…',
      { grpcCode: error.code },
    );
  const { errorId: _ignored, ...details } = info ?? {};
  const message = (fullMessage ?? error.details ?? error.message).trim();
  return new SparkError(message, { ...details, grpcCode: error.code });
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
