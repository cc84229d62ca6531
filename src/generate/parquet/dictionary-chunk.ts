import { decimalDigits } from './decimal-digits.js';
import { DefinitionLevels } from './definition-levels.js';
import type { ChunkBuilder, EncodedChunk } from './encoded-chunk.js';
import { GrowableBytes } from './growable-bytes.js';
import { ENCODING, writeDataPageHeader, writeDictionaryPageHeader } from './page-header.js';

/**
 * A string column dictionary-encoded per row group: each distinct value is written once, in a
 * dictionary page, and rows carry bit-packed indices. Generated text repeats a lot (event types,
 * metadata variants, a patient's hash across a day's events, payers, DRGs), so this is both
 * smaller and faster than writing every string. Indices go in first-seen order, so the bytes
 * depend only on the values.
 *
 * @example
 * const chunk = new DictionaryChunk();
 * chunk.text('LOGIN');
 * chunk.text('LOGIN'); // index 0 again
 */
export class DictionaryChunk implements ChunkBuilder {
  readonly levels = new DefinitionLevels();
  private readonly index = new Map<string, number>();
  // Keys below `smallKeys` use a table instead of the Map (slot = id + 1): a lookup is then
  // one array read, where a Map of numbers costs a hash and probes.
  private readonly small: Int32Array;
  private readonly smallUsed: number[] = [];
  private readonly keyed = new Map<number, number>();
  private size = 0;
  private readonly entries = new GrowableBytes(1 << 14);
  private ids = new Int32Array(1 << 14);
  private used = 0;
  private readonly dictHead = new GrowableBytes(64);
  private readonly dataHead = new GrowableBytes(256);
  private readonly packed = new GrowableBytes(1 << 14);

  /** `smallKeys`: numeric keys below it are looked up in a table (4 bytes per possible key). */
  constructor(private readonly smallKeys = 4096) {
    this.small = new Int32Array(smallKeys);
  }

  nul(): void {
    this.levels.add(0);
  }

  /** A string value (Latin-1/ASCII). */
  text(s: string): void {
    this.push(this.idOf(s));
  }

  /** The dictionary id of `s` in this row group (added if new), for callers that cache ids. */
  idOf(s: string): number {
    let id = this.index.get(s);
    if (id === undefined) {
      id = this.entry(s);
      this.index.set(s, id);
    }
    return id;
  }

  /** A value by its id from `idOf` (valid until `clear`). */
  pushId(id: number): void {
    this.push(id);
  }

  /** The id of numeric `key` in this row group, or -1: for callers that record levels themselves. */
  keyId(key: number): number {
    if (key < this.smallKeys) return this.small[key]! - 1;
    return this.keyed.get(key) ?? -1;
  }

  /** Adds the text of numeric `key` (after keyId returned -1) and returns its id. */
  addKey(key: number, text: string): number {
    const id = this.entry(text);
    if (key < this.smallKeys) {
      this.small[key] = id + 1;
      this.smallUsed.push(key);
    } else this.keyed.set(key, id);
    return id;
  }

  /**
   * Adds numeric `key` whose text is `prefix`, then `n` in decimal, then `suffix` (after keyId
   * returned -1), and returns its id: the same entry as addKey with that text, written as bytes
   * with no string built (metadata such as a note id is new in almost every row that has it).
   */
  addKeyNumbered(key: number, prefix: Uint8Array, n: number, suffix: Uint8Array): number {
    const e = this.entries;
    e.int32(prefix.length + decimalDigits(n) + suffix.length);
    e.bytes(prefix);
    e.decimal(n);
    e.bytes(suffix);
    const id = this.size++;
    if (key < this.smallKeys) {
      this.small[key] = id + 1;
      this.smallUsed.push(key);
    } else this.keyed.set(key, id);
    return id;
  }

  /** Appends a value by id without its definition level (the caller adds the levels). */
  idOnly(id: number): void {
    if (this.used === this.ids.length) {
      const grown = new Int32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.used++] = id;
  }

  /**
   * The value known by the number `key` (a code standing for a text, such as an event type),
   * when this row group already has it: true. False means the caller must `define` it now.
   * Numbers hash much faster than freshly built strings.
   */
  refer(key: number): boolean {
    if (key < this.smallKeys) {
      const slot = this.small[key]!;
      if (slot === 0) return false;
      this.push(slot - 1);
      return true;
    }
    const id = this.keyed.get(key);
    if (id === undefined) return false;
    this.push(id);
    return true;
  }

  /** The text of `key`, after `refer(key)` returned false. */
  define(key: number, text: string): void {
    this.push(this.addKey(key, text));
  }

  private entry(text: string): number {
    this.entries.int32(text.length);
    this.entries.latin1Text(text);
    return this.size++;
  }

  private push(id: number): void {
    this.levels.add(1);
    this.idOnly(id);
  }

  encode(): EncodedChunk {
    const size = this.size;
    const width = Math.max(1, 32 - Math.clz32(Math.max(1, size - 1)));
    const p = this.packed;
    p.reset();
    p.byte(width);
    if (this.used > 0) p.length = this.packIds(p, width);
    const levels = new GrowableBytes(64);
    this.levels.writeTo(levels);
    this.dictHead.reset();
    writeDictionaryPageHeader(this.dictHead, size, this.entries.length);
    this.dataHead.reset();
    writeDataPageHeader(this.dataHead, this.levels.count, levels.length + p.length, ENCODING.RLE_DICTIONARY);
    this.dataHead.bytes(levels.view());
    return {
      parts: [this.dictHead.view(), this.entries.view(), this.dataHead.view(), p.view()],
      dataPageAt: this.dictHead.length + this.entries.length,
      encodings: [ENCODING.PLAIN, ENCODING.RLE, ENCODING.RLE_DICTIONARY],
      values: this.levels.count,
      nulls: this.levels.nulls,
    };
  }

  // The ids as one bit-packed run of groups of 8, least significant bit first, written into `p`
  // (the caller sets its length to the end returned). A method of its own, ending at its loop:
  // the loop is compiled while it runs (on-stack replacement), and code after it in the same
  // method, never run by then, made that compiled code bail out on every later call.
  private packIds(p: GrowableBytes, width: number): number {
    const groups = Math.ceil(this.used / 8);
    p.varint(groups * 2 + 1);
    p.ensure(groups * width);
    const b = p.buffer;
    let at = p.length;
    let acc = 0;
    let bits = 0;
    const end = groups * 8;
    for (let i = 0; i < end; i++) {
      acc |= (i < this.used ? this.ids[i]! : 0) << bits;
      bits += width;
      while (bits >= 8) {
        b[at++] = acc & 0xff;
        acc >>>= 8;
        bits -= 8;
      }
    }
    return at;
  }

  clear(): void {
    this.index.clear();
    this.keyed.clear();
    for (const key of this.smallUsed) this.small[key] = 0;
    this.smallUsed.length = 0;
    this.size = 0;
    this.entries.reset();
    this.used = 0;
    this.levels.clear();
  }
}
