/** One CSV record with the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * A streaming CSV parser (RFC 4180: quoted fields may hold commas, newlines and doubled
 * quotes). Lenient where real feeds are sloppy: a quote inside an unquoted field is a literal
 * character, so the seed's unquoted JSON metadata (`{"chart_id": "C1"}`) parses as one field.
 * Feed it chunks; it returns the records completed so far. Pure: no I/O.
 *
 * @example
 * const p = new CsvRecordParser(); const records = [...p.push('a,"b,c"\n'), ...p.end()];
 */
export class CsvRecordParser {
  private field = '';
  private fields: string[] = [];
  private state: 'start' | 'unquoted' | 'quoted' | 'quote-in-quoted' = 'start';
  private line = 1;
  private recordLine = 1;
  private sawAny = false;

  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      switch (this.state) {
        case 'start':
        case 'unquoted':
          if (ch === ',') this.endField();
          else if (ch === '\n') this.endRecord(out);
          else if (ch === '\r') {
            // CRLF: the \n ends the record.
          } else if (ch === '"' && this.state === 'start') {
            this.state = 'quoted';
            this.sawAny = true;
          } else {
            this.field += ch;
            this.state = 'unquoted';
            this.sawAny = true;
          }
          break;
        case 'quoted':
          if (ch === '"') this.state = 'quote-in-quoted';
          else {
            if (ch === '\n') this.line++;
            this.field += ch;
          }
          break;
        case 'quote-in-quoted':
          if (ch === '"') {
            this.field += '"';
            this.state = 'quoted';
          } else if (ch === ',') this.endField();
          else if (ch === '\n') this.endRecord(out);
          else if (ch !== '\r') {
            this.field += ch;
            this.state = 'unquoted';
          }
          break;
      }
    }
    return out;
  }

  /** Flushes the last record when the input does not end with a newline. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.sawAny || this.fields.length > 0 || this.field !== '') this.endRecord(out);
    return out;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = 'start';
    this.sawAny = true;
  }

  private endRecord(out: CsvRecord[]): void {
    if (this.sawAny || this.fields.length > 0 || this.field !== '') {
      this.fields.push(this.field);
      out.push({ line: this.recordLine, fields: this.fields });
    }
    this.fields = [];
    this.field = '';
    this.state = 'start';
    this.sawAny = false;
    this.line++;
    this.recordLine = this.line;
  }
}
