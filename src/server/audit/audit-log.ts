import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import { type FileHandle, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeTable } from '../../delta/write-table.js';
import type { DuckDbEngine } from '../../engine/duckdb/duckdb-engine.js';
import { hasErrorCode } from '../../errors/has-error-code.js';
import { lakehouseDir, tableDir } from '../../lakehouse/lake-layout.js';
import { ACCESS_LOG, type AuditEntry } from './audit-entry.js';

/**
 * The audit trail of lh_audit.dbo.access_log.
 *
 * Guarantees (test/server/audit-log.test.ts):
 * - No unaudited access: `record` resolves only once the entry is written to a pending file
 *   under lh_audit.Lakehouse/Files/audit-pending (in the operating system's hands: it survives
 *   the server being killed; the file is fdatasync'ed when its batch is committed); a request
 *   whose entry cannot be written fails instead of being answered.
 * - Batched: pending entries become one Delta commit every `flushMs` (or `maxBatch` entries),
 *   each pending file committed once (a Delta txn keyed by its name), then deleted; concurrent
 *   records share one disk sync.
 * - Never lost: `close` commits everything pending; a server that died leaves pending files
 *   that the next `open` commits first (the txn makes a repeat a no-op).
 * - Append-only: nothing in carelake updates or deletes these rows (the console is read-only
 *   and the table commands refuse lh_audit tables).
 */
export class AuditLog {
  private file: { handle: FileHandle; path: string; entries: number } | undefined;
  private queue: { line: string; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private writing: Promise<void> | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly engine: DuckDbEngine,
    private readonly lakeDir: string,
    private readonly options: { flushMs: number; maxBatch: number },
  ) {}

  /**
   * Opens the audit log of a lake, committing what a previous server left pending.
   *
   * @example
   * const audit = await AuditLog.open(engine, lakeDir); await audit.record(entry); await audit.close();
   */
  static async open(
    engine: DuckDbEngine,
    lakeDir: string,
    options: { flushMs?: number; maxBatch?: number } = {},
  ): Promise<AuditLog> {
    const log = new AuditLog(engine, lakeDir, {
      flushMs: options.flushMs ?? 2000,
      maxBatch: options.maxBatch ?? 5000,
    });
    mkdirSync(log.pendingDir, { recursive: true });
    for (const name of readdirSync(log.pendingDir).sort()) {
      if (name.endsWith('.jsonl')) await log.commitFile(join(log.pendingDir, name));
    }
    log.timer = setInterval(() => void log.flush().catch(() => undefined), log.options.flushMs);
    log.timer.unref();
    return log;
  }

  private get pendingDir(): string {
    return join(lakehouseDir(this.lakeDir, ACCESS_LOG.lakehouse), 'Files', 'audit-pending');
  }

  /**
   * Appends an entry; resolves once it is durable on disk. Rejects when it cannot be written.
   *
   * @example
   * await audit.record({ at: new Date().toISOString(), … });
   */
  record(entry: AuditEntry): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ line: `${JSON.stringify(entry)}\n`, resolve, reject });
      this.writing ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        if (this.file === undefined) {
          const path = join(
            this.pendingDir,
            `${Date.now().toString().padStart(15, '0')}-${randomUUID()}.jsonl`,
          );
          this.file = { handle: await open(path, 'a'), path, entries: 0 };
        }
        await this.file.handle.write(batch.map((b) => b.line).join(''));
        this.file.entries += batch.length;
        for (const b of batch) b.resolve();
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
      if (this.file !== undefined && this.file.entries >= this.options.maxBatch)
        void this.flush().catch(() => undefined);
    }
    this.writing = undefined;
  }

  /** Commits the entries written so far to the Delta table. @example await audit.flush() */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      await this.writing;
      const file = this.file;
      if (file === undefined || file.entries === 0) return;
      this.file = undefined;
      await file.handle.datasync();
      await file.handle.close();
      await this.commitFile(file.path);
    });
    return this.flushing;
  }

  private async commitFile(path: string): Promise<void> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      // The lake itself was removed under a running server: there is nowhere to commit to.
      if (hasErrorCode(error, 'ENOENT')) return;
      throw error;
    }
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    if (lines.length > 0) {
      const table = this.engine.table(
        tableDir(this.lakeDir, ACCESS_LOG.lakehouse, ACCESS_LOG.name),
        ACCESS_LOG.table,
      );
      await writeTable(table, this.engine.writer, {
        source: {
          kind: 'query',
          sql: `SELECT e.accessed_at::TIMESTAMPTZ AS accessed_at, e.token_id, e.principal, e.role, e.client, e.channel, e.method, e.route, e.request,
                  e.measures, e.tables_read, e.rows_returned::BIGINT AS rows_returned, e.status::INTEGER AS status, e.outcome,
                  e.duration_ms::DOUBLE AS duration_ms
                FROM (SELECT unnest(from_json($rows, '[${COLUMNS}]')) AS e)`,
          params: { rows: `[${lines.join(',')}]` },
        },
        // One commit per pending file: a repeat after a crash is skipped.
        txn: { appId: `carelake/audit/${path.split('/').at(-1)}`, version: 1 },
      });
    }
    await rm(path, { force: true });
  }

  /** Commits everything pending and stops the timer. @example await audit.close() */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }
}

const COLUMNS = JSON.stringify({
  accessed_at: 'VARCHAR',
  token_id: 'VARCHAR',
  principal: 'VARCHAR',
  role: 'VARCHAR',
  client: 'VARCHAR',
  channel: 'VARCHAR',
  method: 'VARCHAR',
  route: 'VARCHAR',
  request: 'VARCHAR',
  measures: 'VARCHAR',
  tables_read: 'VARCHAR',
  rows_returned: 'BIGINT',
  status: 'INTEGER',
  outcome: 'VARCHAR',
  duration_ms: 'DOUBLE',
});
