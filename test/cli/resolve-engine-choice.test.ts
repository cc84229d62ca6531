import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveEngineChoice } from '../../src/cli/resolve-engine-choice.js';
import { UsageError } from '../../src/errors/usage-error.js';
import { defaultLakeConfig } from '../../src/lakehouse/lake-config.js';

const engine = defaultLakeConfig('t').engine;

test('duckdb unless asked; flags over carelake.json over the environment', () => {
  assert.deepEqual(resolveEngineChoice(engine, {}, {}), { name: 'duckdb' });
  assert.deepEqual(
    resolveEngineChoice(
      { ...engine, name: 'spark', spark: { remote: 'sc://a:1', lakeUri: 's3://b/l' } },
      {},
      {
        CARELAKE_SPARK_REMOTE: 'sc://env:2',
        CARELAKE_SPARK_TOKEN: 'tok',
      },
    ),
    { name: 'spark', remote: 'sc://a:1', token: 'tok', lakeUri: 's3://b/l' },
  );
  assert.deepEqual(
    resolveEngineChoice(
      engine,
      { engine: 'spark', sparkRemote: 'sc://flag:3' },
      { CARELAKE_SPARK_REMOTE: 'sc://env:2' },
    ),
    { name: 'spark', remote: 'sc://flag:3' },
  );
  assert.deepEqual(
    resolveEngineChoice(engine, { engine: 'spark' }, { CARELAKE_SPARK_REMOTE: 'sc://env:2' }),
    {
      name: 'spark',
      remote: 'sc://env:2',
    },
  );
});

test('mistakes are usage errors that say what to do', () => {
  assert.throws(() => resolveEngineChoice(engine, { engine: 'presto' }, {}), UsageError);
  assert.throws(() => resolveEngineChoice(engine, { engine: 'spark' }, {}), /--spark-remote/);
  assert.throws(() => resolveEngineChoice(engine, { sparkRemote: 'sc://a:1' }, {}), /--engine spark/);
  assert.throws(
    () =>
      resolveEngineChoice({ ...engine, name: 'spark', spark: { remote: 'sc://a:1/;token=secret' } }, {}, {}),
    /CARELAKE_SPARK_TOKEN/,
  );
});
