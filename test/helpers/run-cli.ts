import { runCli } from '../../src/cli/main.js';

/** What a CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process with captured output and an explicit environment.
 *
 * @example
 * const r = await runCliCaptured(['sql', '--lake', dir, 'SELECT 1']);
 */
export async function runCliCaptured(
  argv: string[],
  env: Record<string, string | undefined> = {},
  cwd = process.cwd(),
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (c: string) => (stdout += c) },
    stderr: { write: (c: string) => (stderr += c) },
    env: { TZ: 'UTC', ...env },
    cwd,
  });
  return { code, stdout, stderr };
}
