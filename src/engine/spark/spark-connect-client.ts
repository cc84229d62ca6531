import { randomUUID } from 'node:crypto';
import type { Json } from '@duckdb/node-api';
import type { ServiceError } from '@grpc/grpc-js';
import type { SparkError } from '../../errors/spark-error.js';
import { decodeArrowRows } from './decode-arrow-rows.js';
import { type ExecutionContext, executePlan, type SparkCallOptions } from './execute-plan.js';
import { parseSparkRemote, redactToken, type SparkRemote } from './parse-spark-remote.js';
import type {
  ConfigRequest,
  ConfigResponse,
  FetchErrorDetailsResponse,
  InterruptResponse,
  Plan,
  Relation,
} from './proto/messages.js';
import { INTERRUPT_TYPE_OPERATION_ID } from './proto/messages.js';
import { SparkRpc } from './spark-rpc.js';
import type { SparkSessionHead } from './spark-session-head.js';
import { type SparkSqlParam, type SparkSqlParams, toSparkLiteral } from './to-spark-literal.js';
import { readSparkErrorInfo, translateGrpcError } from './translate-grpc-error.js';

const CLIENT_TYPE = 'carelake';

/** How to open a client: these win over the connection string's parameters, which win over defaults. */
export interface SparkConnectOptions {
  /** The session id (a UUID); default: the remote's `session_id`, else a fresh one. */
  sessionId?: string;
  /** The user id; default: the remote's `user_id`, else `carelake`. */
  userId?: string;
  /** Where operation ids come from (a UUID each); tests may pin it. */
  newId?: () => string;
}

/**
 * A Spark Connect client for one Spark session over gRPC: SQL queries whose rows come back from
 * Arrow batches (converted like the DuckDB engine's rows, see arrow-cell-to-json.ts), SQL
 * commands (DDL, INSERT, CREATE TABLE … USING DELTA LOCATION …), parameters bound as Spark
 * literals (`:name` or `?`, never spliced into the text), session configuration, interrupt on an
 * abort signal or a time limit, reattach of long or broken result streams, and errors as
 * SparkError with Spark's message and error class. Close it to release the session.
 *
 * @example
 * const spark = SparkConnectClient.connect('sc://127.0.0.1:15002');
 * const rows = await spark.sql('SELECT id FROM range(10) WHERE id > :min', { min: 5 });
 * await spark.close();
 */
export class SparkConnectClient {
  readonly sessionId: string;
  readonly userId: string;
  private readonly rpc: SparkRpc;
  private readonly head: SparkSessionHead;
  private readonly context: ExecutionContext;
  /** The remote as messages show it (token withheld). */
  private readonly remoteName: string;

  private constructor(remote: SparkRemote, remoteName: string, options: SparkConnectOptions) {
    this.sessionId = options.sessionId ?? remote.sessionId ?? randomUUID();
    this.userId = options.userId ?? remote.userId ?? 'carelake';
    this.remoteName = remoteName;
    this.rpc = new SparkRpc(remote, remote.userAgent ?? CLIENT_TYPE);
    this.head = { sessionId: this.sessionId, userContext: { userId: this.userId }, clientType: CLIENT_TYPE };
    this.context = {
      rpc: this.rpc,
      head: this.head,
      newId: options.newId ?? randomUUID,
      translate: (error) => this.translate(error),
    };
  }

  /** A client for the server at `remote` (`sc://host:port/;token=…`); no call is made yet. */
  static connect(remote: string, options: SparkConnectOptions = {}): SparkConnectClient {
    return new SparkConnectClient(parseSparkRemote(remote), redactToken(remote), options);
  }

  /** Runs a query and returns all its rows. */
  async sql(
    query: string,
    params?: SparkSqlParams,
    options?: SparkCallOptions,
  ): Promise<Record<string, Json>[]> {
    const rows: Record<string, Json>[] = [];
    for await (const batch of this.streamSql(query, params, options)) for (const row of batch) rows.push(row);
    return rows;
  }

  /** Runs a query and yields its rows batch by batch, as Spark sends them (for large results). */
  async *streamSql(
    query: string,
    params?: SparkSqlParams,
    options?: SparkCallOptions,
  ): AsyncGenerator<Record<string, Json>[]> {
    for await (const response of executePlan(this.context, { root: sqlRelation(query, params) }, options)) {
      const data = response.arrowBatch?.data;
      if (data !== undefined && data.length > 0) yield decodeArrowRows(data);
    }
  }

