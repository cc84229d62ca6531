import { type DeltaType, field, type StructType, typeName } from './schema.js';

/** A column as the source of a write produces it; `type` null is an untyped NULL column. */
export interface SourceColumn {
  name: string;
  type: DeltaType | null;
}

/** How each table column is filled from the source. */
export interface WriteColumn {
  name: string;
  type: DeltaType;
  /** The source column with the same name, or undefined when the column is filled with NULL. */
  source: SourceColumn | undefined;
}

/** The plan for writing a source into a table: the (possibly evolved) schema and each column. */
export interface WritePlan {
  schema: StructType;
  columns: WriteColumn[];
  schemaChanged: boolean;
  problems: string[];
}

const INTEGRAL: readonly string[] = ['byte', 'short', 'integer', 'long'];

/**
 * Matches a source's columns to a table schema by name (case-sensitive, as Delta stores them).
 * Without `merge`, any missing, extra or incompatible column is a problem; with it, extra
 * columns are added as nullable fields and missing ones are written as NULL. Widening casts
 * (int → long, float → double, wider decimals) are allowed. Pure.
 *
 * @example
 * planWriteSchema(table.schema, [{ name: 'id', type: 'long' }], { merge: false }).problems; // []
 */
export function planWriteSchema(
  schema: StructType,
  source: readonly SourceColumn[],
  options: { merge: boolean },
): WritePlan {
  const problems: string[] = [];
  const byName = new Map(source.map((c) => [c.name, c]));
  const columns: WriteColumn[] = [];
  for (const f of schema.fields) {
    const s = byName.get(f.name);
    if (s === undefined) {
      if (!options.merge) problems.push(`missing column "${f.name}" (${typeName(f.type)})`);
      else if (!f.nullable) problems.push(`missing non-nullable column "${f.name}"`);
      columns.push({ name: f.name, type: f.type, source: undefined });
      continue;
    }
    if (s.type !== null && !canWiden(s.type, f.type)) {
      problems.push(
        `column "${f.name}" is ${typeName(f.type)} in the table but ${typeName(s.type)} in the data`,
      );
    }
    columns.push({ name: f.name, type: f.type, source: s });
  }
  const known = new Set(schema.fields.map((f) => f.name));
  const extra = source.filter((c) => !known.has(c.name));
  const fields = [...schema.fields];
  for (const c of extra) {
    if (!options.merge) {
      problems.push(`extra column "${c.name}" not in the table`);
      continue;
    }
    const type = c.type ?? 'string';
    fields.push(field(c.name, type));
    columns.push({ name: c.name, type, source: c });
  }
  return {
    schema: { type: 'struct', fields },
    columns,
    schemaChanged: options.merge && extra.length > 0,
    problems,
  };
}

/**
 * True when values of type `from` can be stored in a column of type `to` without loss.
 *
 * @example
 * canWiden('integer', 'long'); // true
 */
export function canWiden(from: DeltaType, to: DeltaType): boolean {
  const a = typeName(from);
  const b = typeName(to);
  if (a === b) return true;
  if (typeof from !== 'string' || typeof to !== 'string') return false;
  const i = INTEGRAL.indexOf(from);
  const j = INTEGRAL.indexOf(to);
  if (i >= 0 && j >= 0) return i <= j;
  if (from === 'float' && to === 'double') return true;
  if (i >= 0 && to === 'double') return i <= 2;
  const da = /^decimal\((\d+),(\d+)\)$/.exec(from);
  const db = /^decimal\((\d+),(\d+)\)$/.exec(to);
  if (da && db) {
    const [pa, sa, pb, sb] = [Number(da[1]), Number(da[2]), Number(db[1]), Number(db[2])];
    return sb >= sa && pb - sb >= pa - sa;
  }
  return false;
}
