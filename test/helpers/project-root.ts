import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run from dist/test/…). */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The compiled CLI entry point. */
export const CLI = join(PROJECT_ROOT, 'dist', 'src', 'cli', 'main.js');

/** The Python of the test venv (delta-rs), created by scripts/setup-python.sh. */
export const VENV_PYTHON = join(PROJECT_ROOT, '.venv', 'bin', 'python');
