/** An inclusive range of calendar days, YYYY-MM-DD. */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * The calendar day of `now` in the IANA zone `zone`, YYYY-MM-DD. Pure.
 *
 * @example
 * dayInZone(new Date('2026-12-07T03:00:00Z'), 'America/New_York'); // '2026-12-06'
 */
export function dayInZone(now: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * `day` moved by `n` calendar days. Pure.
 *
 * @example
 * addDays('2025-03-01', -1); // '2025-02-28'
 */
export function addDays(day: string, n: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * The days a measure rule reads: everything, today, or the last `days` days to today (in the
 * lake's zone). Pure.
 *
 * @example
 * ruleWindow({ days: 7 }, new Date('2025-03-10T12:00:00Z'), 'UTC'); // { from: '2025-03-04', to: '2025-03-10' }
 */
export function ruleWindow(
  window: 'all' | 'today' | { days: number },
  now: Date,
  zone: string,
): DayRange | undefined {
  if (window === 'all') return undefined;
  const today = dayInZone(now, zone);
  return window === 'today'
    ? { from: today, to: today }
    : { from: addDays(today, 1 - window.days), to: today };
}

/**
 * A change condition's two windows: the last `days` days to today and the `days` before them. Pure.
 *
 * @example
 * changeWindows(7, new Date('2025-03-10T12:00:00Z'), 'UTC').previous; // { from: '2025-02-25', to: '2025-03-03' }
 */
export function changeWindows(
  days: number,
  now: Date,
  zone: string,
): { current: DayRange; previous: DayRange } {
  const today = dayInZone(now, zone);
  return {
    current: { from: addDays(today, 1 - days), to: today },
    previous: { from: addDays(today, 1 - 2 * days), to: addDays(today, -days) },
  };
}
