/**
 * The measure tables with one row per stay or claim of a patient: values computed from fewer
 * than 11 of their rows are small cells (CMS cell-size rule) and are suppressed for viewers.
 * The census, staffing and sessions tables count beds, shifts and clinicians, not patients.
 */
export const PATIENT_LEVEL_TABLES: ReadonlySet<string> = new Set([
  'lh_silver.dbo.silver_healthcare_encounters',
  'lh_silver.dbo.silver_healthcare_claims',
  'lh_gold.dbo.gold_healthcare_readmission_risk',
]);

/** The count column inside a group query. */
export const CELL_COUNT = '__cells';

/** The output column with the rows behind a measure's value. @example cellCountColumn('avg_los') // '__cells_avg_los' */
export function cellCountColumn(measure: string): string {
  return `__cells_${measure}`;
}
