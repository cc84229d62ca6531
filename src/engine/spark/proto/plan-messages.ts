/**
 * The plan messages of `spark.connect` that carelake sends: a plan whose root is a SQL relation
 * or a SQL command, parameters as literals. Only the subset the client needs, written here from
 * the field numbers Spark publishes (spark/connect/{base,relations,commands,expressions,types}.proto
 * of Spark 4.2; field numbers never change within the protocol). Names are camelCase (what
 * protobufjs objects use); only the numbers travel on the wire. Unknown fields in answers are
 * skipped by the decoder, so a newer server stays readable.
 *
 * @example
 * const root = Root.fromJSON({ nested: { spark: { nested: { connect: { nested: { ...planMessages } } } } } });
 */
export const planMessages: Record<string, object> = {
  Plan: {
    oneofs: { opType: { oneof: ['root', 'command'] } },
    fields: { root: { type: 'Relation', id: 1 }, command: { type: 'Command', id: 2 } },
  },
  Relation: {
    oneofs: { relType: { oneof: ['sql', 'localRelation'] } },
    fields: { sql: { type: 'SQL', id: 10 }, localRelation: { type: 'LocalRelation', id: 11 } },
  },
  SQL: {
    fields: {
      query: { type: 'string', id: 1 },
      namedArguments: { keyType: 'string', type: 'Expression', id: 4 },
      posArguments: { rule: 'repeated', type: 'Expression', id: 5 },
    },
  },
  LocalRelation: {
    fields: { data: { type: 'bytes', id: 1 }, schema: { type: 'string', id: 2 } },
  },
  Command: {
    oneofs: { commandType: { oneof: ['sqlCommand'] } },
    fields: { sqlCommand: { type: 'SqlCommand', id: 5 } },
  },
  SqlCommand: {
    // Spark 4 reads the statement from `input` (a SQL relation); fields 1-5 are deprecated.
    fields: { input: { type: 'Relation', id: 6 } },
  },
  Expression: {
    oneofs: { exprType: { oneof: ['literal'] } },
    fields: { literal: { type: 'Literal', id: 1 } },
    nested: {
      Literal: {
        oneofs: {
          literalType: {
            oneof: [
              'null',
              'binary',
              'boolean',
              'integer',
              'long',
              'double',
              'decimal',
              'string',
              'date',
              'timestamp',
              'timestampNtz',
              'array',
            ],
          },
        },
        fields: {
          null: { type: 'DataType', id: 1 },
          binary: { type: 'bytes', id: 2 },
          boolean: { type: 'bool', id: 3 },
          integer: { type: 'int32', id: 6 },
          long: { type: 'int64', id: 7 },
          double: { type: 'double', id: 11 },
          decimal: { type: 'Decimal', id: 12 },
          string: { type: 'string', id: 13 },
          date: { type: 'int32', id: 16 },
          timestamp: { type: 'int64', id: 17 },
          timestampNtz: { type: 'int64', id: 18 },
          array: { type: 'Array', id: 22 },
        },
        nested: {
          Decimal: {
            fields: {
              value: { type: 'string', id: 1 },
              precision: { type: 'int32', id: 2, options: { proto3_optional: true } },
              scale: { type: 'int32', id: 3, options: { proto3_optional: true } },
            },
          },
          Array: {
            fields: {
              elementType: { type: 'DataType', id: 1 },
              elements: { rule: 'repeated', type: 'Literal', id: 2 },
            },
          },
        },
      },
    },
  },
  DataType: {
    oneofs: { kind: { oneof: ['null', 'boolean', 'integer', 'long', 'double', 'string'] } },
    fields: {
      null: { type: 'Empty', id: 1 },
      boolean: { type: 'Empty', id: 3 },
      integer: { type: 'Empty', id: 6 },
      long: { type: 'Empty', id: 7 },
      double: { type: 'Empty', id: 9 },
      string: { type: 'Empty', id: 11 },
    },
    // Every simple Spark type message carries only type_variation_reference (field 1), which
    // carelake leaves unset: one empty message serves them all on the wire.
    nested: { Empty: { fields: {} } },
  },
};
