import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (benchmarks run from dist/bench/). */
export const PROJECT_ROOT_BENCH = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
