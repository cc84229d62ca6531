import type { AlertEvent } from '../../alerts/alert-event.js';
import { evaluateAlertRules } from '../../alerts/evaluate-alert-rules.js';
import { formatAlert } from '../../alerts/format-alert.js';
import { DuckDbEngine } from '../../engine/duckdb/duckdb-engine.js';
import { UsageError } from '../../errors/usage-error.js';
import { readLake, resolveLakeDir } from '../../lakehouse/read-lake.js';
import { releaseOwnLockSync } from '../../lakehouse/run-lock/release-own-lock-sync.js';
import { formatWatchEvent } from '../../pipeline/watch/format-watch-event.js';
import { type WatchEvent, watchLandingZone } from '../../pipeline/watch/watch-landing-zone.js';
import type { Command } from '../command.js';
import { engineOptions } from '../engine-options.js';
import { parseDuration } from '../parse-duration.js';
import { parseOptions } from '../parse-options.js';

const help = `Usage: carelake watch [--lake DIR] [--interval 5s] [--settle 1s] [--compact-every 30m] [--json]

Watches the landing zone and runs the incremental pipeline (as carelake run all) when new
files arrive. Several files that arrive together are one micro-batch. A file counts once it is
complete: renamed into place (write it as emr_events_7.csv.tmp, then rename), or unchanged for
the settle time. At start, one batch takes every file already there and finishes whatever an
earlier run or watcher left half done.

Exactly once per landing file, across restarts and crashes: a watcher killed at any point and
started again leaves the tables equal to one carelake run all over the same files. Each batch
holds the lake's run lock, so it never overlaps a carelake run (a busy lake is retried). Bad
rows go to quarantine; a file that cannot be read at all is moved to
lh_bronze.Lakehouse/Files/rejected/healthcare/ with a .reason.json, and the watcher keeps going.
After each batch the lake's alert rules are evaluated (see carelake alerts --help).

One line per batch: the files, rows in = loaded + quarantined, the tables changed, the time.
SIGINT or SIGTERM stops after the batch in progress (exit 0); a second one stops at once.
When idle, every --compact-every the small files batches appended are merged (OPTIMIZE: the
rows do not change, the next batch stays incremental).

Options:
  --lake DIR        the lake (default $CARELAKE_LAKE, else ./lakehouse)
  --interval DUR    how often to look without a file-system event (default 5s)
  --settle DUR      how long a file must stay unchanged to count as complete (default 1s)
  --compact-every DUR  merge the batches' small files when idle this long after the last
                    compaction (default 30m; 0 never)
  --json            one JSON object per line (event: start, batch, alert, idle, busy,
                    rejected, optimize, error, warning, stop) instead of text

Example:
  carelake watch --lake ./lakehouse --interval 2s --json
`;

const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

const command: Command = {
  help,
  async run(args, io) {
    const { values, positionals } = parseOptions('watch', args, {
      lake: { type: 'string' },
      interval: { type: 'string' },
      settle: { type: 'string' },
      'compact-every': { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length > 0)
      throw new UsageError(`watch: unexpected argument "${positionals[0]}"; see carelake watch --help`);
    const intervalMs = parseDuration(values.interval ?? '5s', '--interval');
    const settleMs = parseDuration(values.settle ?? '1s', '--settle');
    if (intervalMs <= 0) throw new UsageError('--interval: must be more than 0, e.g. 5s');
    const compactEveryMs = parseDuration(values['compact-every'] ?? '30m', '--compact-every');
    const now = io.now ?? (() => new Date());
    const lake = await readLake(resolveLakeDir(values.lake, io.env, io.cwd));
    const json = values.json === true;
    const emit = (e: WatchEvent) =>
      io.stdout.write(`${json ? JSON.stringify({ at: now().toISOString(), ...e }) : formatWatchEvent(e)}\n`);
    const emitAlert = (a: AlertEvent) =>
      io.stdout.write(
        `${json ? JSON.stringify({ at: now().toISOString(), event: 'alert', ...a }) : formatAlert(a)}\n`,
      );
    const controller = new AbortController();
    let signals = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      signals++;
      if (signals === 1) {
        io.stderr.write(
          `carelake watch: ${signal}: stopping after the batch in progress (again to stop now)\n`,
        );
        controller.abort();
        return;
      }
      const released = releaseOwnLockSync(lake.dir);
      io.stderr.write(
        `carelake watch: stopped by ${signal}${released ? '; the lake lock is released' : ''}\n`,
      );
      process.exit(SIGNAL_EXIT[signal] ?? 1);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const engine = await DuckDbEngine.open(engineOptions(lake.config.engine));
    try {
      await watchLandingZone({
        engine,
        lake,
        intervalMs,
        settleMs,
        compactEveryMs,
        now,
        signal: controller.signal,
        emit,
        log: (line) => io.stderr.write(`${line}\n`),
        afterRun: async (ctx) =>
          (
            await evaluateAlertRules(lake, {
              now: now(),
              batchId: ctx.batchId,
              env: io.env,
              logAlert: emitAlert,
              warn: (message) => emit({ event: 'warning', message }),
            })
          ).fired.length,
      });
      return 0;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      engine.close();
    }
  },
};

export default command;
