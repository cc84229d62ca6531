import type { AlertEvent } from './alert-event.js';

/**
 * An alert as one log line: severity, message, id and the table versions it read. Pure.
 *
 * @example
 * formatAlert(alert); // 'ALERT [critical] ED median today: median_ed_to_admit_minutes 275 > 240 (day=2025-03-10) — id …, read …'
 */
export function formatAlert(alert: AlertEvent): string {
  const read = alert.evidence.tables.map((t) => `${t.table}@${t.version}`).join(', ');
  return `ALERT [${alert.severity}] ${alert.message} — id ${alert.alert_id}${read ? `, read ${read}` : ''}`;
}
