import type { Principal } from './auth/principal.js';
import type { TableVersion } from './data/table-version.js';

/** What middleware and routes share about one request (hono context variables). */
export interface AppEnv {
  Variables: {
    principal: Principal | undefined;
    /** Set by data routes: the table versions read, for the audit log. */
    tablesRead: readonly TableVersion[] | undefined;
    rowsReturned: number | undefined;
    measures: readonly string[] | undefined;
  };
}
