import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';
import type { TableVersion } from './data/table-version.js';
import { etagFor } from './etag-for.js';
import type { CachedBody, ResultCache } from './result-cache.js';

/**
 * Answers a data request by its ETag (request + Delta versions read): 304 when the client has
 * it, the cached body when the server has it, else renders, caches and sends it. Clients must
 * revalidate (`Cache-Control: no-cache`), so a new pipeline run shows on the next request.
 *
 * @example
 * return respondCached(c, deps.cache, versions, async () => ({ body: JSON.stringify(x), contentType: 'application/json' }));
 */
export async function respondCached(
  c: Context,
  cache: ResultCache,
  versions: readonly TableVersion[],
  render: () => Promise<CachedBody>,
): Promise<Response> {
  const url = new URL(c.req.url);
  // A viewer and an analyst asking the same URL get different bodies (suppression, tables).
  const principal = (c as Context<AppEnv>).get('principal');
  const etag = etagFor(url.pathname, url.searchParams, versions, principal?.role ?? '');
  (c as Context<AppEnv>).set('tablesRead', versions);
  const headers = { ETag: etag, 'Cache-Control': 'private, no-cache' };
  if (c.req.header('If-None-Match') === etag) return new Response(null, { status: 304, headers });
  let hit = cache.get(etag);
  if (hit === undefined) {
    hit = await render();
    cache.set(etag, hit);
  }
  (c as Context<AppEnv>).set('rowsReturned', hit.rows ?? 0);
  const out: Record<string, string> = { ...headers, 'Content-Type': hit.contentType };
  if (hit.contentType.startsWith('text/csv'))
    out['Content-Disposition'] =
      `attachment; filename="${url.pathname.split('/').filter(Boolean).join('-')}.csv"`;
  return new Response(hit.body, { status: 200, headers: out });
}

/** A JSON body for the cache. @example json({ a: 1 }) */
export function json(value: unknown, rows?: number): CachedBody {
  return {
    body: JSON.stringify(value),
    contentType: 'application/json; charset=utf-8',
    ...(rows === undefined ? {} : { rows }),
  };
}

/** A CSV body for the cache. @example csv('a\n1\n') */
export function csv(text: string, rows?: number): CachedBody {
  return { body: text, contentType: 'text/csv; charset=utf-8', ...(rows === undefined ? {} : { rows }) };
}
