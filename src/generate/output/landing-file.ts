/** A landing dataset file being written, whatever its format. */
export interface LandingFile {
  readonly path: string;
  /** Data rows written so far. */
  rows: number;
  /** Writes one row of text fields ('' is null) and returns its 0-based index. */
  row(fields: readonly string[]): number;
  close(): void;
}
