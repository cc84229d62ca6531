import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePipelineLake, runPipeline, SEED_FIXTURES } from './pipeline-lake.js';
import { PROJECT_ROOT } from './project-root.js';

const HOSPITAL = join(PROJECT_ROOT, 'test', 'fixtures', 'hospital');
const HOSPITAL_FILES = ['admissions.csv', 'admissions_2025-03-10.csv', 'claims.csv', 'staffing.csv'];
const SESSION_FILES = ['clinicians.csv', 'emr_events.csv'];

/**
 * One lake holding the hospital golden fixtures (as in hospital-golden.test.ts, 10 staffed beds)
 * and the seed sessionization sample, after `carelake run all`.
 *
 * @example
 * const lake = await makeMeasureLake();
 */
export async function makeMeasureLake(): Promise<string> {
  const files: Record<string, string> = {};
  for (const f of HOSPITAL_FILES) files[f] = readFileSync(join(HOSPITAL, f), 'utf8');
  for (const f of SESSION_FILES) files[f] = readFileSync(join(SEED_FIXTURES, f), 'utf8');
  const lake = await makePipelineLake(files, { staffedBeds: 10 });
  await runPipeline(lake, 'all');
  return lake;
}
