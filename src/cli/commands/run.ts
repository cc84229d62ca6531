import { randomUUID } from 'node:crypto';
import { evaluateAlertRules } from '../../alerts/evaluate-alert-rules.js';
import { formatAlert } from '../../alerts/format-alert.js';
import { CarelakeError } from '../../errors/carelake-error.js';
import { UsageError } from '../../errors/usage-error.js';
import { readLake, resolveLakeDir } from '../../lakehouse/read-lake.js';
import { describeSuspects } from '../../pipeline/quality/suspect-tables.js';
import { type RunTarget, runPipeline } from '../../pipeline/run-pipeline.js';
import { emptyRunSummary, formatRunSummary } from '../../pipeline/run-summary.js';
import type { Command } from '../command.js';
import { openRunEngine } from '../open-run-engine.js';
import { parseOptions } from '../parse-options.js';
import { normalizeWaitFlag, parseWait } from '../parse-wait.js';
import { resolveEngineChoice } from '../resolve-engine-choice.js';
import { withLakeLock } from '../with-lake-lock.js';

const help = `Usage: carelake run [all|sessions|hospital|bronze|silver|gold] [--lake DIR] [--engine duckdb|spark] [--spark-remote sc://HOST:PORT] [--full-refresh] [--wait[=DURATION]]

Runs the pipeline over the landing zone: bronze (typed, bad rows quarantined with a reason),
silver (cleaned, deduplicated), gold (sessions and summaries). Re-runs are safe: a landing file
already ingested is skipped, and only clinicians with new events are recomputed. Prints a
summary: per landing file, rows in = loaded + quarantined; rows refused later by reason;
expectations; rows per table; time per step. Exits 1 when an error-level expectation fails,
naming the tables and the run that rebuilds them. Then evaluates the lake's alert rules and
delivers what fires (see carelake alerts --help).

One run per lake at a time: a run holds the lake's lock (carelake.lock) from before it reads
the landing zone until it ends. A second run started meanwhile exits 2 at once, naming the
holder, or with --wait queues behind it (then usually finds nothing left to do). A lock left
by a killed run on this host is taken over with a warning; see carelake unlock.

Targets:
  all        both pipelines, every layer (default)
  sessions   the clinician EMR sessionization pipeline, all layers
  hospital   the hospital-operations pipeline (admissions, claims, staffing), all layers
  bronze | silver | gold   one layer of both pipelines

Options:
  --lake DIR       the lake (default $CARELAKE_LAKE, else ./lakehouse)
  --engine NAME    duckdb (default: embedded) or spark (the same models on Apache Spark through
                   Spark Connect; Spark's Delta writer writes the same tables); also settable
                   as "engine": {"name": "spark", "spark": {"remote": "sc://…"}} in carelake.json
  --spark-remote URL   the Spark Connect server (default engine.spark.remote in carelake.json,
                   else $CARELAKE_SPARK_REMOTE); its bearer token comes from $CARELAKE_SPARK_TOKEN
  --spark-token TOKEN  the token on the command line (visible to other users of this machine:
                   prefer $CARELAKE_SPARK_TOKEN)
  --full-refresh   recompute silver and gold from all of bronze
  --wait[=DUR]     when another run holds the lake, wait for it: as long as it takes, or
                   at most DUR (30s, 5m, 2h); without it a busy lake fails at once (exit 2)

Example:
  carelake run sessions --lake ./lakehouse
  carelake run all --wait=10m      # from cron: queue behind a manual run for up to 10 minutes
  carelake run all --engine spark --spark-remote sc://spark-host:15002
`;

const TARGETS: readonly RunTarget[] = ['all', 'sessions', 'hospital', 'bronze', 'silver', 'gold'];

const command: Command = {
  help,
  async run(args, io) {
    const { values, positionals } = parseOptions('run', normalizeWaitFlag(args), {
      lake: { type: 'string' },
      engine: { type: 'string' },
      'spark-remote': { type: 'string' },
      'spark-token': { type: 'string' },
      'full-refresh': { type: 'boolean' },
      wait: { type: 'string' },
    });
    const waitMs = parseWait(values.wait);
    const target = (positionals[0] ?? 'all') as RunTarget;
    if (!TARGETS.includes(target) || positionals.length > 1) {
      throw new UsageError(`run: unknown target "${positionals.join(' ')}"; use ${TARGETS.join(', ')}`);
    }
    const lake = await readLake(resolveLakeDir(values.lake, io.env, io.cwd));
    const choice = resolveEngineChoice(
      lake.config.engine,
      {
        ...(values.engine !== undefined ? { engine: values.engine } : {}),
        ...(values['spark-remote'] !== undefined ? { sparkRemote: values['spark-remote'] } : {}),
        ...(values['spark-token'] !== undefined ? { sparkToken: values['spark-token'] } : {}),
      },
      io.env,
    );
    const fullRefresh = values['full-refresh'] === true;
    const lockCommand = `carelake run ${target}${fullRefresh ? ' --full-refresh' : ''}`;
    return withLakeLock(lake.dir, { command: lockCommand, waitMs }, io, async () => {
      const engine = await openRunEngine(lake, choice);
      const summary = emptyRunSummary();
      const batchId = randomUUID();
      try {
        const outcome = await runPipeline(
          {
            engine,
            lake,
            batchId,
            startedAt: io.now?.() ?? new Date(),
            fullRefresh,
            summary,
            log: (line) => io.stderr.write(`${line}\n`),
          },
          target,
        );
        io.stdout.write(formatRunSummary(summary));
        const alerts = await evaluateAlertRules(lake, {
          now: io.now?.() ?? new Date(),
          batchId,
          env: io.env,
          logAlert: (alert) => io.stdout.write(`${formatAlert(alert)}\n`),
          warn: (line) => io.stderr.write(`carelake: ${line}\n`),
        });
        if (alerts.fired.length > 0) io.stdout.write(`Alerts fired: ${alerts.fired.length}\n`);
        if (outcome.errors > 0)
          throw new CarelakeError(`run: ${describeSuspects(outcome.suspects)}; see the summary above`);
        return 0;
      } finally {
        await engine.close();
      }
    });
  },
};

export default command;
