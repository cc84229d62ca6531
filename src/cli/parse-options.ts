import { parseArgs } from 'node:util';
import { UsageError } from '../errors/usage-error.js';

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/**
 * Parses a command's arguments strictly: an unknown option or a missing value is a UsageError
 * (exit 2) that names it and points at `--help`.
 *
 * @example
 * const { values, positionals } = parseOptions('sql', args, { lake: { type: 'string' } });
 */
export function parseOptions<T extends OptionSpec>(
  command: string,
  args: readonly string[],
  options: T,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}; see 'carelake ${command} --help'`);
  }
}
