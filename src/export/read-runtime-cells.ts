import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// dist/src/export/read-runtime-cells.js → the package root holds src/export/python/.
const PYTHON = fileURLToPath(new URL('../../../src/export/python/', import.meta.url));

/** The runtime parts a notebook inlines, each one Python file in src/export/python/. */
export type RuntimePart = 'tables' | 'landing' | 'ingest' | 'duckdb_json' | 'build' | 'quality';

/**
 * The Python source of a runtime part, inlined into the notebooks (they need no carelake
 * install on the cluster).
 *
 * @example
 * readRuntimePart('tables');
 */
export function readRuntimePart(part: RuntimePart): string {
  return readFileSync(`${PYTHON}${part}.py`, 'utf8');
}
