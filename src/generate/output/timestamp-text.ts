const DAY = 86_400;
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

// Every time of day, once: formatting then costs one lookup instead of six divisions. Built at
// the first use, not at load: runs that format no text (clean Parquet) never pay its 86,400
// strings, which were a visible share of every thread's start.
let TIMES: string[] | undefined;
const times = (): string[] =>
  (TIMES ??= Array.from(
    { length: DAY },
    (_, s) => `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`,
  ));
const DATES = new Map<number, string>();

/**
 * A date (days since 1970-01-01) as `YYYY-MM-DD`, cached per day.
 *
 * @example
 * formatDate(20178); // '2025-03-31'
 */
export function formatDate(day: number): string {
  let text = DATES.get(day);
  if (text === undefined) {
    text = new Date(day * DAY * 1000).toISOString().slice(0, 10);
    if (DATES.size > 100_000) DATES.clear();
    DATES.set(day, text);
  }
  return text;
}

/**
 * An instant (epoch seconds) as UTC `YYYY-MM-DD HH:MM:SS`, the seed sample's format.
 *
 * @example
 * formatTimestamp(1743408000); // '2025-03-31 08:00:00'
 */
export function formatTimestamp(seconds: number): string {
  const day = Math.floor(seconds / DAY);
  return `${formatDate(day)} ${times()[seconds - day * DAY]}`;
}
