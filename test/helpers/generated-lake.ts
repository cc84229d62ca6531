import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { landingDir } from '../../src/lakehouse/lake-layout.js';
import { runCliCaptured } from './run-cli.js';
import { tempDir } from './temp-dir.js';

/** The hash salt the generated hospital was pseudonymised with (runs over it need the same). */
export const GENERATED_SALT = 'a7'.repeat(32);
let template: Promise<string> | undefined;

/**
 * A new lake whose landing zone holds a tiny generated hospital (seed 5, 5 % dirty rows: every
 * dataset, every quarantine path). The hospital is generated once per test file and copied.
 *
 * @example
 * const lake = await makeGeneratedLake();
 */
export async function makeGeneratedLake(): Promise<string> {
  template ??= (async () => {
    const lake = join(tempDir('generated-'), 'template');
    assert.equal((await runCliCaptured(['init', '--lake', lake])).code, 0);
    const g = await runCliCaptured(
      ['generate', '--lake', lake, '--scale', 'tiny', '--seed', '5', '--dirty', '0.05'],
      { CARELAKE_HASH_SALT: GENERATED_SALT },
    );
    assert.equal(g.code, 0, g.stderr);
    return lake;
  })();
  const from = await template;
  const lake = join(tempDir('lake-'), 'lake');
  assert.equal((await runCliCaptured(['init', '--lake', lake])).code, 0);
  cpSync(join(from, 'carelake.json'), join(lake, 'carelake.json'));
  cpSync(landingDir(from), landingDir(lake), { recursive: true });
  return lake;
}
