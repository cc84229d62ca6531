/**
 * The file-system port of the Delta log. Everything above it is pure or goes through it.
 *
 * Storage guarantees every implementation must give (tested in test/delta/log-store.test.ts):
 * 1. Atomic visibility: a log file is either absent or complete; a reader never sees a prefix.
 * 2. Mutual exclusion per version: of N concurrent `putIfAbsent(name)` calls exactly one
 *    succeeds; the others get `FileAlreadyExistsError`, and the winner's bytes are intact.
 * 3. Read-after-write: once `putIfAbsent` or `replace` returns, `list` and `read` see the file.
 * 4. Durability: content is flushed to stable storage before it becomes visible.
 */
export interface LogStore {
  /** The folder that holds the log (for messages and for data paths beside it). */
  readonly logDir: string;
  /** Entries of the log folder with their modification times; [] when it does not exist. */
  list(): Promise<LogEntry[]>;
  /** The bytes of a log file; throws ENOENT-style errors when missing. */
  read(name: string): Promise<Buffer>;
  /**
   * Publishes `content` under `name` unless that name exists (then FileAlreadyExistsError). With
   * `mtimeMs`, the published file carries that modification time.
   */
  putIfAbsent(name: string, content: Buffer | string, options?: PutOptions): Promise<void>;
  /** Atomically replaces `name` (checkpoints and `_last_checkpoint`, which may be rewritten). */
  replace(name: string, content: Buffer | string): Promise<void>;
  /** Full path of a log file, for engines that read it directly (Parquet checkpoints). */
  pathOf(name: string): string;
  /** A fresh path in the log folder that readers ignore, for an engine to write a file into. */
  tempPath(suffix: string): string;
  /** Atomically renames a file written at a `tempPath` to `name`, replacing any old one. */
  publishTemp(tempPath: string, name: string): Promise<void>;
}

/** An entry of the log folder. */
export interface LogEntry {
  name: string;
  mtimeMs: number;
  size: number;
}

/** How a file is published. */
export interface PutOptions {
  /** Test seam: called once the temporary file is durable and before it is published. */
  beforePublish?: () => void;
  /**
   * The file's modification time. Commits carry their commitInfo.timestamp here: Spark and other
   * engines resolve `timestampAsOf` from the commit files' times, carelake from commitInfo, and
   * equal values make both pick the same version.
   */
  mtimeMs?: number;
}

/** `putIfAbsent` found the name taken: another writer published first. */
export class FileAlreadyExistsError extends Error {
  constructor(readonly fileName: string) {
    super(`${fileName} already exists`);
    this.name = 'FileAlreadyExistsError';
  }
}
