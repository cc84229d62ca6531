import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tableDir } from '../../src/lakehouse/lake-layout.js';
import { groupLandingFiles } from '../../src/pipeline/bronze/group-landing-files.js';
import type { LandingFile } from '../../src/pipeline/landing/landing-file.js';
import { EMR_HEADER } from '../helpers/emr-delivery.js';
import {
  addLandingFile,
  makePipelineLake,
  queryLake,
  runPipeline,
  SEED_FIXTURES,
} from '../helpers/pipeline-lake.js';
import { readDataFingerprint } from '../helpers/read-lake-fingerprint.js';
import { runCliCaptured } from '../helpers/run-cli.js';

const file = (name: string, bytes: number, format: 'csv' | 'parquet' = 'csv'): LandingFile => ({
  name,
  path: `/landing/${name}`,
  format,
  contentHash: 'x',
  bytes,
});

test('landing files are grouped in order, bounded by count and bytes, one format per group', () => {
  const names = (groups: LandingFile[][]) => groups.map((g) => g.map((f) => f.name));
  const limits = { files: 3, bytes: 100 };
  assert.deepEqual(
    names(groupLandingFiles([file('a', 10), file('b', 10), file('c', 10), file('d', 10)], limits)),
    [['a', 'b', 'c'], ['d']],
  );
  assert.deepEqual(
    names(groupLandingFiles([file('a', 60), file('b', 50), file('c', 500), file('d', 1)], limits)),
    [['a'], ['b'], ['c'], ['d']],
    'a file over the byte bound is a group of its own',
  );
  assert.deepEqual(
    names(
      groupLandingFiles(
        [file('a', 1), file('b', 1, 'parquet'), file('c', 1, 'parquet'), file('d', 1)],
        limits,
      ),
    ),
    [['a'], ['b', 'c'], ['d']],
  );
  assert.deepEqual(groupLandingFiles([], limits), []);
});

const DELIVERIES: Record<string, string> = {
  'emr_events_1.csv': `${EMR_HEADER}A1,101,2025-03-31 08:00:00,LOGIN,,{}\nA2,101,2025-03-31 08:05:00,OPEN_CHART,P1,{}\n`,
  'emr_events_2.csv': `${EMR_HEADER}B1,102,2025-03-31 09:00:00,LOGIN,,{}\nB2,102,not a time,OPEN_CHART,,{}\nB3,102,2025-03-31 09:01:00\n`,
  'emr_events_3.csv': `${EMR_HEADER}C1,101,2025-03-31 08:20:00,SIGN_ORDER,P1,{}\nA2,101,2025-03-31 08:05:00,OPEN_CHART,P1,{}\n`,
};
const tables = readDataFingerprint;
const CLINICIANS = readFileSync(join(SEED_FIXTURES, 'clinicians.csv'), 'utf8');

const bronzeRows = (lake: string) =>
  queryLake(
    lake,
    `SELECT _bronze_source_file AS f, _bronze_row AS r, event_id, clinician_id, event_timestamp::VARCHAR AS t
     FROM lh_bronze.dbo.bronze_emr_events ORDER BY f, r`,
  );
const quarantined = (lake: string) =>
  queryLake(
    lake,
    `SELECT _source_file AS f, _reject_reason AS reason, _reject_detail AS detail, _raw
     FROM lh_bronze.dbo.quarantine ORDER BY f, reason, _raw`,
  );

test('files delivered together are one bronze commit and one quarantine commit, equal to one run per file; a killed run is completed', async () => {
  const together = await makePipelineLake({ 'clinicians.csv': CLINICIANS, ...DELIVERIES });
  const out = await runPipeline(together, 'sessions');
  for (const name of Object.keys(DELIVERIES)) assert.match(out, new RegExp(`${name}\\s+→ bronze_emr_events`));
  assert.match(
    out,
    /emr_events_2\.csv\s+→ bronze_emr_events\s+3 = 1 \+ 2/,
    'rows in = loaded + quarantined, per file',
  );
  const history = JSON.parse(
    (await runCliCaptured(['table', 'history', 'bronze_emr_events', '--lake', together, '--json'])).stdout,
  ) as { version: number }[];
  assert.equal(history.length, 1, 'three files, one commit');

  const oneByOne = await makePipelineLake({ 'clinicians.csv': CLINICIANS });
  for (const [name, text] of Object.entries(DELIVERIES)) {
    addLandingFile(oneByOne, name, text);
    await runPipeline(oneByOne, 'sessions');
  }
  assert.deepEqual(await bronzeRows(together), await bronzeRows(oneByOne));
  assert.deepEqual(await quarantined(together), await quarantined(oneByOne));
  assert.deepEqual(
    (await quarantined(together)).filter((r) => String(r.f).startsWith('emr_events')).map((r) => r.reason),
    ['invalid_timestamp', 'malformed_row'],
    'the bad timestamp and the short line',
  );
  const fingerprint = await tables(together);
  assert.deepEqual(fingerprint, await tables(oneByOne));

  // A run killed after the bronze commit, before the quarantine's: each file goes alone, its
  // bronze write is skipped by its txn, its refused rows are written once.
  rmSync(tableDir(together, 'lh_bronze', 'quarantine'), { recursive: true, force: true });
  await runPipeline(together, 'sessions');
  assert.deepEqual(await bronzeRows(together), await bronzeRows(oneByOne), 'no file ingested twice');
  assert.deepEqual(await quarantined(together), await quarantined(oneByOne));
  const again = await runPipeline(together, 'sessions');
  assert.match(again, /emr_events_1\.csv\s+→ bronze_emr_events\s+already ingested/);
  assert.deepEqual(await tables(together), fingerprint);
});
