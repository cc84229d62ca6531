/**
 * One column of one row group, encoded: its pages in file order (each part written as is, so
 * values go out without another copy) and what the footer says about them.
 */
export interface EncodedChunk {
  parts: Uint8Array[];
  /** Byte offset of the data page within the chunk (after the dictionary page, if any). */
  dataPageAt: number;
  /** Encodings used by the chunk's pages (parquet.thrift `Encoding`). */
  encodings: number[];
  values: number;
  nulls: number;
}

/** The column chunk interface the file writer drives: encode the row group, then clear. */
export interface ChunkBuilder {
  /** The chunk's pages, valid until `clear`. */
  encode(): EncodedChunk;
  clear(): void;
}
