import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT, VENV_PYTHON } from '../../helpers/project-root.js';

/** The folder of the delta-rs interop scripts (source tree; Python is not compiled). */
export const INTEROP_DIR = join(PROJECT_ROOT, 'test', 'interop');

/**
 * Runs one of test/interop/*.py with the venv's Python (delta-rs) and returns the JSON it printed.
 * Bounded by `timeoutMs`; a non-zero exit or unparsable output fails with stderr attached.
 *
 * @example
 * const result = await runPython('read_tables.py', [JSON.stringify([{ path }])]);
 */
export function runPython<T>(script: string, args: readonly string[], timeoutMs = 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    execFile(
      VENV_PYTHON,
      [join(INTEROP_DIR, script), ...args],
      {
        timeout: timeoutMs,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, TZ: 'UTC', PYTHONDONTWRITEBYTECODE: '1' },
      },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`${script} failed: ${error.message}\nstderr:\n${stderr}`));
          return;
        }
        try {
          resolve(JSON.parse(stdout) as T);
        } catch (parseError) {
          reject(
            new Error(`${script} printed no JSON (${(parseError as Error).message}):\n${stdout}\n${stderr}`),
          );
        }
      },
    );
  });
}

/** What read_tables.py reports for one table version. */
export interface DeltaRsRead {
  path: string;
  version: number;
  error?: string;
  schema: { type: 'struct'; fields: { name: string; type: unknown; nullable: boolean }[] };
  partitionColumns: string[];
  arrow: Record<string, string>;
  rows: Record<string, import('@duckdb/node-api').Json>[];
  files: { path: string; numRecords: number | null }[];
  history: number[];
  txns?: Record<string, number | null>;
  /** With `probe`: how many filtered reads ran, and those whose row count was wrong. */
  probes?: number;
  probeFailures?: { column: string; value: string | null; want: number; got: number }[];
}

/** One request to read_tables.py. */
export interface DeltaRsReadRequest {
  path: string;
  version?: number;
  appIds?: string[];
  /** Also filter on every value of every primitive column (checks file pruning by stats). */
  probe?: boolean;
}

/**
 * Reads many table versions with delta-rs in one Python process (startup dominates the cost).
 *
 * @example
 * const [latest] = await readWithDeltaRs([{ path }]);
 */
export function readWithDeltaRs(requests: readonly DeltaRsReadRequest[]): Promise<DeltaRsRead[]> {
  return runPython<DeltaRsRead[]>('read_tables.py', [JSON.stringify(requests)]);
}
