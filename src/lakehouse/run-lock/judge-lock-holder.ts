import type { LockHolder } from './lock-holder.js';

/** What to do about a lock someone else holds. */
export type LockVerdict = 'live' | 'dead' | 'foreign';

/**
 * Decides whether a held lock may be taken over. Pure: the caller says whether the holder's
 * process still exists on this host. A lock from another host is `foreign` and never broken
 * automatically (its process cannot be seen from here); an unreadable lock counts as foreign too.
 *
 * @example
 * judgeLockHolder(holder, 'ward-7', false); // 'dead' when holder.host is 'ward-7'
 */
export function judgeLockHolder(
  holder: LockHolder | undefined,
  thisHost: string,
  holderAlive: boolean,
): LockVerdict {
  if (holder === undefined || holder.host !== thisHost) return 'foreign';
  return holderAlive ? 'live' : 'dead';
}
