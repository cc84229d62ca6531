#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CarelakeError } from '../errors/carelake-error.js';
import { redactPhiLike } from '../privacy/redact-phi-like.js';
import type { CommandIO } from './command.js';
import { COMMANDS } from './command-registry.js';

const USAGE = `carelake — a lakehouse for hospital operations and EMR activity analytics

Usage: carelake <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`)
  .join('\n')}

Run 'carelake <command> --help' for a command's options.
The lake folder is --lake DIR, else $CARELAKE_LAKE, else ./lakehouse.
`;

/**
 * Runs the CLI and returns the exit code. The single place where errors become messages and
 * exit codes: CarelakeError subclasses carry their code, anything else is an internal error.
 * A message never repeats what looks like a raw MRN or an unmasked SSN (a mistyped value).
 *
 * @example
 * const code = await runCli(['sql', 'SELECT 1'], { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
 */
export async function runCli(argv: readonly string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write('carelake 0.1.0\n');
    return 0;
  }
  const entry = COMMANDS[name];
  if (entry === undefined) {
    io.stderr.write(`carelake: unknown command "${name}"; run 'carelake --help' for the list\n`);
    return 2;
  }
  try {
    const command = (await entry.load()).default;
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(command.help);
      return 0;
    }
    return (await command.run(rest, io)) ?? 0;
  } catch (error) {
    if (error instanceof CarelakeError) {
      io.stderr.write(`carelake: ${redactPhiLike(error.message)}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`carelake: internal error: ${redactPhiLike(message)}\n`);
    if (io.env.CARELAKE_DEBUG) io.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return 1;
  }
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isMain()) {
  // `carelake sql … | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
  });
  // Let stdout drain (large query results) before exiting.
  process.exitCode = code;
}
