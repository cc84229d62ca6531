/**
 * Who holds a lake's run lock: the contents of `<lake>/carelake.lock`, one JSON object. Pure.
 * `token` identifies one acquisition, so a process only ever removes the lock it took.
 */
export interface LockHolder {
  pid: number;
  host: string;
  /** ISO 8601 instant the lock was taken. */
  startedAt: string;
  /** The command line that took it, e.g. `carelake run all`. */
  command: string;
  token: string;
  /** The holder's process start time (Linux /proc/<pid>/stat field 22), to see through pid reuse. */
  processStart?: string;
}

/**
 * Parses a lock file's text; undefined when it is not a lock carelake wrote (empty, truncated
 * by hand, another program's), which callers treat as held by someone unknown.
 *
 * @example
 * parseLockHolder('{"pid":7,"host":"h","startedAt":"2026-01-01T00:00:00Z","command":"carelake run","token":"t"}');
 */
export function parseLockHolder(text: string): LockHolder | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (
    !Number.isSafeInteger(v.pid) ||
    typeof v.host !== 'string' ||
    typeof v.startedAt !== 'string' ||
    typeof v.command !== 'string' ||
    typeof v.token !== 'string'
  )
    return undefined;
  return {
    pid: v.pid as number,
    host: v.host,
    startedAt: v.startedAt,
    command: v.command,
    token: v.token,
    ...(typeof v.processStart === 'string' ? { processStart: v.processStart } : {}),
  };
}

/**
 * One line naming the holder, for messages: who, where, what, since when.
 *
 * @example
 * describeLockHolder(holder, new Date()); // 'pid 4242 on host ward-7 ("carelake run all") since 2026-12-06T03:00:00.000Z (5 min ago)'
 */
export function describeLockHolder(holder: LockHolder, now: Date): string {
  const since = Date.parse(holder.startedAt);
  const age = Number.isNaN(since) ? '' : ` (${formatAge(now.getTime() - since)} ago)`;
  return `pid ${holder.pid} on host ${holder.host} ("${holder.command}") since ${holder.startedAt}${age}`;
}

function formatAge(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  return `${Math.round(s / 3600)} h`;
}
