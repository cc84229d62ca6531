/** A Delta table found in the lake, with its three-part SQL name. */
export interface LakeTable {
  lakehouse: string;
  schema: string;
  name: string;
  path: string;
}

/** `lh_gold.dbo.t`. @example qualifiedName(t) */
export function qualifiedName(table: Pick<LakeTable, 'lakehouse' | 'schema' | 'name'>): string {
  return `${table.lakehouse}.${table.schema}.${table.name}`;
}
