import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DeltaType } from '../../src/delta/schema.js';
import { typeName } from '../../src/delta/schema.js';
import { writeTable } from '../../src/delta/write-table.js';
import { DuckDbEngine } from '../../src/engine/duckdb/duckdb-engine.js';
import { registerSnapshotView } from '../../src/engine/duckdb/register-snapshot-view.js';
import { qualifiedName } from '../../src/lakehouse/lake-table.js';
import { readLakeTables } from '../../src/lakehouse/read-lake-tables.js';
import { makeGeneratedLake } from '../helpers/generated-lake.js';
import { queryLake, runPipeline } from '../helpers/pipeline-lake.js';

// Types a Spark user expects (issue 16): counts and sums of integers are `long`, never the
// decimal(38,0) that DuckDB's sum() over integers (HUGEINT) turns into. Every table of a built
// lake is checked from its Delta schema, the contract other engines read.

/** Types carelake's models may write; anything else (decimal(p,0), short, float, …) is a slip. */
function unexpected(type: DeltaType): string | undefined {
  if (typeof type !== 'string') {
    if (type.type === 'array') return unexpected(type.elementType);
    if (type.type === 'map') return unexpected(type.keyType) ?? unexpected(type.valueType);
    for (const f of type.fields) {
      const bad = unexpected(f.type);
      if (bad) return bad;
    }
    return undefined;
  }
  if (['string', 'long', 'integer', 'double', 'boolean', 'date', 'timestamp'].includes(type))
    return undefined;
  const decimal = /^decimal\((\d+),(\d+)\)$/.exec(type);
  if (decimal && Number(decimal[2]) > 0) return undefined; // money and weights keep their scale
  return type;
}

/** Columns that count or sum integers, by table: each must be a Delta `long`. */
const COUNTS: Record<string, string[]> = {
  gold_healthcare_kpis: ['encounters', 'unique_patients', 'eligible_index_stays', 'readmitted_index_stays'],
  gold_healthcare_kpis_by_payer: [
    'encounters',
    'unique_patients',
    'eligible_index_stays',
    'readmitted_index_stays',
  ],
  gold_healthcare_risk_model_metrics: ['encounters', 'readmitted'],
  gold_healthcare_denials: ['claims', 'denied_claims'],
  gold_healthcare_daily_census: ['census', 'admissions', 'discharges'],
  gold_healthcare_ed_metrics: ['ed_encounters'],
  gold_clinician_session_summary: ['sessions', 'clinicians'],
  clinician_emr_sessions: ['event_count', 'patient_count', 'session_duration_seconds'],
};

const lake = await makeGeneratedLake();
await runPipeline(lake, 'all');

test('no table of a built lake has a decimal(38,0) or other unexpected column type', async () => {
  const engine = await DuckDbEngine.open({ threads: 1 });
  try {
    const tables = await readLakeTables(lake);
    assert.ok(tables.length >= 20, `a built lake has every catalogue table (${tables.length})`);
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const t of tables) {
      const snap = await engine.table(t.path, qualifiedName(t)).readSnapshot();
      const types = new Map(snap.schema.fields.map((f) => [f.name, f.type]));
      for (const [name, type] of types) {
        const bad = unexpected(type);
        if (bad) problems.push(`${qualifiedName(t)}.${name} is ${typeName(type)}`);
      }
      for (const column of COUNTS[t.name] ?? []) {
        seen.add(`${t.name}.${column}`);
        const type = types.get(column);
        if (type !== 'long')
          problems.push(`${qualifiedName(t)}.${column} is ${type && typeName(type)}, not long`);
      }
    }
    assert.deepEqual(problems, []);
    assert.equal(seen.size, Object.values(COUNTS).flat().length, 'every listed count column was checked');
  } finally {
    engine.close();
  }
  // What a SQL user sees: BIGINT, with the golden values intact.
  const rows = await queryLake(
    lake,
    `SELECT any_value(typeof(readmitted_index_stays)) AS k, (SELECT typeof(readmitted) FROM gold_healthcare_risk_model_metrics LIMIT 1) AS m,
            sum(readmitted_index_stays) = (SELECT count(*) FROM silver_healthcare_encounters WHERE index_eligible AND readmitted_within_30d = 1) AS same
     FROM gold_healthcare_kpis_by_payer`,
  );
  assert.deepEqual(rows, [{ k: 'BIGINT', m: 'BIGINT', same: true }]);
});

test('a lake built before the casts takes the model types on its next rebuild', async () => {
  const engine = await DuckDbEngine.open({ threads: 1 });
  try {
    const t = (await readLakeTables(lake)).find((x) => x.name === 'gold_healthcare_kpis')!;
    const table = engine.table(t.path, qualifiedName(t));
    await registerSnapshotView(
      engine.db,
      { catalog: 'temp', schema: 'main', name: 'old' },
      await table.readSnapshot(),
    );
    // The table as an older carelake wrote it: the sum as decimal(38,0).
    await writeTable(table, engine.writer, {
      source: {
        kind: 'query',
        sql: 'SELECT * REPLACE (readmitted_index_stays::HUGEINT AS readmitted_index_stays) FROM old',
      },
      mode: 'overwrite',
      schemaMode: 'overwrite',
    });
    const before = (await table.readSnapshot()).schema.fields.find(
      (f) => f.name === 'readmitted_index_stays',
    );
    assert.equal(before?.type, 'decimal(38,0)');
    await runPipeline(lake, 'all', '--full-refresh');
    const after = (await table.readSnapshot()).schema.fields.find((f) => f.name === 'readmitted_index_stays');
    assert.equal(after?.type, 'long');
  } finally {
    engine.close();
  }
});
