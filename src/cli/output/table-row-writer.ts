import type { Json } from '@duckdb/node-api';
import { cellText } from './cell-text.js';
import type { ResultColumn } from './result-column.js';
import type { RowWriter, TextSink } from './row-writer.js';

const SAMPLE_ROWS = 1000;

/**
 * An aligned text table. Column widths come from the first 1,000 rows, which are held back;
 * after that rows stream at those widths (a longer value widens its line, nothing is cut), so
 * memory stays flat however large the result.
 *
 * @example
 * const w = new TableRowWriter(process.stdout); w.start(cols); w.rows(batch); w.end();
 */
export class TableRowWriter implements RowWriter {
  private columns: readonly ResultColumn[] = [];
  private held: string[][] = [];
  private widths: number[] | undefined;
  private count = 0;
  constructor(private readonly out: TextSink) {}

  start(columns: readonly ResultColumn[]): void {
    this.columns = columns;
  }

  rows(batch: readonly (readonly Json[])[]): void {
    for (const row of batch) {
      const cells = row.map((v, i) => (v === null ? 'NULL' : cellText(v, this.columns[i]!, 'display')));
      this.count++;
      if (this.widths === undefined) {
        this.held.push(cells);
        if (this.held.length >= SAMPLE_ROWS) this.flushHeld();
      } else {
        this.out.write(this.line(cells));
      }
    }
  }

  end(): void {
    if (this.widths === undefined) this.flushHeld();
    this.out.write(`(${this.count} ${this.count === 1 ? 'row' : 'rows'})\n`);
  }

  private flushHeld(): void {
    const widths = this.columns.map((c) => c.name.length);
    for (const cells of this.held) {
      cells.forEach((c, i) => {
        widths[i] = Math.max(widths[i]!, c.length);
      });
    }
    this.widths = widths;
    let text = this.line(this.columns.map((c) => c.name));
    text += `${widths.map((w) => '-'.repeat(w)).join('-+-')}\n`;
    for (const cells of this.held) text += this.line(cells);
    this.held = [];
    this.out.write(text);
  }

  private line(cells: readonly string[]): string {
    return `${cells
      .map((c, i) => {
        const kind = this.columns[i]!.kind;
        const right = kind === 'integer' || kind === 'decimal' || kind === 'float';
        return right ? c.padStart(this.widths![i]!) : c.padEnd(this.widths![i]!);
      })
      .join(' | ')
      .trimEnd()}\n`;
  }
}
