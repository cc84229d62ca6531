/**
 * The ASCII bytes of record ids ('ENC0000000001', …) for any seq, kept from one call to the
 * next: repeated seqs (the claims of one encounter) cost nothing and the next seq is an
 * increment in place, so a writer copies bytes where it would have built a string per row.
 * The text equals RecordIds' for the same prefix and width.
 *
 * @example
 * const ids = new RecordIdBytes('ENC', 10);
 * ids.of(0); // bytes of 'ENC0000000001' (valid until the next call)
 */
export class RecordIdBytes {
  private readonly text: Uint8Array;
  private seq = -1;

  constructor(
    private readonly prefix: string,
    private readonly digits: number,
  ) {
    this.text = new Uint8Array(prefix.length + digits);
  }

  of(seq: number): Uint8Array {
    const t = this.text;
    if (seq === this.seq + 1 && this.seq >= 0) {
      let i = t.length - 1;
      while (i >= this.prefix.length && t[i] === 57) t[i--] = 48;
      if (i >= this.prefix.length) t[i]!++;
    } else if (seq !== this.seq) {
      const id = this.prefix + String(seq + 1).padStart(this.digits, '0');
      for (let i = 0; i < t.length; i++) t[i] = id.charCodeAt(i);
    }
    this.seq = seq;
    return t;
  }
}
