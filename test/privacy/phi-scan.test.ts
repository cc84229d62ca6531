import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DuckDbDatabase } from '../../src/engine/duckdb/duckdb-database.js';
import { mrnForPatient } from '../../src/generate/population/mrn-for-patient.js';
import { PHI_COLUMNS } from '../../src/privacy/phi-columns.js';
import { scanForPhi } from '../../src/privacy/scan-for-phi.js';
import { generateSample, TEST_SALT } from '../generate/support/generate-sample.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const parquet = await generateSample({ dirtyRate: 0.03 });
const csv = await generateSample({ format: 'csv', dirtyRate: 0.03 });

// Every generated file as text: CSV and JSON as they are, Parquet exported to CSV by DuckDB.
async function filesAsText(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const db = await DuckDbDatabase.open({ threads: 1 });
  try {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (!name.endsWith('.parquet')) {
        out.set(name, readFileSync(path, 'utf8'));
        continue;
      }
      const target = join(tempDir('phi-'), `${name}.csv`);
      await db.run('COPY (SELECT * FROM read_parquet($1)) TO $2 (FORMAT csv, HEADER)', [path, target]);
      out.set(name, readFileSync(target, 'utf8'));
    }
  } finally {
    db.close();
  }
  return out;
}

describe('no PHI reaches a file', () => {
  test('the scanner finds raw MRNs and unmasked SSNs, and ignores masked SSNs, dates and record ids', () => {
    assert.deepEqual(
      scanForPhi('mrn MRN-000123456, MRN_42, ssn 917-42-0831').map((f) => f.kind),
      ['raw_mrn', 'raw_mrn', 'unmasked_ssn'],
    );
    assert.deepEqual(
      scanForPhi('XXX-XX-0831,2025-03-31 08:00:00,ENC0000000001,EVT0000000012,123-45-67890'),
      [],
    );
  });

  for (const [label, sample] of [
    ['Parquet', parquet],
    ['CSV', csv],
  ] as const) {
    test(`${label}: no raw MRN or unmasked SSN in any generated file, dirty rows included`, async () => {
      const files = await filesAsText(sample.dir);
      assert.ok(files.size >= 8, [...files.keys()].join(','));
      for (const [name, text] of files) assert.deepEqual(scanForPhi(text), [], name);
    });
  }

  test('mrn_hash is the HMAC-SHA-256 of a simulated MRN, and events name patients by the same pseudonym', async () => {
    const db = await DuckDbDatabase.open({ threads: 1 });
    try {
      const hashes = new Set(
        (
          await db.readRows(
            'SELECT DISTINCT mrn_hash AS h FROM read_parquet($1) WHERE mrn_hash IS NOT NULL',
            [join(parquet.dir, 'admissions.parquet')],
          )
        ).map((r) => String(r.h)),
      );
      for (const h of hashes) assert.match(h, /^[0-9a-f]{64}$/);
      const known = new Set<string>();
      for (let i = 0; i < 60_000; i++)
        known.add(createHmac('sha256', TEST_SALT).update(mrnForPatient(i, 42)).digest('hex'));
      for (const h of hashes) assert.ok(known.has(h), h);
      const strangers = await db.readRows(
        'SELECT count(*) AS n FROM read_parquet($1) WHERE patient_id IS NOT NULL AND patient_id NOT IN (SELECT mrn_hash FROM read_parquet($2))',
        [join(parquet.dir, 'emr_events.parquet'), join(parquet.dir, 'admissions.parquet')],
      );
      assert.equal(Number(strangers[0]!.n), 0);
    } finally {
      db.close();
    }
  });

  test('every masked SSN has the XXX-XX-#### form', async () => {
    const text = readFileSync(join(csv.dir, 'admissions.csv'), 'utf8');
    const ssns = text
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[2])
      .filter((s) => s !== undefined && s !== '');
    assert.ok(ssns.length > 1000);
    for (const s of ssns) assert.match(s!, /^XXX-XX-\d{4}$/);
  });

  test('the PHI registry names columns that exist in the landing files', () => {
    const header = readFileSync(join(csv.dir, 'admissions.csv'), 'utf8').split('\n')[0]!.split(',');
    const events = readFileSync(join(csv.dir, 'emr_events.csv'), 'utf8').split('\n')[0]!.split(',');
    for (const c of PHI_COLUMNS)
      assert.ok((c.dataset === 'admissions' ? header : events).includes(c.column), c.column);
  });

  test('errors and progress never print a salt', async () => {
    const lake = tempDir('phi-cli-');
    const run = await runCliCaptured(['generate', '--lake', lake, '--scale', 'tiny'], {
      CARELAKE_HASH_SALT: TEST_SALT,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(!run.stdout.includes(TEST_SALT) && !run.stderr.includes(TEST_SALT));
    assert.deepEqual(scanForPhi(run.stdout + run.stderr), []);
  });
});
