import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbEngine } from '../../engine/duckdb/duckdb-engine.js';
import { CarelakeError } from '../../errors/carelake-error.js';
import { UsageError } from '../../errors/usage-error.js';
import { readLake, resolveLakeDir } from '../../lakehouse/read-lake.js';
import { type RunTarget, runPipeline } from '../../pipeline/run-pipeline.js';
import { emptyRunSummary, formatRunSummary } from '../../pipeline/run-summary.js';
import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';

const help = `Usage: carelake run [all|sessions|hospital|bronze|silver|gold] [--lake DIR] [--engine duckdb] [--full-refresh]

Runs the pipeline over the landing zone: bronze (typed, bad rows quarantined with a reason),
silver (cleaned, deduplicated), gold (sessions and summaries). Re-runs are safe: a landing file
already ingested is skipped, and only clinicians with new events are recomputed. Prints a
summary: per landing file, rows in = loaded + quarantined; rows refused later by reason;
expectations; rows per table; time per step. Exits 1 when an error-level expectation fails.

Targets:
  all        both pipelines, every layer (default)
  sessions   the clinician EMR sessionization pipeline, all layers
  hospital   the hospital-operations pipeline (admissions, claims, staffing), all layers
  bronze | silver | gold   one layer of both pipelines

Options:
  --lake DIR       the lake (default $CARELAKE_LAKE, else ./lakehouse)
  --engine NAME    duckdb (default)
  --full-refresh   recompute silver and gold from all of bronze

Example:
  carelake run sessions --lake ./lakehouse
`;

const TARGETS: readonly RunTarget[] = ['all', 'sessions', 'hospital', 'bronze', 'silver', 'gold'];

const command: Command = {
  help,
  async run(args, io) {
    const { values, positionals } = parseOptions('run', args, {
      lake: { type: 'string' },
      engine: { type: 'string' },
      'full-refresh': { type: 'boolean' },
    });
    const target = (positionals[0] ?? 'all') as RunTarget;
    if (!TARGETS.includes(target) || positionals.length > 1) {
      throw new UsageError(`run: unknown target "${positionals.join(' ')}"; use ${TARGETS.join(', ')}`);
    }
    const engineName = values.engine ?? 'duckdb';
    if (engineName !== 'duckdb')
      throw new UsageError(`run: unknown --engine "${engineName}"; available: duckdb`);
    const lake = await readLake(resolveLakeDir(values.lake, io.env, io.cwd));
    const engine = await DuckDbEngine.open(engineOptions(lake.config.engine));
    const summary = emptyRunSummary();
    try {
      const errors = await runPipeline(
        {
          engine,
          lake,
          batchId: randomUUID(),
          startedAt: new Date(),
          fullRefresh: values['full-refresh'] === true,
          summary,
          log: (line) => io.stderr.write(`${line}\n`),
        },
        target,
      );
      io.stdout.write(formatRunSummary(summary));
      if (errors > 0)
        throw new CarelakeError(`run: ${errors} error-level expectation(s) failed; see the summary above`);
      return 0;
    } finally {
      engine.close();
    }
  },
};

/** The engine limits from the lake config; spills go to the system temp folder. */
function engineOptions(config: { memoryLimit: string | null; threads: number | null } | undefined) {
  return {
    ...(config?.memoryLimit ? { memoryLimit: config.memoryLimit } : {}),
    ...(config?.threads ? { threads: config.threads } : {}),
    tempDirectory: join(tmpdir(), 'carelake-spill'),
  };
}

export default command;
