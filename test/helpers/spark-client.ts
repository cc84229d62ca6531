import { after } from 'node:test';
import { SparkConnectClient, type SparkConnectOptions } from '../../src/engine/spark/spark-connect-client.js';

/**
 * The Spark Connect server the tests use, from CARELAKE_SPARK_REMOTE (npm test starts one and
 * sets it). Unset is a failure, never a skip: the Spark tests must run.
 *
 * @example
 * const remote = sparkRemote(); // 'sc://localhost:15002/;token=…'
 */
export function sparkRemote(): string {
  const remote = process.env.CARELAKE_SPARK_REMOTE;
  if (remote === undefined || remote === '')
    throw new Error(
      'CARELAKE_SPARK_REMOTE is not set: run the Spark tests through `npm test` (it starts a Spark Connect ' +
        'server), or start one with `bash scripts/spark-server.sh start` and ' +
        'export CARELAKE_SPARK_REMOTE="$(bash scripts/spark-server.sh remote)"',
    );
  return remote;
}

/**
 * A client of the test server for one test file, closed (its session released) when it ends.
 *
 * @example
 * const spark = openSparkClient();
 */
export function openSparkClient(options: SparkConnectOptions & { remote?: string } = {}): SparkConnectClient {
  const client = SparkConnectClient.connect(options.remote ?? sparkRemote(), options);
  after(() => client.close());
  return client;
}
