import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readMacros } from '../../src/pipeline/read-model.js';
import { phiLikePattern } from '../../src/privacy/phi-patterns.js';
import { redactPhiLike } from '../../src/privacy/redact-phi-like.js';
import { openTestEngine } from '../helpers/open-test-engine.js';

// The bronze models' PHI guard (models/macros/phi_like.sql, withhold_phi.sql) and the server's
// and audit log's (src/privacy/phi-patterns.ts) are one rule written twice: SQL and TypeScript
// must agree on every case, including the near misses.
const CASES = [
  '123-45-6789',
  '123456789',
  'ssn 123-45-6789 here',
  '12-345-6789',
  '1234567890',
  'E123456789',
  'XXX-XX-1234',
  'MRN-0042',
  'mrn 77123',
  'Mrn_5',
  'MRNX12',
  'summary',
  '{"ip_address": "192.168.1.10"}',
  '555-123-4567',
  'PAT001',
  'a'.repeat(64),
  '',
  'two: 111-22-3333 and MRN9',
];

test('phi_like and withhold_phi in SQL agree with phiLikePattern and redactPhiLike', async () => {
  const engine = await openTestEngine();
  for (const sql of readMacros()) await engine.db.run(sql);
  for (const text of CASES) {
    const [row] = await engine.db.readRows('SELECT phi_like($t) AS hit, withhold_phi($t) AS kept', {
      t: text,
    });
    assert.equal(row!.hit, phiLikePattern().test(text), `phi_like(${JSON.stringify(text)})`);
    assert.equal(row!.kept, redactPhiLike(text), `withhold_phi(${JSON.stringify(text)})`);
  }
  const [typed] = await engine.db.readRows(
    "SELECT phi_like(123456789) AS n, phi_like(DATE '2025-01-01') AS d",
  );
  assert.deepEqual([typed!.n, typed!.d], [false, false], 'typed Parquet values are never PHI-like text');
});
