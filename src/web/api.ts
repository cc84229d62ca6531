/** The dashboard's only way to data: HTTP GETs to the carelake API, with the sign-in cookie. */

/** A 401: the user must sign in. */
export class SignInNeeded extends Error {}

/** An API error with its message (shown in the visual). */
export class ApiProblem extends Error {}

/**
 * GETs JSON from the API.
 *
 * @example
 * const body = await getJson<{ rows: unknown[] }>('/api/query?measure=avg_los');
 */
export async function getJson<T>(url: string): Promise<T> {
  const r = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (r.status === 401) throw new SignInNeeded('sign in');
  const body = (await r.json()) as T & { error?: { message: string } };
  if (!r.ok) throw new ApiProblem(body.error?.message ?? `HTTP ${r.status}`);
  return body;
}

/**
 * Downloads the same request as CSV (format=csv), as a file named after the visual.
 *
 * @example
 * await downloadCsv('/api/query?measure=avg_los', 'avg-los');
 */
export async function downloadCsv(url: string, name: string): Promise<void> {
  const r = await fetch(`${url}${url.includes('?') ? '&' : '?'}format=csv`, { credentials: 'same-origin' });
  if (!r.ok) throw new ApiProblem(`CSV export failed (HTTP ${r.status})`);
  const blob = await r.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${name}.csv`;
  a.click();
  URL.revokeObjectURL(a.href);
}

/** What a measure query returns. */
export interface QueryBody {
  columns: { name: string; role: 'dimension' | 'measure'; format?: string; label?: string }[];
  rows: Record<string, string | number | null>[];
  tables: { table: string; version: number; commitTime: string }[];
}

/** One measure's published metadata. */
export interface MeasureMeta {
  name: string;
  label: string;
  description: string;
  format: string;
  sql: string;
  tables: string[];
  dimensions: string[];
  benchmark: {
    kind: 'max' | 'min' | 'range';
    value?: number;
    low?: number;
    high?: number;
    label: string;
  } | null;
}
