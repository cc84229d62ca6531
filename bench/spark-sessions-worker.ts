import { performance } from 'node:perf_hooks';
import { SparkConnectClient } from '../src/engine/spark/spark-connect-client.js';
import { readLake } from '../src/lakehouse/read-lake.js';
import { buildSessionsOnSpark } from '../src/pipeline/sessions/build-sessions-on-spark.js';

// One measured carelake-on-Spark run: gold sessions rebuilt by the Spark Connect server at
// argv[2] from the lake at argv[3]. Prints {"ms","rows","maxRssMB"} (this client's RSS only:
// the server's is read by the bench from /proc).
const [remote, lakeDir] = process.argv.slice(2);
const spark = SparkConnectClient.connect(remote!);
const started = performance.now();
const { rows } = await buildSessionsOnSpark(spark, await readLake(lakeDir!));
const ms = performance.now() - started;
await spark.close();
process.stdout.write(
  `${JSON.stringify({ ms, rows, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
);
