import { writeTable } from '../delta/write-table.js';
import type { DuckDbEngine } from '../engine/duckdb/duckdb-engine.js';
import { tableDir } from '../lakehouse/lake-layout.js';
import type { AlertEvent } from './alert-event.js';

/**
 * Appends an alert to `lh_gold.dbo.alert_events` (created on first use): alert_id, rule,
 * severity, alert_key, fired_at, value, message, fields and evidence (JSON text), batch_id. The
 * write is a Delta `txn` keyed by the alert id, so delivering the same alert again (after a
 * crash) adds nothing: exactly one row per alert.
 *
 * @example
 * await writeAlertEvent(engine, '/lake', alert);
 */
export async function writeAlertEvent(
  engine: DuckDbEngine,
  lakeDir: string,
  alert: AlertEvent,
): Promise<void> {
  const table = engine.table(tableDir(lakeDir, 'lh_gold', 'alert_events'), 'lh_gold.dbo.alert_events');
  await writeTable(table, engine.writer, {
    source: {
      kind: 'query',
      sql: `SELECT $alert_id::VARCHAR AS alert_id, $rule::VARCHAR AS rule, $severity::VARCHAR AS severity,
              $alert_key::VARCHAR AS alert_key, $fired_at::TIMESTAMPTZ AS fired_at, $value::DOUBLE AS value,
              $message::VARCHAR AS message, $fields::VARCHAR AS fields, $evidence::VARCHAR AS evidence,
              $batch_id::VARCHAR AS batch_id`,
      params: {
        alert_id: alert.alert_id,
        rule: alert.rule,
        severity: alert.severity,
        alert_key: alert.key,
        fired_at: alert.fired_at,
        value: alert.value,
        message: alert.message,
        fields: JSON.stringify(alert.fields),
        evidence: JSON.stringify(alert.evidence),
        batch_id: alert.evidence.batch_id,
      },
    },
    txn: { appId: `carelake/alert_events/${alert.alert_id}`, version: 1 },
  });
}
