/**
 * The Delta schema (PROTOCOL.md, "Schema Serialization Format"): parse, serialise, compare.
 * Pure; knows nothing about any engine.
 */

export type PrimitiveType =
  | 'string'
  | 'long'
  | 'integer'
  | 'short'
  | 'byte'
  | 'float'
  | 'double'
  | 'boolean'
  | 'binary'
  | 'date'
  | 'timestamp'
  | 'timestamp_ntz'
  | `decimal(${number},${number})`;

export interface ArrayType {
  type: 'array';
  elementType: DeltaType;
  containsNull: boolean;
}

export interface MapType {
  type: 'map';
  keyType: DeltaType;
  valueType: DeltaType;
  valueContainsNull: boolean;
}

export interface StructField {
  name: string;
  type: DeltaType;
  nullable: boolean;
  metadata: Record<string, unknown>;
}

export interface StructType {
  type: 'struct';
  fields: StructField[];
}

export type DeltaType = PrimitiveType | ArrayType | MapType | StructType;

/**
 * Parses a metaData.schemaString.
 *
 * @example
 * parseSchema('{"type":"struct","fields":[{"name":"id","type":"long","nullable":true,"metadata":{}}]}');
 */
export function parseSchema(schemaString: string): StructType {
  const parsed = JSON.parse(schemaString) as StructType;
  if (parsed?.type !== 'struct' || !Array.isArray(parsed.fields)) {
    throw new SyntaxError('schemaString is not a struct type');
  }
  return parsed;
}

/** Serialises a schema for metaData.schemaString. @example serializeSchema(schema) */
export function serializeSchema(schema: StructType): string {
  return JSON.stringify(schema);
}

/** A struct field with the defaults every writer uses. @example field('id', 'long') */
export function field(name: string, type: DeltaType, nullable = true): StructField {
  return { name, type, nullable, metadata: {} };
}

/** Canonical text of a type, for comparisons and messages. @example typeName({type:'array',elementType:'long',containsNull:true}) // 'array<long>' */
export function typeName(type: DeltaType): string {
  if (typeof type === 'string') return type;
  switch (type.type) {
    case 'array':
      return `array<${typeName(type.elementType)}>`;
    case 'map':
      return `map<${typeName(type.keyType)},${typeName(type.valueType)}>`;
    case 'struct':
      return `struct<${type.fields.map((f) => `${f.name}:${typeName(f.type)}`).join(',')}>`;
  }
}