  /**
   * Runs a statement for its effect (DDL, INSERT, MERGE, SET, …), eagerly as Spark's
   * `spark.sql` does, and returns the rows it outputs (most return none).
   */
  async command(
    statement: string,
    params?: SparkSqlParams,
    options?: SparkCallOptions,
  ): Promise<Record<string, Json>[]> {
    const plan: Plan = { command: { sqlCommand: { input: sqlRelation(statement, params) } } };
    const rows: Record<string, Json>[] = [];
    for await (const response of executePlan(this.context, plan, options)) {
      const local = response.sqlCommandResult?.relation?.localRelation?.data;
      if (local !== undefined && local.length > 0) rows.push(...decodeArrowRows(local));
      const data = response.arrowBatch?.data;
      if (data !== undefined && data.length > 0) rows.push(...decodeArrowRows(data));
    }
    return rows;
  }

  /** Sets session configuration values (`spark.sql.shuffle.partitions`, …). */
  async setConfig(pairs: Readonly<Record<string, string>>): Promise<void> {
    await this.config({ set: { pairs: Object.entries(pairs).map(([key, value]) => ({ key, value })) } });
  }

  /** Reads session configuration values; a key that is not set maps to undefined. */
  async getConfig(keys: readonly string[]): Promise<Record<string, string | undefined>> {
    const response = await this.config({ getOption: { keys: [...keys] } });
    const out: Record<string, string | undefined> = Object.fromEntries(keys.map((k) => [k, undefined]));
    for (const pair of response.pairs ?? []) out[pair.key] = pair.value;
    return out;
  }

  /** Returns session configuration keys to their defaults. */
  async unsetConfig(keys: readonly string[]): Promise<void> {
    await this.config({ unset: { keys: [...keys] } });
  }

  /** Interrupts one running operation of this session; returns the ids Spark interrupted. */
  async interrupt(operationId: string): Promise<string[]> {
    const response = await this.call<InterruptResponse>(
      'Interrupt',
      'InterruptRequest',
      'InterruptResponse',
      {
        ...this.head,
        interruptType: INTERRUPT_TYPE_OPERATION_ID,
        operationId,
      },
    );
    return response.interruptedIds ?? [];
  }

  /** Releases the session on the server and closes the channel. */
  async close(): Promise<void> {
    try {
      await this.call('ReleaseSession', 'ReleaseSessionRequest', 'ReleaseSessionResponse', this.head);
    } catch {
      // The server may be gone already; the channel is closed all the same.
    } finally {
      this.rpc.close();
    }
  }

  private config(operation: ConfigRequest['operation']): Promise<ConfigResponse> {
    const request: ConfigRequest = { ...this.head, operation };
    return this.call<ConfigResponse>('Config', 'ConfigRequest', 'ConfigResponse', request);
  }

  private async call<T>(
    method: string,
    requestType: string,
    responseType: string,
    request: object,
  ): Promise<T> {
    try {
      return await this.rpc.unary<T>(method, requestType, responseType, request);
    } catch (error) {
      throw await this.translate(error as ServiceError);
    }
  }

  /** A SparkError for a failed call, with the full message from FetchErrorDetails when Spark has one. */
  private async translate(error: ServiceError): Promise<SparkError> {
    const errorId = readSparkErrorInfo(error.metadata)?.errorId;
    let fullMessage: string | undefined;
    if (errorId !== undefined) {
      const details = await this.rpc
        .unary<FetchErrorDetailsResponse>(
          'FetchErrorDetails',
          'FetchErrorDetailsRequest',
          'FetchErrorDetailsResponse',
          {
            ...this.head,
            errorId,
          },
        )
        .catch(() => undefined);
      fullMessage = details?.errors?.[details.rootErrorIdx ?? 0]?.message;
    }
    return translateGrpcError(error, this.remoteName, fullMessage);
  }
}

function sqlRelation(query: string, params: SparkSqlParams | undefined): Relation {
  if (params === undefined) return { sql: { query } };
  if (Array.isArray(params))
    return {
      sql: {
        query,
        posArguments: params.map((p, i) => ({ literal: toSparkLiteral(p, `parameter ${i + 1}`) })),
      },
    };
  const named = Object.entries(params as Readonly<Record<string, SparkSqlParam>>).map(
    ([name, value]) => [name, { literal: toSparkLiteral(value, `parameter :${name}`) }] as const,
  );
  return { sql: { query, namedArguments: Object.fromEntries(named) } };
}
