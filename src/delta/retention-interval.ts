/**
 * Parses Delta interval table properties such as `delta.deletedFileRetentionDuration`
 * ("interval 1 week", "interval 168 hours") into milliseconds; undefined when unparseable.
 *
 * @example
 * parseIntervalMs('interval 7 days'); // 604800000
 */
export function parseIntervalMs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const m = /^\s*(?:interval\s+)?(\d+)\s*(\w+?)s?\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = UNIT_MS[m[2]!.toLowerCase()];
  return unit === undefined ? undefined : Number(m[1]) * unit;
}

const UNIT_MS: Record<string, number> = {
  millisecond: 1,
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
};

/** Default tombstone retention (Delta's `interval 1 week`). */
export const DEFAULT_RETENTION_MS = 604_800_000;
