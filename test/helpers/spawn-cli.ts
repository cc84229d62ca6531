import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from './project-root.js';

/** A CLI or fixture process the test can watch, signal and await. */
export interface Spawned {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves when the process ends (killed after `timeoutMs`, default 120 s). */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once stdout or stderr matches. */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<void>;
}

/**
 * Starts `node <script> …args` (a path under dist/, e.g. 'src/cli/main.js') as a real process
 * with TZ=UTC and the given extra environment.
 *
 * @example
 * const run = spawnNode('src/cli/main.js', ['run', 'all', '--lake', lake]);
 * const { code } = await run.done;
 */
export function spawnNode(
  script: string,
  args: readonly string[],
  env: Record<string, string> = {},
  timeoutMs = 120_000,
): Spawned {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', script), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TZ: 'UTC', ...env },
  });
  let out = '';
  let err = '';
  const listeners: (() => void)[] = [];
  const notify = () => {
    for (const l of [...listeners]) l();
  };
  child.stdout!.setEncoding('utf8').on('data', (c: string) => {
    out += c;
    notify();
  });
  child.stderr!.setEncoding('utf8').on('data', (c: string) => {
    err += c;
    notify();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      notify();
      resolve({ code, signal });
    }),
  );
  const waitFor = (pattern: RegExp, ms = 60_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pattern.test(out) || pattern.test(err)) {
          listeners.splice(listeners.indexOf(check), 1);
          clearTimeout(t);
          resolve();
        } else if (child.exitCode !== null || child.signalCode !== null) {
          listeners.splice(listeners.indexOf(check), 1);
          clearTimeout(t);
          reject(new Error(`process ended before ${pattern}:\n${out}\n${err}`));
        }
      };
      const t = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}:\n${out}\n${err}`)), ms);
      listeners.push(check);
      check();
    });
  return { child, stdout: () => out, stderr: () => err, done, waitFor };
}
