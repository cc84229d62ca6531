import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { hasErrorCode } from '../errors/has-error-code.js';
import { FileAlreadyExistsError, type LogEntry, type LogStore, type PutOptions } from './log-store.js';

/**
 * A LogStore on a local (POSIX) file system. Put-if-absent is a hard link from a durable
 * temporary file: link(2) fails with EEXIST when the target exists, atomically, so exactly one
 * writer wins each version and a reader never sees a half-written commit.
 *
 * @example
 * const store = new FsLogStore('/lake/lh_gold.Lakehouse/Tables/dbo/t/_delta_log');
 * await store.putIfAbsent('00000000000000000000.json', '{"commitInfo":{}}\n');
 */
export class FsLogStore implements LogStore {
  constructor(readonly logDir: string) {}

  pathOf(name: string): string {
    return join(this.logDir, name);
  }

  tempPath(suffix: string): string {
    return join(this.logDir, `_tmp_${randomUUID()}${suffix}.tmp`);
  }

  async publishTemp(tempPath: string, name: string): Promise<void> {
    await rename(tempPath, join(this.logDir, name));
  }

  async list(): Promise<LogEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.logDir);
    } catch (error) {
      if (hasErrorCode(error, 'ENOENT')) return [];
      throw error;
    }
    const entries = await Promise.all(
      names.map(async (name) => {
        try {
          const s = await stat(join(this.logDir, name));
          return { name, mtimeMs: s.mtimeMs, size: s.size };
        } catch (error) {
          if (hasErrorCode(error, 'ENOENT')) return undefined; // removed by a concurrent cleanup
          throw error;
        }
      }),
    );
    return entries.filter((e): e is LogEntry => e !== undefined);
  }

  read(name: string): Promise<Buffer> {
    return readFile(join(this.logDir, name));
  }

  async putIfAbsent(name: string, content: Buffer | string, options: PutOptions = {}): Promise<void> {
    const temp = await this.writeDurableTemp(content, options.mtimeMs);
    try {
      options.beforePublish?.();
      await link(temp, join(this.logDir, name));
    } catch (error) {
      if (hasErrorCode(error, 'EEXIST')) throw new FileAlreadyExistsError(name);
      throw error;
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }

  async replace(name: string, content: Buffer | string): Promise<void> {
    const temp = await this.writeDurableTemp(content);
    await rename(temp, join(this.logDir, name));
  }

  private async writeDurableTemp(content: Buffer | string, mtimeMs?: number): Promise<string> {
    await mkdir(this.logDir, { recursive: true });
    // delta-rs uses the same `_commit_<uuid>.json.tmp` shape; readers ignore it.
    const temp = join(this.logDir, `_commit_${randomUUID()}.json.tmp`);
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(content);
      // Set before the link: the published name shares the inode, so it is born with this time.
      // Half a millisecond in: seconds as a double land a hair below .678 for 678 ms, and readers
      // that truncate to milliseconds (Java's lastModified) would see 677.
      if (mtimeMs !== undefined) await handle.utimes((mtimeMs + 0.5) / 1000, (mtimeMs + 0.5) / 1000);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return temp;
  }
}
