import * as grpc from '@grpc/grpc-js';
import type { SparkRemote } from './parse-spark-remote.js';
import { decodeMessage, encodeMessage } from './proto/encode-message.js';

const SERVICE = '/spark.connect.SparkConnectService/';
/** Spark's own default for the largest message (an Arrow batch is 4 MiB by default). */
const MAX_MESSAGE_BYTES = 128 * 1024 * 1024;
/**
 * Every unary call of the service (Config, Interrupt, ReleaseExecute, FetchErrorDetails, …) is
 * bookkeeping that answers in milliseconds; the bound keeps a hung server from hanging a
 * cancellation or a close forever.
 */
const UNARY_TIMEOUT_MS = 30_000;

/** A server-streaming call in progress: its responses, and a way to end it early. */
export interface SparkStream<T> {
  responses: AsyncIterable<T>;
  cancel(): void;
}

/**
 * The gRPC channel to one Spark Connect server: TLS when the remote is secure, the bearer token
 * (`authorization: Bearer …`) and the remote's extra parameters as metadata on every call, and
 * messages encoded and decoded with the definitions in ./proto. It knows nothing of sessions.
 *
 * @example
 * const rpc = new SparkRpc(parseSparkRemote('sc://127.0.0.1:15002'));
 * const res = await rpc.unary('Config', 'ConfigRequest', 'ConfigResponse', request);
 */
export class SparkRpc {
  private readonly client: grpc.Client;
  private readonly metadata: grpc.Metadata;

  constructor(remote: SparkRemote, userAgent: string) {
    const credentials = remote.secure ? grpc.credentials.createSsl() : grpc.credentials.createInsecure();
    this.client = new grpc.Client(remote.target, credentials, {
      'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
      'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
      'grpc.primary_user_agent': userAgent,
    });
    this.metadata = new grpc.Metadata();
    for (const [key, value] of Object.entries(remote.metadata)) this.metadata.set(key, value);
    if (remote.token !== undefined) this.metadata.set('authorization', `Bearer ${remote.token}`);
  }

  /**
   * One request, one response, within 30 s (else DEADLINE_EXCEEDED).
   *
   * @example
   * await rpc.unary<ConfigResponse>('Config', 'ConfigRequest', 'ConfigResponse', request);
   */
  unary<T>(method: string, requestType: string, responseType: string, request: object): Promise<T> {
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest(
        SERVICE + method,
        (value: object) => encodeMessage(requestType, value),
        (bytes: Buffer) => decodeMessage<T>(responseType, bytes),
        request,
        this.metadata,
        { deadline: new Date(Date.now() + UNARY_TIMEOUT_MS) },
        (error, response) => (error ? reject(error) : resolve(response as T)),
      );
    });
  }

  /**
   * One request, a stream of responses.
   *
   * @example
   * const { responses, cancel } = rpc.serverStream('ExecutePlan', 'ExecutePlanRequest', 'ExecutePlanResponse', request);
   */
  serverStream<T>(
    method: string,
    requestType: string,
    responseType: string,
    request: object,
  ): SparkStream<T> {
    const call = this.client.makeServerStreamRequest(
      SERVICE + method,
      (value: object) => encodeMessage(requestType, value),
      (bytes: Buffer) => decodeMessage<T>(responseType, bytes),
      request,
      this.metadata,
    );
    return { responses: call as AsyncIterable<T>, cancel: () => call.cancel() };
  }

  /** Closes the channel; calls in flight fail. */
  close(): void {
    this.client.close();
  }
}
