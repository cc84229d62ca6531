/**
 * The Delta log's actions (PROTOCOL.md, "Actions"), as plain data. int64 fields are
 * `number | bigint`: `bigint` only when the value is outside the safe-integer range.
 */

export type Int64 = number | bigint;

export interface Protocol {
  minReaderVersion: number;
  minWriterVersion: number;
  readerFeatures?: string[] | null;
  writerFeatures?: string[] | null;
}

export interface Format {
  provider: string;
  options?: Record<string, string> | null;
}

export interface Metadata {
  id: string;
  name?: string | null;
  description?: string | null;
  format: Format;
  schemaString: string;
  partitionColumns: string[];
  configuration?: Record<string, string> | null;
  createdTime?: Int64 | null;
}

export type PartitionValues = Record<string, string | null>;

export interface AddFile {
  path: string;
  partitionValues: PartitionValues;
  size: Int64;
  modificationTime: Int64;
  dataChange: boolean;
  stats?: string | null;
  tags?: Record<string, string> | null;
  deletionVector?: unknown;
  baseRowId?: Int64 | null;
  defaultRowCommitVersion?: Int64 | null;
  clusteringProvider?: string | null;
}

export interface RemoveFile {
  path: string;
  deletionTimestamp?: Int64 | null;
  dataChange: boolean;
  extendedFileMetadata?: boolean | null;
  partitionValues?: PartitionValues | null;
  size?: Int64 | null;
  stats?: string | null;
  tags?: Record<string, string> | null;
  deletionVector?: unknown;
}

export interface Txn {
  appId: string;
  version: Int64;
  lastUpdated?: Int64 | null;
}

export interface CommitInfo {
  timestamp?: Int64;
  /** With the inCommitTimestamp feature, the commit's time (monotonic), preferred to `timestamp`. */
  inCommitTimestamp?: Int64;
  operation?: string;
  operationParameters?: Record<string, unknown>;
  readVersion?: Int64;
  isolationLevel?: string;
  isBlindAppend?: boolean;
  operationMetrics?: Record<string, string>;
  engineInfo?: string;
  txnId?: string;
  [key: string]: unknown;
}

/** One line of a commit file. Unknown action kinds are kept so nothing is silently dropped. */
export type Action =
  | { protocol: Protocol }
  | { metaData: Metadata }
  | { add: AddFile }
  | { remove: RemoveFile }
  | { txn: Txn }
  | { commitInfo: CommitInfo }
  | { cdc: Record<string, unknown> }
  | { domainMetadata: Record<string, unknown> };
