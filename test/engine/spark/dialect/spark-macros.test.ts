import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tokenizeSql } from '../../../../src/engine/spark/dialect/tokenize-sql.js';
import { hasSparkVersion, readMacros, readModelSql } from '../../../../src/pipeline/read-model.js';
import { PROJECT_ROOT } from '../../../helpers/project-root.js';

const MACROS = join(PROJECT_ROOT, 'models', 'macros');
const sqlFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.sql'));

test('every macro has a Spark definition under the same name, and each file defines the function it is named after', () => {
  assert.deepEqual(sqlFiles(join(MACROS, 'spark')), sqlFiles(MACROS));
  assert.equal(readMacros('spark').length, readMacros().length);
  for (const f of sqlFiles(MACROS)) {
    const name = f.slice(0, -'.sql'.length);
    assert.match(
      readFileSync(join(MACROS, f), 'utf8'),
      new RegExp(`create or replace temp macro ${name}\\(`),
      f,
    );
    assert.match(
      readFileSync(join(MACROS, 'spark', f), 'utf8'),
      new RegExp(`CREATE OR REPLACE TEMPORARY FUNCTION ${name}\\(`),
      `spark/${f}`,
    );
  }
});

test('a Spark literal holding a backslash is raw (Spark would unescape \\d into d)', () => {
  for (const f of sqlFiles(join(MACROS, 'spark'))) {
    const literals = tokenizeSql(readFileSync(join(MACROS, 'spark', f), 'utf8')).filter(
      (t) => t.kind === 'string' && t.text.includes('\\'),
    );
    for (const t of literals) assert.match(t.text, /^[rR]'/, `spark/${f}: ${t.text}`);
  }
});

test('readModelSql takes a Spark version for Spark when there is one, else the shared file', () => {
  assert.match(readModelSql('gold', '_session_events_capped', 'spark'), /aggregate\(/);
  assert.match(readModelSql('gold', '_session_events_capped'), /with recursive/);
  assert.equal(
    readModelSql('gold', 'gold_healthcare_kpis', 'spark'),
    readModelSql('gold', 'gold_healthcare_kpis'),
  );
  assert.equal(hasSparkVersion('gold', 'clinician_emr_sessions'), true);
  assert.equal(hasSparkVersion('silver', 'emr_events'), false);
});
