import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { parseSparkRemote } from '../../../src/engine/spark/parse-spark-remote.js';
import { SparkError } from '../../../src/errors/spark-error.js';
import { openSparkClient, sparkRemote } from '../../helpers/spark-client.js';
import { startTcpProxy } from '../../helpers/tcp-proxy.js';

const spark = openSparkClient();
// Far more work than a test may take: only an interrupt ends it.
// Minutes of CPU and no memory: a cross join (the first version) buffers and spills one side, and
// when an interrupt raced its planning it ran on until the test server's heap was exhausted.
const ENDLESS = 'SELECT count(*) AS n FROM range(1000000000000)';

test('configuration is set, read and unset per session', async () => {
  await spark.setConfig({ 'spark.sql.shuffle.partitions': '3', 'carelake.test.key': 'on' });
  assert.deepEqual(
    await spark.getConfig(['spark.sql.shuffle.partitions', 'carelake.test.key', 'carelake.unset']),
    {
      'spark.sql.shuffle.partitions': '3',
      'carelake.test.key': 'on',
      'carelake.unset': undefined,
    },
  );
  await spark.unsetConfig(['carelake.test.key']);
  assert.deepEqual(await spark.getConfig(['carelake.test.key']), { 'carelake.test.key': undefined });
  // Another session does not see this one's settings.
  const other = openSparkClient();
  assert.equal(
    (await other.getConfig(['spark.sql.shuffle.partitions']))['spark.sql.shuffle.partitions'],
    '4',
  );
});

test('a static configuration key is refused with Spark error class', async () => {
  await assert.rejects(spark.setConfig({ 'spark.connect.execute.reattachable.senderMaxStreamSize': '1' }), {
    name: 'SparkError',
    errorClass: 'CANNOT_MODIFY_CONFIG',
  });
});

test('a time limit interrupts a long query on the server; the session stays usable', async () => {
  const started = Date.now();
  await assert.rejects(spark.sql(ENDLESS, undefined, { timeoutMs: 1500 }), (e: unknown) => {
    assert.ok(e instanceof SparkError);
    assert.equal(e.cancelled, true);
    assert.equal(e.errorClass, 'OPERATION_CANCELED');
    assert.match(e.message, /cancelled after 1500 ms/);
    return true;
  });
  assert.ok(Date.now() - started < 30_000);
  assert.deepEqual(await spark.sql('SELECT 2 AS after_timeout'), [{ after_timeout: 2 }]);
});

test('an abort signal interrupts a running query, and one aborted before starting never runs', async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 1000);
  await assert.rejects(spark.sql(ENDLESS, undefined, { signal: controller.signal }), { cancelled: true });
  await assert.rejects(spark.sql('SELECT 1', undefined, { signal: AbortSignal.abort() }), {
    cancelled: true,
  });
  assert.deepEqual(await spark.sql('SELECT 3 AS after_abort'), [{ after_abort: 3 }]);
});

test('interrupt(operationId) stops an operation another caller started', async () => {
  const operationId = randomUUID();
  const running = spark.sql(ENDLESS, undefined, { operationId });
  const settled = running.then(
    () => 'resolved',
    (e: unknown) => e,
  );
  // An interrupt that lands while Spark still plans the query can miss the job it then submits
  // (a race inside Spark), so wait until it runs, then interrupt.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  assert.deepEqual(await spark.interrupt(operationId), [operationId]);
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    settled,
    new Promise((resolve) => {
      timer = setTimeout(() => resolve('still running after 60 s'), 60_000);
    }),
  ]);
  clearTimeout(timer);
  assert.ok(outcome instanceof SparkError, String(outcome));
  assert.equal(outcome.errorClass, 'OPERATION_CANCELED');
  assert.equal(outcome.cancelled, false);
  assert.deepEqual(await spark.sql('SELECT 4 AS after_interrupt'), [{ after_interrupt: 4 }]);
});

test('a result stream broken by the network is reattached where it stopped: every row exactly once', async () => {
  const server = parseSparkRemote(sparkRemote());
  const proxy = await startTcpProxy(server.port);
  const remote = sparkRemote().replace(`:${server.port}`, `:${proxy.port}`);
  const client = openSparkClient({ remote });
  const reattaches: string[] = [];
  const n = 200_000;
  let rows = 0;
  let sum = 0n;
  let cut = false;
  for await (const batch of client.streamSql(
    'SELECT id FROM range(:n)',
    { n },
    {
      onReattach: (why) => reattaches.push(why),
    },
  )) {
    rows += batch.length;
    for (const row of batch) sum += BigInt(row.id as string);
    if (!cut) {
      cut = true;
      proxy.cutAll();
    }
  }
  assert.equal(rows, n);
  assert.equal(sum, (BigInt(n) * BigInt(n - 1)) / 2n);
  assert.ok(reattaches.includes('stream-broken'), reattaches.join(','));
});

test('a session id given in the remote joins that session', async () => {
  const sessionId = randomUUID();
  const first = openSparkClient({ remote: `${sparkRemote()};session_id=${sessionId};user_id=analyst` });
  assert.equal(first.sessionId, sessionId);
  assert.equal(first.userId, 'analyst');
  await first.setConfig({ 'carelake.test.shared': 'yes' });
  const second = openSparkClient({ remote: `${sparkRemote()};session_id=${sessionId};user_id=analyst` });
  assert.deepEqual(await second.getConfig(['carelake.test.shared']), { 'carelake.test.shared': 'yes' });
  assert.deepEqual(await spark.getConfig(['carelake.test.shared']), { 'carelake.test.shared': undefined });
});
