import { GrowableBytes } from './growable-bytes.js';

/**
 * Definition levels of an OPTIONAL flat column (1 = value present, 0 = null), kept as runs as
 * they arrive and written as RLE runs of bit width 1 with their byte-length prefix, as a v1
 * data page wants them. A column without nulls is one run: a few bytes for any row count.
 *
 * @example
 * const levels = new DefinitionLevels();
 * levels.add(1);
 * levels.add(0);
 * levels.writeTo(page);
 */
export class DefinitionLevels {
  private runs: number[] = [];
  private level = 1;
  private run = 0;
  private readonly scratch = new GrowableBytes(256);
  count = 0;
  nulls = 0;

  add(level: number): void {
    this.count++;
    if (level === 0) this.nulls++;
    if (level === this.level) this.run++;
    else {
      if (this.run > 0) this.runs.push(this.run, this.level);
      this.level = level;
      this.run = 1;
    }
  }

  /** `n` present values at once (a column without nulls costs nothing per value). */
  addPresent(n: number): void {
    this.count += n;
    if (this.level === 1) this.run += n;
    else {
      if (this.run > 0) this.runs.push(this.run, this.level);
      this.level = 1;
      this.run = n;
    }
  }

  /** Appends the length-prefixed RLE levels to `out`. */
  writeTo(out: GrowableBytes): void {
    const s = this.scratch;
    s.reset();
    const write = (run: number, level: number) => {
      s.varint(run * 2);
      s.byte(level);
    };
    for (let i = 0; i < this.runs.length; i += 2) write(this.runs[i]!, this.runs[i + 1]!);
    if (this.run > 0) write(this.run, this.level);
    out.int32(s.length);
    out.bytes(s.view());
  }

  clear(): void {
    this.runs = [];
    this.level = 1;
    this.run = 0;
    this.count = 0;
    this.nulls = 0;
  }
}
