import type { DuckDbDatabase } from './duckdb-database.js';
import { QueryError } from './query-error.js';

/**
 * Runs `work` on `db`, interrupting the connection's query after `seconds` (none: no limit):
 * a runaway query (`range(1e12)`, a recursive CTE without end) ends with a QueryError saying
 * so, and the database stays usable for the next query.
 *
 * @example
 * const rows = await runWithTimeLimit(db, 30, () => db.readRows(sql));
 */
export async function runWithTimeLimit<T>(
  db: DuckDbDatabase,
  seconds: number | undefined,
  work: () => Promise<T>,
): Promise<T> {
  if (seconds === undefined || seconds <= 0) return work();
  let fired = false;
  const timer = setTimeout(() => {
    fired = true;
    db.connection.interrupt();
  }, seconds * 1000);
  try {
    return await work();
  } catch (error) {
    if (fired)
      throw new QueryError(
        `query cancelled after ${seconds} s (the time limit); narrow it, or raise the limit (--timeout)`,
      );
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
