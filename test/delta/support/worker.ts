import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after } from 'node:test';
import { FIXTURES_DIR } from './run-node.js';

/** One message a worker printed. */
export type WorkerMessage = Record<string, unknown> & { id?: number };

/** The final answer to a command. */
export interface WorkerResult {
  id: number;
  ok: boolean;
  status?: 'committed' | 'skipped';
  version?: number;
  versions?: number[];
  error?: { name: string; message: string; conflict?: string };
}

let nextId = 1;

/**
 * A long-lived writer process (dist/test/fixtures/delta-worker.js) driven over stdin/stdout.
 * Every wait is bounded; the process is killed when the test file ends, whatever happened.
 *
 * @example
 * const w = await Worker.start(); const r = await w.request({ op: 'overwrite', … });
 */
export class Worker {
  private readonly messages: WorkerMessage[] = [];
  private readonly waiters = new Set<() => void>();
  private exited = false;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      this.messages.push(JSON.parse(line) as WorkerMessage);
      for (const w of this.waiters) w();
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => process.stderr.write(c));
    child.on('exit', () => {
      this.exited = true;
      for (const w of this.waiters) w();
    });
    // A write to a worker that already died must not crash the test process (EPIPE).
    child.stdin.on('error', () => undefined);
    after(() => this.stop());
  }

  /** Starts a worker and waits until its engine is open. */
  static async start(timeoutMs = 30_000): Promise<Worker> {
    const child = spawn(process.execPath, [join(FIXTURES_DIR, 'delta-worker.js')], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, TZ: 'UTC' },
    });
    const worker = new Worker(child);
    await worker.waitFor((m) => m.ready === true, timeoutMs);
    return worker;
  }

  /** Sends a command; returns its id (answers are awaited with `result` or `waitFor`). */
  send(command: Record<string, unknown>): number {
    const id = nextId++;
    this.child.stdin.write(`${JSON.stringify({ id, ...command })}\n`);
    return id;
  }

  /** The final answer to command `id`. */
  async result(id: number, timeoutMs = 120_000): Promise<WorkerResult> {
    return (await this.waitFor((m) => m.id === id && 'ok' in m, timeoutMs)) as unknown as WorkerResult;
  }

  /** Sends a command and waits for its answer. */
  request(command: Record<string, unknown>, timeoutMs = 120_000): Promise<WorkerResult> {
    return this.result(this.send(command), timeoutMs);
  }

  /** The first message (past or future) matching `match`, or an error after `timeoutMs`. */
  waitFor(match: (m: WorkerMessage) => boolean, timeoutMs: number): Promise<WorkerMessage> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messages.find(match);
        if (found !== undefined) {
          done();
          resolve(found);
        } else if (this.exited) {
          done();
          reject(new Error(`worker ${this.child.pid} exited before answering`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`worker ${this.child.pid} did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Asks the worker to exit and waits for it (killing it if it does not). Idempotent. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (this.exited || this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.end(`${JSON.stringify({ id: nextId++, op: 'exit' })}\n`);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }
}
