/**
 * google.rpc.Status, google.rpc.ErrorInfo and google.protobuf.Any: what a Spark Connect server
 * puts in the `grpc-status-details-bin` trailer of a failed call (the ErrorInfo's metadata holds
 * Spark's errorClass, sqlState, messageParameters and the errorId for FetchErrorDetails).
 * Field numbers as published in google/rpc/status.proto and google/rpc/error_details.proto.
 *
 * @example
 * const root = Root.fromJSON({ nested: { google: { nested: rpcStatusMessages } } });
 */
export const rpcStatusMessages: Record<string, object> = {
  protobuf: {
    nested: {
      Any: { fields: { typeUrl: { type: 'string', id: 1 }, value: { type: 'bytes', id: 2 } } },
    },
  },
  rpc: {
    nested: {
      Status: {
        fields: {
          code: { type: 'int32', id: 1 },
          message: { type: 'string', id: 2 },
          details: { rule: 'repeated', type: 'google.protobuf.Any', id: 3 },
        },
      },
      ErrorInfo: {
        fields: {
          reason: { type: 'string', id: 1 },
          domain: { type: 'string', id: 2 },
          metadata: { keyType: 'string', type: 'string', id: 3 },
        },
      },
    },
  },
};
