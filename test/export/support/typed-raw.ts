/**
 * A quarantine row with its `_raw` JSON made independent of how a typed Parquet value was
 * staged: numbers, numeric text and boolean text all become canonical text. carelake on DuckDB
 * stages a typed Parquet column (an integer, a decimal, a boolean) as itself, so `to_json` in a
 * bronze model writes it as a JSON number or boolean; the Spark versions of the models' helpers
 * take text (Spark SQL functions have no overloads), so the notebooks stage it as text and the
 * same value is a JSON string. This is the one documented difference between the engines'
 * quarantine rows (docs/notebooks.md); everything else about the row compares exactly.
 *
 * @example
 * typedRawNormalized({ _raw: '{"a":1}' }); // { _raw: '{"a":"1"}' }
 */
export function typedRawNormalized(row: Record<string, unknown>): Record<string, unknown> {
  if (typeof row._raw !== 'string' || !row._raw.startsWith('{')) return row;
  const raw = JSON.parse(row._raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'number' || typeof value === 'boolean') out[key] = canonicalScalar(String(value));
    else if (typeof value === 'string') out[key] = canonicalScalar(value);
    else out[key] = value;
  }
  return { ...row, _raw: JSON.stringify(out) };
}

function canonicalScalar(text: string): string {
  return /^-?\d+(\.\d+)?$/.test(text) ? String(Number(text)) : text;
}
