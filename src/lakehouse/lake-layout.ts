import { join } from 'node:path';

/** The three lakehouses, in pipeline order. Their folder names mirror OneLake. */
export const LAKEHOUSES = ['lh_bronze', 'lh_silver', 'lh_gold'] as const;
export type Lakehouse = (typeof LAKEHOUSES)[number];

/** The only schema carelake uses, as Fabric lakehouses do. */
export const DEFAULT_SCHEMA = 'dbo';

/** `<lake>/<lh>.Lakehouse`. @example lakehouseDir('/lake', 'lh_gold') */
export function lakehouseDir(lake: string, lakehouse: string): string {
  return join(lake, `${lakehouse}.Lakehouse`);
}

/** Folder holding a lakehouse's Delta tables. @example tablesDir('/lake', 'lh_gold') // '/lake/lh_gold.Lakehouse/Tables/dbo' */
export function tablesDir(lake: string, lakehouse: string, schema: string = DEFAULT_SCHEMA): string {
  return join(lakehouseDir(lake, lakehouse), 'Tables', schema);
}

/** Folder of one Delta table. @example tableDir('/lake', 'lh_gold', 'gold_healthcare_kpis') */
export function tableDir(
  lake: string,
  lakehouse: string,
  table: string,
  schema: string = DEFAULT_SCHEMA,
): string {
  return join(tablesDir(lake, lakehouse, schema), table);
}

/** The landing zone for raw files. @example landingDir('/lake') // '/lake/lh_bronze.Lakehouse/Files/landing/healthcare' */
export function landingDir(lake: string): string {
  return join(lakehouseDir(lake, 'lh_bronze'), 'Files', 'landing', 'healthcare');
}

/**
 * Where `carelake watch` moves a landing file that cannot be read, with a `<name>.reason.json`
 * beside it: outside the landing zone, so no run picks it up again.
 *
 * @example
 * rejectedDir('/lake'); // '/lake/lh_bronze.Lakehouse/Files/rejected/healthcare'
 */
export function rejectedDir(lake: string): string {
  return join(lakehouseDir(lake, 'lh_bronze'), 'Files', 'rejected', 'healthcare');
}

/** The lake configuration file. @example configPath('/lake') // '/lake/carelake.json' */
export function configPath(lake: string): string {
  return join(lake, 'carelake.json');
}
