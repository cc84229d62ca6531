import { join } from 'node:path';
import { type GenerateResult, generateLanding } from '../../../src/generate/generate-landing.js';
import type { GenerateOptions, GenerateTuning } from '../../../src/generate/generate-options.js';
import type { DatasetCounts } from '../../../src/generate/scales.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** The salt every generator test uses (long enough to be accepted, obviously a test value). */
export const TEST_SALT = 'carelake-test-salt-0123456789';

/** Small counts that still exercise every dataset; tests override what they measure. */
export const SAMPLE_COUNTS: DatasetCounts = {
  admissions: 3_000,
  claims: 7_500,
  staffing: 900,
  clinicians: 30,
  events: 20_000,
};

/** A generated landing folder and what the generator reported. */
export interface Sample {
  dir: string;
  result: GenerateResult;
}

/**
 * Generates into a fresh temporary folder (removed after the test file).
 *
 * @example
 * const { dir } = await generateSample({ format: 'csv' });
 */
export async function generateSample(
  options: Partial<Omit<GenerateOptions, 'counts'>> & { counts?: Partial<DatasetCounts> } = {},
  tuning: GenerateTuning = {},
): Promise<Sample> {
  const dir = join(tempDir('carelake-gen-'), 'landing');
  const result = await generateLanding(
    {
      seed: 42,
      format: 'parquet',
      dirtyRate: 0,
      salt: TEST_SALT,
      ...options,
      outDir: dir,
      counts: { ...SAMPLE_COUNTS, ...options.counts },
    },
    { tuning },
  );
  return { dir, result };
}
