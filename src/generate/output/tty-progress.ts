import type { Progress } from './progress.js';

const WIDTH = 30;

/**
 * A progress bar redrawn in place (carriage return), for terminals. Redraws only when the
 * percentage changes, so it costs nothing in the hot loop.
 *
 * @example
 * const progress = new TtyProgress((s) => process.stderr.write(s));
 */
export class TtyProgress implements Progress {
  private label = '';
  private total = 1;
  private shown = -1;

  constructor(private readonly write: (text: string) => void) {}

  phase(label: string, total: number): void {
    if (this.shown >= 0) this.write('\n');
    this.label = label;
    this.total = Math.max(1, total);
    this.shown = -1;
    this.advance(0);
  }

  advance(done: number): void {
    const pct = Math.min(100, Math.floor((100 * done) / this.total));
    if (pct === this.shown) return;
    this.shown = pct;
    const filled = Math.round((WIDTH * pct) / 100);
    this.write(
      `\r${this.label.padEnd(22)} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(pct).padStart(3)}%`,
    );
  }

  end(): void {
    if (this.shown >= 0) this.write('\n');
    this.shown = -1;
  }
}
