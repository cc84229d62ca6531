import { UsageError } from '../errors/usage-error.js';
import type { LakeConfig } from '../lakehouse/lake-config.js';

/** Which engine a run uses, and how to reach it. */
export type EngineChoice =
  | { name: 'duckdb' }
  | { name: 'spark'; remote: string; token?: string; lakeUri?: string };

/**
 * The engine of a run (pure): `--engine` over carelake.json's `engine.name` over duckdb; for
 * Spark, `--spark-remote` over `engine.spark.remote` over CARELAKE_SPARK_REMOTE, and the token
 * from `--spark-token` or CARELAKE_SPARK_TOKEN. A token written into carelake.json (a file
 * that travels with the lake) is refused: secrets come from the environment.
 *
 * @example
 * resolveEngineChoice(lake.config.engine, { engine: 'spark', sparkRemote: 'sc://localhost:15002' }, process.env);
 * // { name: 'spark', remote: 'sc://localhost:15002' }
 */
export function resolveEngineChoice(
  config: LakeConfig['engine'] | undefined,
  flags: { engine?: string; sparkRemote?: string; sparkToken?: string },
  env: Readonly<Record<string, string | undefined>>,
): EngineChoice {
  const name = flags.engine ?? config?.name ?? 'duckdb';
  if (name !== 'duckdb' && name !== 'spark')
    throw new UsageError(`unknown engine "${name}"; use duckdb or spark`);
  if (flags.sparkRemote !== undefined && name !== 'spark')
    throw new UsageError(
      '--spark-remote needs --engine spark (or "engine": {"name": "spark"} in carelake.json)',
    );
  if (name === 'duckdb') return { name };
  if (/;\s*token=/i.test(config?.spark?.remote ?? ''))
    throw new UsageError(
      'carelake.json engine.spark.remote holds a token; remove it and set CARELAKE_SPARK_TOKEN in the environment instead',
    );
  const remote = flags.sparkRemote ?? config?.spark?.remote ?? env.CARELAKE_SPARK_REMOTE;
  if (remote === undefined || remote === '')
    throw new UsageError(
      'the Spark engine needs a Spark Connect server: --spark-remote sc://host:15002, or engine.spark.remote in carelake.json, or CARELAKE_SPARK_REMOTE',
    );
  const token = flags.sparkToken ?? env.CARELAKE_SPARK_TOKEN;
  const lakeUri = config?.spark?.lakeUri;
  return {
    name,
    remote,
    ...(token ? { token } : {}),
    ...(lakeUri ? { lakeUri } : {}),
  };
}
