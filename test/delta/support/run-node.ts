import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../helpers/project-root.js';

/** How a child process ended. */
export interface NodeRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when the test killed it for running longer than its bound. */
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

/** The compiled test fixture scripts. */
export const FIXTURES_DIR = join(PROJECT_ROOT, 'dist', 'test', 'fixtures');

/**
 * Runs a compiled fixture (dist/test/fixtures/<script>) in a fresh Node process and waits for it
 * to end. The child is killed after `timeoutMs` (and `timedOut` says so), so a hung child fails
 * the test instead of hanging it.
 *
 * @example
 * const run = await runNode('crash-writer.js', [tablePath, 'committed', '0', '10', '1']);
 */
export function runNode(script: string, args: readonly string[], timeoutMs = 60_000): Promise<NodeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(FIXTURES_DIR, script), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TZ: 'UTC' },
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, stdout, stderr });
    });
  });
}
