import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after } from 'node:test';
import type { Json } from '@duckdb/node-api';
import { VENV_PYTHON } from '../../helpers/project-root.js';
import { INTEROP_DIR } from './run-python.js';

/** What Spark answered: its columns (name, Spark type), its schema JSON and canonical rows. */
export interface SparkAnswer {
  columns: [string, string][];
  schema: { fields: { name: string; type: unknown }[] };
  rows: Record<string, Json>[];
}

type Reply = ({ ok: true } & SparkAnswer) | { ok: false; error: string; trace?: string };

/**
 * One PySpark + delta-spark session (test/interop/spark_worker.py) for a whole test file: the
 * JVM starts once, then every read, SQL statement and write is a JSON line each way. Every wait
 * is bounded, and the process is ended when the test file finishes, whatever happened.
 *
 * @example
 * const spark = await SparkSession.start();
 * const { rows } = await spark.read(path, { versionAsOf: '3' });
 */
export class SparkSession {
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: Reply) => void>();
  private stderr = '';

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-8000);
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      let reply: { id?: number } & Reply;
      try {
        reply = JSON.parse(line);
      } catch {
        return;
      }
      if (typeof reply.id !== 'number') return;
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
    });
    child.on('exit', (code) => {
      for (const resolve of this.waiting.values())
        resolve({ ok: false, error: `spark_worker.py exited (${code}): ${this.stderr.slice(-3000)}` });
      this.waiting.clear();
    });
  }

  /** Starts the worker and waits until Spark is up (the first start also fetches Delta's jars). */
  static async start(dir: string, timeoutMs = 300_000): Promise<SparkSession> {
    const child = spawn(VENV_PYTHON, [join(INTEROP_DIR, 'spark_worker.py')], {
      env: { ...process.env, TZ: 'UTC', PYTHONDONTWRITEBYTECODE: '1', CARELAKE_SPARK_DIR: dir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const session = new SparkSession(child);
    after(() => session.close());
    const ready = await session.call(0, undefined, timeoutMs);
    if (!ready.ok) throw new Error(`Spark did not start: ${ready.error}`);
    return session;
  }

  /**
   * Reads a Delta table with `spark.read.format("delta")` and the given options
   * (`versionAsOf`, `timestampAsOf`), optionally filtered by a Spark SQL condition.
   */
  async read(path: string, options: Record<string, string> = {}, where?: string): Promise<SparkAnswer> {
    return this.ok({ op: 'read', path, options, where });
  }

  /** Reads many tables at once (a few in parallel in the one session). */
  async readMany(paths: readonly string[]): Promise<SparkAnswer[]> {
    const reads = paths.map((path) => ({ path }));
    return ((await this.ok({ op: 'readMany', reads })) as unknown as { answers: SparkAnswer[] }).answers;
  }

  /** Runs Spark SQL statements in order; answers the rows of the last one. */
  async sql(...statements: string[]): Promise<SparkAnswer> {
    return this.ok({ op: 'sql', statements });
  }

  /** Like `sql`, but answers the error text instead of throwing (for refusals). */
  async sqlError(...statements: string[]): Promise<string | undefined> {
    const reply = await this.call(this.nextId++, { op: 'sql', statements });
    return reply.ok ? undefined : reply.error;
  }

  /** Writes the rows of a Spark SQL query to a Delta path with `df.write.mode(mode)`. */
  async write(path: string, mode: 'append' | 'overwrite', sql: string): Promise<void> {
    await this.ok({ op: 'write', path, mode, sql });
  }

  /** Ends the session (Spark stops when its input closes; killed if it lingers). */
  close(): void {
    if (this.child.exitCode !== null || this.child.killed) return;
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    timer.unref();
    this.child.once('exit', () => clearTimeout(timer));
  }

  private async ok(request: Record<string, unknown>): Promise<SparkAnswer> {
    const reply = await this.call(this.nextId++, request);
    if (!reply.ok) throw new Error(`Spark ${String(request.op)} failed: ${reply.error}`);
    return reply;
  }

  private call(
    id: number,
    request: Record<string, unknown> | undefined,
    timeoutMs = 180_000,
  ): Promise<Reply> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve({
          ok: false,
          error: `no answer from Spark within ${timeoutMs} ms: ${this.stderr.slice(-2000)}`,
        });
      }, timeoutMs);
      this.waiting.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      if (request !== undefined) this.child.stdin.write(`${JSON.stringify({ id, ...request })}\n`);
    });
  }
}
