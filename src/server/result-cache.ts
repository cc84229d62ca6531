/** A rendered response body. */
export interface CachedBody {
  body: string;
  contentType: string;
  /** Rows of data it carries, for the audit log. */
  rows?: number;
}

/**
 * The last `capacity` response bodies by ETag (least recently used out first). An ETag names
 * the request and the versions it read, so a cached body is exactly what running the request
 * again would give; dashboards ask the same questions over and over.
 *
 * @example
 * const cache = new ResultCache(500); cache.set(etag, { body, contentType: 'application/json' });
 */
export class ResultCache {
  private readonly entries = new Map<string, CachedBody>();

  constructor(private readonly capacity: number) {}

  get(etag: string): CachedBody | undefined {
    const hit = this.entries.get(etag);
    if (hit !== undefined) {
      this.entries.delete(etag);
      this.entries.set(etag, hit);
    }
    return hit;
  }

  set(etag: string, value: CachedBody): void {
    this.entries.delete(etag);
    this.entries.set(etag, value);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
