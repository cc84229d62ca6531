import type { LakeTable } from '../lakehouse/lake-table.js';

/**
 * True for the tables whose rows the API pages through: silver and gold, de-identified by
 * construction (hashed MRNs, masked SSNs). Bronze and the quarantine tables keep rows as they
 * arrived and are for administrators (the security issue's roles), so they are not served.
 * Pure.
 *
 * @example
 * isServedTable({ lakehouse: 'lh_gold', schema: 'dbo', name: 'gold_healthcare_kpis', path: '' }); // true
 */
export function isServedTable(table: LakeTable): boolean {
  return (table.lakehouse === 'lh_silver' || table.lakehouse === 'lh_gold') && table.name !== 'quarantine';
}
