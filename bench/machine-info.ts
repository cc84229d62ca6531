import { cpus, totalmem } from 'node:os';

/**
 * One line describing the machine a benchmark ran on.
 *
 * @example
 * machineInfo(); // '2 × Intel Xeon …, 24 GB RAM, Node v20.20.2, linux x64'
 */
export function machineInfo(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${process.platform} ${process.arch}`;
}
