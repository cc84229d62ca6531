import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { Role } from './role.js';

/**
 * The role a request acts with. Authentication runs before every data route, so a principal
 * is always there when security is on; a server built without security (the benchmark that
 * measures its cost) acts as admin.
 *
 * @example
 * if (!canReadTable(requestRole(c), table)) throw …;
 */
export function requestRole(c: Context<AppEnv>): Role {
  return c.get('principal')?.role ?? 'admin';
}
