import type { ServedLake } from './data/served-lake.js';
import type { ResultCache } from './result-cache.js';
import type { SecurityDeps } from './security-deps.js';

/** What every route handler gets: the lake, the response cache, the log and the clock. */
export interface ServerDeps {
  served: ServedLake;
  cache: ResultCache;
  log: (line: string) => void;
  now: () => Date;
  /** The built dashboard (index.html, app.js, app.css); undefined when it was not built. */
  webDir: string | undefined;
  /**
   * Tokens, roles, rate limits and the audit log. Undefined only for the benchmark that
   * measures what they cost; `carelake serve` always has them.
   */
  security: SecurityDeps | undefined;
  /** Time (s) and row limits of SQL console queries. */
  sqlLimits: { seconds: number; rows: number };
}
