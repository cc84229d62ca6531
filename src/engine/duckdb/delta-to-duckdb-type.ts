import type { DeltaType } from '../../delta/schema.js';
import { quoteIdentifier } from '../quote-identifier.js';

const PRIMITIVES: Record<string, string> = {
  string: 'VARCHAR',
  long: 'BIGINT',
  integer: 'INTEGER',
  short: 'SMALLINT',
  byte: 'TINYINT',
  float: 'FLOAT',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
  binary: 'BLOB',
  date: 'DATE',
  timestamp: 'TIMESTAMPTZ',
  timestamp_ntz: 'TIMESTAMP',
};

/**
 * The DuckDB SQL type for a Delta type (Delta `timestamp` is a UTC instant: TIMESTAMPTZ).
 *
 * @example
 * deltaToDuckdbType({ type: 'array', elementType: 'long', containsNull: true }); // 'BIGINT[]'
 */
export function deltaToDuckdbType(type: DeltaType): string {
  if (typeof type === 'string') {
    const p = PRIMITIVES[type];
    if (p !== undefined) return p;
    const d = /^decimal\((\d+),\s*(\d+)\)$/.exec(type);
    if (d) return `DECIMAL(${d[1]},${d[2]})`;
    throw new TypeError(`unsupported Delta type ${type}`);
  }
  switch (type.type) {
    case 'array':
      return `${deltaToDuckdbType(type.elementType)}[]`;
    case 'map':
      return `MAP(${deltaToDuckdbType(type.keyType)}, ${deltaToDuckdbType(type.valueType)})`;
    case 'struct':
      return `STRUCT(${type.fields.map((f) => `${quoteIdentifier(f.name)} ${deltaToDuckdbType(f.type)}`).join(', ')})`;
  }
}
