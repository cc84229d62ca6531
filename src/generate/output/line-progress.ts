import type { Progress } from './progress.js';

/**
 * Quiet, line-based progress for logs and pipes: one line when a phase starts and one at every
 * further 25%, never control characters.
 *
 * @example
 * const progress = new LineProgress((s) => process.stderr.write(s));
 */
export class LineProgress implements Progress {
  private label = '';
  private total = 1;
  private nextMark = 25;

  constructor(private readonly write: (text: string) => void) {}

  phase(label: string, total: number): void {
    this.label = label;
    this.total = Math.max(1, total);
    this.nextMark = 25;
    this.write(`generate: ${label}\n`);
  }

  advance(done: number): void {
    const pct = (100 * done) / this.total;
    if (pct < this.nextMark || this.nextMark > 100) return;
    while (this.nextMark <= pct) this.nextMark += 25;
    this.write(`generate: ${this.label} ${Math.floor(pct)}%\n`);
  }

  end(): void {}
}
