import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Replaces (or appends) the section of bench/RESULTS.md for one suite, between markers, so each
 * run of a suite keeps the other suites' figures.
 *
 * @example
 * writeResults(root, 'delta', '## delta\n…');
 */
export function writeResults(root: string, suite: string, markdown: string): void {
  const path = join(root, 'bench', 'RESULTS.md');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text =
      '# Benchmark results\n\nWritten by `npm run bench -- <suite>`; each section records the machine and the date it ran.\n';
  }
  const start = `<!-- suite:${suite} -->`;
  const end = `<!-- /suite:${suite} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  text =
    i >= 0 && j > i
      ? text.slice(0, i) + block + text.slice(j + end.length)
      : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, text);
}
