const optional = { proto3_optional: true };

/** The fields every request of the service starts with (session, user, client type). */
function requestHead(extra: Record<string, { type: string; id: number; rule?: string; options?: object }>) {
  return {
    fields: {
      sessionId: { type: 'string', id: 1 },
      userContext: { type: 'UserContext', id: 2 },
      ...extra,
    },
  };
}

/**
 * The request and response messages of `spark.connect.SparkConnectService` that carelake uses:
 * ExecutePlan (with reattachable execution), ReattachExecute, ReleaseExecute, Config, Interrupt,
 * ReleaseSession and FetchErrorDetails. Written from the field numbers Spark 4.2 publishes in
 * spark/connect/base.proto (a subset; names camelCase, numbers as published).
 *
 * @example
 * const root = Root.fromJSON({ nested: { spark: { nested: { connect: { nested: { ...serviceMessages } } } } } });
 */
export const serviceMessages: Record<string, object> = {
  UserContext: {
    fields: { userId: { type: 'string', id: 1 }, userName: { type: 'string', id: 2 } },
  },
  ExecutePlanRequest: requestHead({
    plan: { type: 'Plan', id: 3 },
    clientType: { type: 'string', id: 4, options: optional },
    requestOptions: { rule: 'repeated', type: 'RequestOption', id: 5 },
    operationId: { type: 'string', id: 6, options: optional },
    tags: { rule: 'repeated', type: 'string', id: 7 },
  }),
  RequestOption: {
    oneofs: { requestOption: { oneof: ['reattachOptions'] } },
    fields: { reattachOptions: { type: 'ReattachOptions', id: 1 } },
  },
  ReattachOptions: { fields: { reattachable: { type: 'bool', id: 1 } } },
  ExecutePlanResponse: {
    oneofs: {
      responseType: { oneof: ['arrowBatch', 'sqlCommandResult', 'resultComplete'] },
    },
    fields: {
      sessionId: { type: 'string', id: 1 },
      arrowBatch: { type: 'ArrowBatch', id: 2 },
      sqlCommandResult: { type: 'SqlCommandResult', id: 5 },
      operationId: { type: 'string', id: 12 },
      responseId: { type: 'string', id: 13 },
      resultComplete: { type: 'ResultComplete', id: 14 },
      serverSideSessionId: { type: 'string', id: 15 },
    },
  },
  ArrowBatch: {
    fields: {
      rowCount: { type: 'int64', id: 1 },
      data: { type: 'bytes', id: 2 },
      startOffset: { type: 'int64', id: 3, options: optional },
    },
  },
  SqlCommandResult: { fields: { relation: { type: 'Relation', id: 1 } } },
  ResultComplete: { fields: {} },
  ReattachExecuteRequest: requestHead({
    operationId: { type: 'string', id: 3 },
    clientType: { type: 'string', id: 4, options: optional },
    lastResponseId: { type: 'string', id: 5, options: optional },
  }),
  ReleaseExecuteRequest: {
    oneofs: { release: { oneof: ['releaseAll', 'releaseUntil'] } },
    ...requestHead({
      operationId: { type: 'string', id: 3 },
      clientType: { type: 'string', id: 4, options: optional },
      releaseAll: { type: 'ReleaseAll', id: 5 },
      releaseUntil: { type: 'ReleaseUntil', id: 6 },
    }),
  },
  ReleaseAll: { fields: {} },
  ReleaseUntil: { fields: { responseId: { type: 'string', id: 1 } } },
  ReleaseExecuteResponse: {
    fields: {
      sessionId: { type: 'string', id: 1 },
      operationId: { type: 'string', id: 2, options: optional },
    },
  },
  KeyValue: {
    fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2, options: optional } },
  },
  ConfigRequest: requestHead({
    operation: { type: 'ConfigOperation', id: 3 },
    clientType: { type: 'string', id: 4, options: optional },
  }),
  ConfigOperation: {
    oneofs: { opType: { oneof: ['set', 'get', 'getOption', 'unset'] } },
    fields: {
      set: { type: 'ConfigPairs', id: 1 },
      get: { type: 'ConfigKeys', id: 2 },
      getOption: { type: 'ConfigKeys', id: 4 },
      unset: { type: 'ConfigKeys', id: 6 },
    },
  },
  ConfigPairs: { fields: { pairs: { rule: 'repeated', type: 'KeyValue', id: 1 } } },
  ConfigKeys: { fields: { keys: { rule: 'repeated', type: 'string', id: 1 } } },
  ConfigResponse: {
    fields: {
      sessionId: { type: 'string', id: 1 },
      pairs: { rule: 'repeated', type: 'KeyValue', id: 2 },
      warnings: { rule: 'repeated', type: 'string', id: 3 },
    },
  },
  InterruptRequest: {
    oneofs: { interrupt: { oneof: ['operationTag', 'operationId'] } },
    ...requestHead({
      clientType: { type: 'string', id: 3, options: optional },
      interruptType: { type: 'int32', id: 4 },
      operationTag: { type: 'string', id: 5 },
      operationId: { type: 'string', id: 6 },
    }),
  },
  InterruptResponse: {
    fields: {
      sessionId: { type: 'string', id: 1 },
      interruptedIds: { rule: 'repeated', type: 'string', id: 2 },
    },
  },
  ReleaseSessionRequest: requestHead({ clientType: { type: 'string', id: 3, options: optional } }),
  ReleaseSessionResponse: { fields: { sessionId: { type: 'string', id: 1 } } },
  FetchErrorDetailsRequest: requestHead({
    errorId: { type: 'string', id: 3 },
    clientType: { type: 'string', id: 4, options: optional },
  }),
  FetchErrorDetailsResponse: {
    fields: {
      rootErrorIdx: { type: 'int32', id: 1, options: optional },
      errors: { rule: 'repeated', type: 'ErrorDetail', id: 2 },
    },
  },
  ErrorDetail: {
    fields: {
      errorTypeHierarchy: { rule: 'repeated', type: 'string', id: 1 },
      message: { type: 'string', id: 2 },
      causeIdx: { type: 'int32', id: 4, options: optional },
      sparkThrowable: { type: 'SparkThrowable', id: 5 },
    },
  },
  SparkThrowable: {
    fields: {
      errorClass: { type: 'string', id: 1, options: optional },
      messageParameters: { keyType: 'string', type: 'string', id: 2 },
      sqlState: { type: 'string', id: 4, options: optional },
    },
  },
};
