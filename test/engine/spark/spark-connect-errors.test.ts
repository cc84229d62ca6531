import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { SparkConnectClient } from '../../../src/engine/spark/spark-connect-client.js';
import { SparkError } from '../../../src/errors/spark-error.js';
import { openSparkClient, sparkRemote } from '../../helpers/spark-client.js';

const spark = openSparkClient();

/** The test server's remote with its token replaced (or removed when `token` is undefined). */
function remoteWithToken(token: string | undefined): string {
  const withoutToken = sparkRemote().replace(/;token=[^;]*/, '');
  return token === undefined ? withoutToken : `${withoutToken.replace(/\/?$/, '/')};token=${token}`;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('a syntax error is a SparkError with Spark error class, SQLSTATE and message', async () => {
  await assert.rejects(spark.sql('SELEC 1'), (e: unknown) => {
    assert.ok(e instanceof SparkError);
    assert.equal(e.errorClass, 'PARSE_SYNTAX_ERROR');
    assert.equal(e.sqlState, '42601');
    assert.match(e.message, /^\[PARSE_SYNTAX_ERROR\] Syntax error at or near 'SELEC'/);
    assert.equal(e.cancelled, false);
    return true;
  });
});

test('an unknown table names the table and the error class; commands fail the same way', async () => {
  await assert.rejects(spark.sql('SELECT * FROM carelake_no_such_table'), (e: unknown) => {
    assert.ok(e instanceof SparkError);
    assert.equal(e.errorClass, 'TABLE_OR_VIEW_NOT_FOUND');
    assert.match(e.message, /carelake_no_such_table/);
    assert.deepEqual(e.messageParameters, { relationName: '`carelake_no_such_table`' });
    assert.ok(e.exceptionClasses.includes('org.apache.spark.sql.AnalysisException'));
    return true;
  });
  await assert.rejects(spark.command('DROP TABLE carelake_no_such_table'), {
    errorClass: 'TABLE_OR_VIEW_NOT_FOUND',
  });
  assert.deepEqual(await spark.sql('SELECT 1 AS still_usable'), [{ still_usable: 1 }]);
});

test('no server at the remote: an error naming the remote and how to start one', async () => {
  const port = await freePort();
  const client = SparkConnectClient.connect(`sc://127.0.0.1:${port}/;token=secret-value`);
  try {
    await assert.rejects(client.sql('SELECT 1'), (e: unknown) => {
      assert.ok(e instanceof SparkError);
      assert.equal(e.grpcCode, 14);
      assert.match(
        e.message,
        new RegExp(`cannot reach the Spark Connect server at sc://127\\.0\\.0\\.1:${port}/;token=…`),
      );
      assert.match(e.message, /bash scripts\/spark-server\.sh start/);
      assert.doesNotMatch(e.message, /secret-value/);
      return true;
    });
  } finally {
    await client.close();
  }
});

test('the bearer token travels with every call: a wrong or missing token is refused', async () => {
  for (const token of ['not-the-token', undefined]) {
    const client = SparkConnectClient.connect(remoteWithToken(token));
    try {
      await assert.rejects(client.sql('SELECT 1'), (e: unknown) => {
        assert.ok(e instanceof SparkError);
        assert.equal(e.grpcCode, 16);
        assert.match(e.message, /refused the connection .*give its token in the remote/);
        assert.doesNotMatch(e.message, /not-the-token/);
        return true;
      });
    } finally {
      await client.close();
    }
  }
});
