/**
 * The three roles and what each may read (DESIGN.md, "Serving"). Pure; enforced where data is
 * read (the routes and the SQL console resolve tables through `canReadTable`), never only in
 * the dashboard.
 *
 * - viewer: measures and the aggregate gold tables, small cells suppressed;
 * - analyst: also the de-identified row-level silver and gold tables;
 * - admin: also bronze, quarantine, the audit log and tokens.
 */
export type Role = 'viewer' | 'analyst' | 'admin';

export const ROLES: readonly Role[] = ['viewer', 'analyst', 'admin'];

/** Gold tables with one row per group (DRG, payer, day, unit, role…), never per patient or session. */
export const AGGREGATE_GOLD_TABLES: ReadonlySet<string> = new Set([
  'lh_gold.dbo.gold_healthcare_kpis',
  'lh_gold.dbo.gold_healthcare_kpis_by_payer',
  'lh_gold.dbo.gold_healthcare_daily_census',
  'lh_gold.dbo.gold_healthcare_ed_metrics',
  'lh_gold.dbo.gold_healthcare_denials',
  'lh_gold.dbo.gold_healthcare_staffing_ratios',
  'lh_gold.dbo.gold_healthcare_risk_model_metrics',
  'lh_gold.dbo.gold_clinician_session_summary',
  'lh_gold.dbo.dq_expectation_results',
]);

/**
 * True when `role` may read `table` (`lakehouse.schema.name`, case-insensitive).
 *
 * @example
 * canReadTable('viewer', 'lh_gold.dbo.gold_healthcare_kpis'); // true
 * canReadTable('viewer', 'lh_silver.dbo.silver_healthcare_encounters'); // false
 */
export function canReadTable(role: Role, table: string): boolean {
  const name = table.toLowerCase();
  if (role === 'admin') return true;
  if (AGGREGATE_GOLD_TABLES.has(name)) return true;
  if (role === 'viewer') return false;
  const [lakehouse, , leaf] = name.split('.');
  return (lakehouse === 'lh_silver' || lakehouse === 'lh_gold') && leaf !== 'quarantine';
}

/**
 * True when `role` has at least the rights of `needed`.
 *
 * @example
 * roleAtLeast('admin', 'analyst'); // true
 */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/**
 * Parses a role name; undefined when it is not one.
 *
 * @example
 * parseRole('analyst'); // 'analyst'
 */
export function parseRole(text: string | undefined): Role | undefined {
  return ROLES.find((r) => r === text);
}
