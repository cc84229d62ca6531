import { alertStatePath, readAlertState } from '../../alerts/alert-state.js';
import { decideAlertRule } from '../../alerts/decide-alert-rule.js';
import { formatAlert } from '../../alerts/format-alert.js';
import { readAlertRules } from '../../alerts/read-alert-rules.js';
import { DuckDbEngine } from '../../engine/duckdb/duckdb-engine.js';
import { UsageError } from '../../errors/usage-error.js';
import { readLake, resolveLakeDir } from '../../lakehouse/read-lake.js';
import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';

const help = `Usage: carelake alerts test RULE [--lake DIR] [--at TIME] [--json]
       carelake alerts list [--lake DIR]

Alert rules live in carelake.json ("alerts": [...]) or in <lake>/alerts/*.json. Each watches a
measure (compiled like carelake measure) or a read-only query over the silver and gold tables an
analyst may read, with a condition: a threshold, a change over a window, or a new row. Rules are
evaluated after every carelake run and every carelake watch batch; an alert fires once per new
condition (by rule and key) and goes to its destinations: a webhook (JSON POST, retried with
backoff, HMAC-signed with the secret in the variable its secret_env names), a log line, or the Delta table lh_gold.dbo.alert_events. See docs/watch-and-alerts.md.

  test RULE   evaluate the rule now and print what would fire, what is already firing
              (deduplicated) and the evidence (the SQL, the window, the Delta versions read);
              nothing is delivered or remembered
  list        the rules, where each comes from, and their destinations (a signed webhook's
              secret variable, and whether it is set)

Options:
  --lake DIR   the lake (default $CARELAKE_LAKE, else ./lakehouse)
  --at TIME    evaluate as of this instant (ISO 8601): what "today" and windows mean
  --json       print the decision as JSON

Example:
  carelake alerts test ed-median-today --lake ./lakehouse
  carelake alerts test new-high-risk-discharge --at 2025-03-10T12:00:00Z --json
`;

const command: Command = {
  help,
  async run(args, io) {
    const { values, positionals } = parseOptions('alerts', args, {
      lake: { type: 'string' },
      at: { type: 'string' },
      json: { type: 'boolean' },
    });
    const [action, name, ...rest] = positionals;
    if (rest.length > 0 || (action !== 'test' && action !== 'list'))
      throw new UsageError(`alerts: use "alerts test RULE" or "alerts list"; see carelake alerts --help`);
    const lake = await readLake(resolveLakeDir(values.lake, io.env, io.cwd));
    const rules = await readAlertRules(lake);
    if (action === 'list') {
      if (rules.length === 0)
        io.stdout.write('no alert rules (add "alerts" to carelake.json or files to alerts/)\n');
      for (const r of rules) {
        const source = r.measure ? `measure ${r.measure.name}` : 'query';
        const to = r.destinations.map((d) =>
          d.type === 'webhook' ? `webhook ${new URL(d.url).origin}${signedBy(d.secret_env, io.env)}` : d.type,
        );
        io.stdout.write(
          `${r.name.padEnd(28)} ${r.severity.padEnd(8)} ${source}, ${r.condition.type} → ${to.join(', ')}\n`,
        );
      }
      return 0;
    }
    if (name === undefined) throw new UsageError('alerts test: name the rule; see carelake alerts list');
    const rule = rules.find((r) => r.name === name);
    if (rule === undefined)
      throw new UsageError(
        `alerts test: no rule "${name}"; rules: ${rules.map((r) => r.name).join(', ') || 'none'}`,
      );
    const now = values.at === undefined ? (io.now?.() ?? new Date()) : new Date(values.at);
    if (Number.isNaN(now.getTime()))
      throw new UsageError(
        `alerts test: --at "${values.at}" is not a time; use ISO 8601, e.g. 2025-03-10T12:00:00Z`,
      );
    const state = await readAlertState(lake.dir);
    const engine = await DuckDbEngine.open({ threads: 1 });
    try {
      const d = await decideAlertRule(engine, lake, rule, state.rules[rule.name], now, null);
      if (values.json) {
        io.stdout.write(
          `${JSON.stringify({ rule: rule.name, evaluated_at: now.toISOString(), baseline: d.baseline, would_fire: d.fire, already_firing: d.held, evidence: d.reading.evidence }, null, 2)}\n`,
        );
        return 0;
      }
      const e = d.reading.evidence;
      io.stdout.write(
        `rule ${rule.name} (${rule.severity}), evaluated as of ${now.toISOString()}\n` +
          `read: ${e.tables.map((t) => `${t.table}@${t.version}`).join(', ') || 'no table'}${e.window ? `; window ${e.window.from} to ${e.window.to}` : ''}${e.previous_window ? ` against ${e.previous_window.from} to ${e.previous_window.to}` : ''}\n`,
      );
      if (d.baseline)
        io.stdout.write(
          `first evaluation of a new_row rule: its ${Object.keys(d.next.active).length} current row(s) become the baseline; later rows fire\n`,
        );
      io.stdout.write(`would fire: ${d.fire.length}\n`);
      for (const a of d.fire) io.stdout.write(`  ${formatAlert({ ...a, alert_id: '(new)' })}\n`);
      io.stdout.write(`already firing (deduplicated, in ${alertStatePath(lake.dir)}): ${d.held.length}\n`);
      for (const m of d.held) io.stdout.write(`  ${m.key}${m.value === null ? '' : `: ${m.value}`}\n`);
      return 0;
    } finally {
      engine.close();
    }
  },
};

export default command;

/** How `alerts list` shows a webhook's signing: the variable, and whether this shell has it. */
function signedBy(name: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  if (name === undefined) return '';
  return env[name]
    ? ` signed with $${name}`
    : ` signed with $${name} (NOT SET: its alerts are held until it is)`;
}
