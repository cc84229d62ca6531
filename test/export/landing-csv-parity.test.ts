import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { stageLandingFile } from '../../src/pipeline/landing/stage-landing-file.js';
import { runPython } from '../delta/support/run-python.js';
import { openTestEngine } from '../helpers/open-test-engine.js';
import { tempDir } from '../helpers/temp-dir.js';

// The exported bronze notebook reads CSV landing files with its own Python reader (the cluster
// has no carelake). It must stage exactly what carelake's reader stages: the same rows with the
// same line numbers and values, and the same malformed rows with the same detail and withheld
// _raw. Each case goes through both: carelake's stageLandingFile into DuckDB, and
// src/export/python/landing.py.

const COLUMNS = ['event_id', 'clinician_id', 'event_timestamp', 'metadata'];
const CASES: Record<string, string> = {
  plain:
    'event_id,clinician_id,event_timestamp,metadata\nE1,1,2024-01-01 10:00:00,x\nE2,2,2024-01-01 10:05:00,\n',
  'quoted commas, newlines and doubled quotes':
    'event_id,clinician_id,event_timestamp,metadata\r\n"E,1",1,"2024-01-01\n10:00:00","say ""hi"""\r\nE2,2,t,"a\r\nb"\r\n',
  'unquoted JSON with quotes (the seed)':
    'event_id,clinician_id,event_timestamp,metadata\nE1,1,2024-01-01 10:00:00,{"chart_id": "C1"}\nE2,1,x,a"b"c\n',
  'BOM, padded and differently cased header, extra column':
    '\uFEFF Event_ID , CLINICIAN_ID,extra,event_timestamp ,metadata\nE1,1,z,2024-01-01 10:00:00,m\n',
  'wrong field counts, blank lines, PHI-like fields withheld':
    'event_id,clinician_id,event_timestamp,metadata\nE1,1\n\nE2,2,t,m,extra\nE3,123-45-6789,t,MRN12345 here,extra\nE6,mrn-77,t,m\n"E4",4,t,m\nE5,5,t,"unterminated\nquote',
  'header lacks a column': 'event_id,clinician_id,metadata\nE1,1,m\nE2,2,n\n',
  'no trailing newline, unicode, spaces kept':
    'event_id,clinician_id,event_timestamp,metadata\n É1 ,\u00a01,t,日本\nE2,2,t,x',
  'quote after a quoted field, empty quoted field':
    'event_id,clinician_id,event_timestamp,metadata\n"E1"x,1,"",""\n"",2,t,"a""\n',
  'only a header': 'event_id,clinician_id,event_timestamp,metadata\n',
  empty: '',
};

test('the notebooks stage CSV landing files exactly as carelake does', async () => {
  const dir = tempDir('csv-parity-');
  const engine = await openTestEngine();
  const requests = Object.keys(CASES).map((name, i) => {
    const path = join(dir, `emr_events_${i}.csv`);
    writeFileSync(path, CASES[name]!);
    return { name, path, columns: COLUMNS };
  });
  const python = await runPython<{ staged: unknown[][]; malformed: unknown[][] }[]>('stage_csv.py', [
    JSON.stringify(requests.map(({ path, columns }) => ({ path, columns }))),
  ]);
  for (const [i, request] of requests.entries()) {
    const file = {
      name: `emr_events_${i}.csv`,
      path: request.path,
      format: 'csv' as const,
      contentHash: 'x',
      bytes: 0,
    };
    await stageLandingFile(engine.db, file, COLUMNS);
    const staged = (await engine.db.readRows('SELECT * FROM staged ORDER BY _line')).map((r) => [
      Number(r._line),
      ...COLUMNS.map((c) => r[c] ?? null),
    ]);
    const malformed = (await engine.db.readRows('SELECT * FROM malformed ORDER BY _line')).map((r) => [
      Number(r._line),
      r._raw,
      r._detail,
    ]);
    assert.deepEqual(python[i]!.staged, staged, `${request.name}: staged rows`);
    assert.deepEqual(python[i]!.malformed, malformed, `${request.name}: malformed rows`);
  }
  assert.ok(
    python.some((p) => p.malformed.some((m) => String(m[1]).includes('<withheld>'))),
    'a PHI-like field of a malformed row was withheld',
  );
});
