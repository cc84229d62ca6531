import { CarelakeError } from './carelake-error.js';

/** What Spark said about a failure, as carried by a SparkError. */
export interface SparkErrorDetails {
  /** Spark's error class (`PARSE_SYNTAX_ERROR`, `TABLE_OR_VIEW_NOT_FOUND`, …) when it gave one. */
  errorClass?: string;
  sqlState?: string;
  messageParameters?: Record<string, string>;
  /** The JVM exception classes, most specific first. */
  exceptionClasses?: readonly string[];
  /** The gRPC status code of the failed call (14: server unreachable, 16: bad or missing token). */
  grpcCode?: number;
  /** True when carelake cancelled the operation (an abort signal or a time limit). */
  cancelled?: boolean;
}

/**
 * A Spark Connect call failed: Spark refused or failed the statement (the message is Spark's,
 * `errorClass` its error class), the operation was cancelled (`cancelled`), or the server could
 * not be reached (the message names the remote and how to start a server). It never carries a
 * token.
 *
 * @example
 * throw new SparkError('[PARSE_SYNTAX_ERROR] Syntax error at or near …', { errorClass: 'PARSE_SYNTAX_ERROR' });
 */
export class SparkError extends CarelakeError {
  readonly errorClass: string | undefined;
  readonly sqlState: string | undefined;
  readonly messageParameters: Readonly<Record<string, string>>;
  readonly exceptionClasses: readonly string[];
  readonly grpcCode: number | undefined;
  readonly cancelled: boolean;

  constructor(message: string, details: SparkErrorDetails = {}, options: { cause?: unknown } = {}) {
    super(message, options);
    this.errorClass = details.errorClass;
    this.sqlState = details.sqlState;
    this.messageParameters = details.messageParameters ?? {};
    this.exceptionClasses = details.exceptionClasses ?? [];
    this.grpcCode = details.grpcCode;
    this.cancelled = details.cancelled ?? false;
  }
}
