import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Metadata, type ServiceError } from '@grpc/grpc-js';
import { encodeMessage } from '../../../src/engine/spark/proto/encode-message.js';
import { readSparkErrorInfo, translateGrpcError } from '../../../src/engine/spark/translate-grpc-error.js';
import { SparkError } from '../../../src/errors/spark-error.js';

function failedCall(code: number, details: string, errorInfo?: Record<string, string>): ServiceError {
  const metadata = new Metadata();
  if (errorInfo !== undefined) {
    const info = encodeMessage('google.rpc.ErrorInfo', {
      reason: 'x',
      domain: 'org.apache.spark',
      metadata: errorInfo,
    });
    const status = encodeMessage('google.rpc.Status', {
      code,
      message: details,
      details: [{ typeUrl: 'type.googleapis.com/google.rpc.ErrorInfo', value: info }],
    });
    metadata.set('grpc-status-details-bin', status);
  }
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata });
}

test('Spark error details come from the ErrorInfo in the status trailer', () => {
  const error = failedCall(13, '\n[DIVIDE_BY_ZERO] Division by zero. SQLSTATE: 22012\n', {
    errorClass: 'DIVIDE_BY_ZERO',
    sqlState: '22012',
    messageParameters: '{"config":"\\"spark.sql.ansi.enabled\\""}',
    classes: '["org.apache.spark.SparkArithmeticException"]',
    errorId: 'e-1',
  });
  assert.deepEqual(readSparkErrorInfo(error.metadata), {
    errorClass: 'DIVIDE_BY_ZERO',
    sqlState: '22012',
    messageParameters: { config: '"spark.sql.ansi.enabled"' },
    exceptionClasses: ['org.apache.spark.SparkArithmeticException'],
    errorId: 'e-1',
  });
  const translated = translateGrpcError(error, 'sc://h:1/;token=…');
  assert.ok(translated instanceof SparkError);
  assert.equal(translated.message, '[DIVIDE_BY_ZERO] Division by zero. SQLSTATE: 22012');
  assert.equal(translated.errorClass, 'DIVIDE_BY_ZERO');
  assert.equal(translated.grpcCode, 13);
  assert.equal(translateGrpcError(error, 'r', 'the full message').message, 'the full message');
});

test('no trailer: unreachable servers and refused tokens get messages that say what to do', () => {
  assert.equal(readSparkErrorInfo(new Metadata()), undefined);
  const unreachable = translateGrpcError(failedCall(14, 'No connection established'), 'sc://h:1/;token=…');
  assert.match(
    unreachable.message,
    /^cannot reach the Spark Connect server at sc:\/\/h:1\/;token=… \(No connection/,
  );
  assert.match(unreachable.message, /bash scripts\/spark-server\.sh start/);
  const refused = translateGrpcError(failedCall(16, 'Invalid authentication token'), 'sc://h:1');
  assert.match(refused.message, /refused the connection \(Invalid authentication token\): give its token/);
  assert.equal(translateGrpcError(failedCall(2, 'boom'), 'sc://h:1').message, 'boom');
});
