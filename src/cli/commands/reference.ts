import { randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DuckDbEngine } from '../../engine/duckdb/duckdb-engine.js';
import { UsageError } from '../../errors/usage-error.js';
import { readLake, resolveLakeDir } from '../../lakehouse/read-lake.js';
import { loadDrgWeights } from '../../pipeline/hospital/ensure-drg-weights.js';
import { prepareCatalogs } from '../../pipeline/run-context.js';
import { emptyRunSummary } from '../../pipeline/run-summary.js';
import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { withLakeLock } from '../with-lake-lock.js';

const help = `Usage: carelake reference load-drg-weights FILE [--lake DIR]

Replaces lh_silver.dbo.ref_ms_drg_weights, the MS-DRG relative weights behind the case mix index,
with a CSV in the CMS Table 5 layout: ms_drg, title, relative_weight, gmlos_days, fiscal_year.
carelake ships the FY2024 weights of the DRGs its generator uses; load the complete official
table to weight every DRG. The next 'carelake run' recomputes the gold KPIs.

Example:
  carelake reference load-drg-weights ./cms_table5_fy2025.csv --lake ./lakehouse
`;

const command: Command = {
  help,
  async run(args, io) {
    const { values, positionals } = parseOptions('reference', args, { lake: { type: 'string' } });
    const [action, file] = positionals;
    if (action !== 'load-drg-weights' || file === undefined || positionals.length !== 2) {
      throw new UsageError(
        'reference: use "carelake reference load-drg-weights FILE"; see carelake reference --help',
      );
    }
    const path = resolve(io.cwd, file);
    await access(path).catch(() => {
      throw new UsageError(`reference: cannot read ${path}; give the path of a CMS Table 5 CSV`);
    });
    const lake = await readLake(resolveLakeDir(values.lake, io.env, io.cwd));
    // It rewrites a table the pipeline reads: not while a run is going on.
    return withLakeLock(lake.dir, { command: 'carelake reference load-drg-weights' }, io, async () => {
      const engine = await DuckDbEngine.open();
      try {
        const ctx = {
          engine,
          lake,
          batchId: randomUUID(),
          startedAt: new Date(),
          fullRefresh: false,
          summary: emptyRunSummary(),
          log: () => undefined,
        };
        await prepareCatalogs(ctx);
        const rows = await loadDrgWeights(ctx, path);
        if (rows === 0)
          throw new UsageError(`reference: ${path} has no rows with a numeric ms_drg and relative_weight`);
        io.stdout.write(
          `Loaded ${rows} MS-DRG weights into lh_silver.dbo.ref_ms_drg_weights; run 'carelake run' to recompute the KPIs\n`,
        );
        return 0;
      } finally {
        engine.close();
      }
    });
  },
};

export default command;
