import { lakeTable, type RunContext } from '../run-context.js';
import { PIPELINE_TABLES } from '../run-pipeline.js';

/**
 * The current Delta version of every pipeline table that exists, keyed `lakehouse.dbo.name`:
 * what a batch compares with afterwards to name the tables it changed.
 *
 * @example
 * const before = await readTableVersions(ctx);
 */
export async function readTableVersions(ctx: RunContext): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const [lakehouse, name] of PIPELINE_TABLES) {
    const table = lakeTable(ctx, lakehouse, name);
    if (await table.exists()) out.set(`${lakehouse}.dbo.${name}`, (await table.readSnapshot()).version);
  }
  return out;
}
