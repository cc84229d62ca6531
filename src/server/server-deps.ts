import type { ServedLake } from './data/served-lake.js';
import type { ResultCache } from './result-cache.js';

/** What every route handler gets: the lake, the response cache, the log and the clock. */
export interface ServerDeps {
  served: ServedLake;
  cache: ResultCache;
  log: (line: string) => void;
  now: () => Date;
  /** The built dashboard (index.html, app.js, app.css); undefined when it was not built. */
  webDir: string | undefined;
}
