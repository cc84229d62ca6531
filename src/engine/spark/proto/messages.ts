/**
 * The shapes of the Spark Connect messages as plain objects, as encodeMessage takes them and
 * decodeMessage returns them (field names camelCase, int64 as decimal strings, bytes as
 * Uint8Array). They mirror the definitions beside this file.
 */

export interface UserContext {
  userId: string;
  userName?: string;
}

/** A Spark data type; carelake only names simple ones (for typed nulls and array elements). */
export type DataType =
  | { null: object }
  | { boolean: object }
  | { integer: object }
  | { long: object }
  | { double: object }
  | { string: object };

/** A literal value: exactly one member is set. */
export interface Literal {
  null?: DataType;
  binary?: Uint8Array;
  boolean?: boolean;
  integer?: number;
  long?: string;
  double?: number;
  decimal?: { value: string; precision?: number; scale?: number };
  string?: string;
  /** Days since 1970-01-01. */
  date?: number;
  /** Microseconds since the epoch (an instant). */
  timestamp?: string;
  timestampNtz?: string;
  array?: { elementType: DataType; elements: Literal[] };
}

export interface Expression {
  literal: Literal;
}

export interface SqlRelation {
  query: string;
  namedArguments?: Record<string, Expression>;
  posArguments?: Expression[];
}

export interface Relation {
  sql?: SqlRelation;
  localRelation?: { data?: Uint8Array; schema?: string };
}

export interface Plan {
  root?: Relation;
  command?: { sqlCommand: { input: Relation } };
}

interface RequestHead {
  sessionId: string;
  userContext: UserContext;
  clientType?: string;
}

export interface ExecutePlanRequest extends RequestHead {
  plan: Plan;
  operationId?: string;
  requestOptions?: { reattachOptions: { reattachable: boolean } }[];
  tags?: string[];
}

export interface ExecutePlanResponse {
  sessionId?: string;
  serverSideSessionId?: string;
  operationId?: string;
  responseId?: string;
  arrowBatch?: { rowCount?: string; data?: Uint8Array; startOffset?: string };
  sqlCommandResult?: { relation?: Relation };
  resultComplete?: object;
}

export interface ReattachExecuteRequest extends RequestHead {
  operationId: string;
  lastResponseId?: string;
}

export interface ReleaseExecuteRequest extends RequestHead {
  operationId: string;
  releaseAll?: object;
  releaseUntil?: { responseId: string };
}

export interface ConfigRequest extends RequestHead {
  operation:
    | { set: { pairs: { key: string; value: string }[] } }
    | { get: { keys: string[] } }
    | { getOption: { keys: string[] } }
    | { unset: { keys: string[] } };
}

export interface ConfigResponse {
  pairs?: { key: string; value?: string }[];
  warnings?: string[];
}

/** INTERRUPT_TYPE_OPERATION_ID in spark.connect.InterruptRequest.InterruptType. */
export const INTERRUPT_TYPE_OPERATION_ID = 3;

export interface InterruptRequest extends RequestHead {
  interruptType: number;
  operationId?: string;
}

export interface InterruptResponse {
  interruptedIds?: string[];
}

export interface FetchErrorDetailsRequest extends RequestHead {
  errorId: string;
}

export interface FetchErrorDetailsResponse {
  rootErrorIdx?: number;
  errors?: {
    errorTypeHierarchy?: string[];
    message?: string;
    causeIdx?: number;
    sparkThrowable?: { errorClass?: string; messageParameters?: Record<string, string>; sqlState?: string };
  }[];
}

export interface RpcStatus {
  code?: number;
  message?: string;
  details?: { typeUrl?: string; value?: Uint8Array }[];
}

export interface ErrorInfo {
  reason?: string;
  domain?: string;
  metadata?: Record<string, string>;
}
