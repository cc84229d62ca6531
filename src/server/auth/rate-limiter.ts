/**
 * A token bucket per key (an access token id, or a client address for failed sign-ins):
 * `burst` requests at once, refilled at `perSecond`. Pure apart from the clock it is given.
 *
 * @example
 * const limiter = new RateLimiter(20, 40); limiter.take('tok1', Date.now()); // true until the bucket is empty
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {}

  /** Takes one request from `key`'s bucket; false when it is empty (answer 429). */
  take(key: string, now: number): boolean {
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** Seconds until `key` may send again (for Retry-After). */
  retryAfter(key: string): number {
    const b = this.buckets.get(key);
    return b === undefined ? 0 : Math.max(1, Math.ceil((1 - b.tokens) / this.perSecond));
  }
}
