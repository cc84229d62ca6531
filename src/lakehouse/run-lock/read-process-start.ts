import { readFileSync } from 'node:fs';

/**
 * The start time of process `pid` in clock ticks since boot (field 22 of /proc/<pid>/stat), or
 * undefined where there is no /proc or no such process. Together with the pid it names one
 * process, so a pid reused after a crash is not mistaken for the lock's holder.
 *
 * @example
 * readProcessStart(process.pid); // '123456'
 */
export function readProcessStart(pid: number): string | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces: split after its end.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19];
}
