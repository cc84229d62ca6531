import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDeltaBench } from './delta.bench.js';
import { runGenerateBench } from './generate.bench.js';
import { machineInfo } from './machine-info.js';
import { runPipelineBench } from './pipeline.bench.js';
import { PROJECT_ROOT_BENCH } from './project-root.js';
import { runServeBench } from './serve.bench.js';
import { runSessionsBench } from './sessions.bench.js';
import { runSparkBench } from './spark.bench.js';
import { runWatchBench } from './watch.bench.js';
import { writeResults } from './write-results.js';

const SUITES: Record<string, (dir: string, options: { quick: boolean }) => Promise<string>> = {
  delta: runDeltaBench,
  sessions: runSessionsBench,
  pipeline: runPipelineBench,
  generate: runGenerateBench,
  serve: runServeBench,
  spark: runSparkBench,
  watch: runWatchBench,
};

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const names = args.filter((a) => !a.startsWith('--'));
const chosen = names.length > 0 ? names : Object.keys(SUITES);
for (const name of chosen) {
  const suite = SUITES[name];
  if (suite === undefined) {
    process.stderr.write(`unknown suite "${name}"; suites: ${Object.keys(SUITES).join(', ')}\n`);
    process.exit(2);
  }
  process.stderr.write(`running suite ${name}${quick ? ' (quick)' : ''}…\n`);
  const table = await suite(join(process.env.CARELAKE_BENCH_DIR ?? tmpdir(), `carelake-bench-${name}`), {
    quick,
  });
  const markdown = `## ${name}\n\nMachine: ${machineInfo()}. Run: ${new Date().toISOString().slice(0, 10)}, \`npm run bench -- ${name}${quick ? ' --quick' : ''}\`.\n\n${table}\n`;
  process.stdout.write(`${markdown}\n`);
  if (!quick) writeResults(PROJECT_ROOT_BENCH, name, markdown);
}
