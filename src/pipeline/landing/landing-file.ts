/** A file in the landing zone, identified by name and content. */
export interface LandingFile {
  /** File name relative to the landing folder. */
  name: string;
  path: string;
  format: 'csv' | 'parquet';
  /** SHA-256 of the content (first 16 hex digits): a re-delivered file with changes is new. */
  contentHash: string;
  /** Size in bytes. */
  bytes: number;
}
