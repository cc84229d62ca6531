import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configPath, landingDir } from '../../src/lakehouse/lake-layout.js';
import { PROJECT_ROOT } from './project-root.js';
import { runCliCaptured } from './run-cli.js';
import { tempDir } from './temp-dir.js';

/** The seed notebook's sample files, kept in the repository for tests. */
export const SEED_FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures', 'seed-sessionization');

/**
 * A new lake whose landing zone holds `files` (name → content) and whose config is patched.
 *
 * @example
 * const lake = await makePipelineLake({ 'clinicians.csv': '…' });
 */
export async function makePipelineLake(
  files: Record<string, string>,
  config: Record<string, unknown> = {},
): Promise<string> {
  const lake = join(tempDir('lake-'), 'lake');
  assert.equal((await runCliCaptured(['init', '--lake', lake])).code, 0);
  const path = configPath(lake);
  writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), ...config }));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(landingDir(lake), name), content);
  return lake;
}

/** Adds a landing file to an existing lake. @example addLandingFile(lake, 'emr_events_2.csv', text) */
export function addLandingFile(lake: string, name: string, content: string): void {
  writeFileSync(join(landingDir(lake), name), content);
}

/** Runs `carelake run …` and fails the test on a non-zero exit. @example await runPipeline(lake) */
export async function runPipeline(lake: string, ...args: string[]): Promise<string> {
  const r = await runCliCaptured(['run', ...(args.length ? args : ['sessions']), '--lake', lake]);
  assert.equal(r.code, 0, `run failed: ${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

/** Runs a query through `carelake sql --format json` and returns the rows. @example await queryLake(lake, 'SELECT 1 AS n') */
export async function queryLake(lake: string, sql: string): Promise<Record<string, unknown>[]> {
  const r = await runCliCaptured(['sql', '--lake', lake, '--format', 'json', sql]);
  assert.equal(r.code, 0, `query failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>[];
}
