import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePipelineLake, runPipeline, SEED_FIXTURES } from './pipeline-lake.js';
import { PROJECT_ROOT } from './project-root.js';

const HOSPITAL = join(PROJECT_ROOT, 'test', 'fixtures', 'hospital');
const HOSPITAL_FILES = ['admissions.csv', 'admissions_2025-03-10.csv', 'claims.csv', 'staffing.csv'];

/**
 * A lake built by `carelake run all` from both golden fixture sets: the hand-made hospital
 * files of test/fixtures/hospital (10 beds) and the seed notebook's clinicians and EMR events.
 * Every expected figure of the golden tests is worked out by hand from these files.
 *
 * @example
 * const lake = await makeGoldenLake();
 */
export async function makeGoldenLake(): Promise<string> {
  const files: Record<string, string> = {};
  for (const f of HOSPITAL_FILES) files[f] = readFileSync(join(HOSPITAL, f), 'utf8');
  for (const f of ['clinicians.csv', 'emr_events.csv'])
    files[f] = readFileSync(join(SEED_FIXTURES, f), 'utf8');
  const lake = await makePipelineLake(files, { staffedBeds: 10 });
  await runPipeline(lake, 'all');
  return lake;
}
