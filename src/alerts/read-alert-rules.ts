import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hasErrorCode } from '../errors/has-error-code.js';
import { UsageError } from '../errors/usage-error.js';
import type { Lake } from '../lakehouse/read-lake.js';
import type { AlertRule } from './alert-rule.js';
import { parseAlertRules } from './parse-alert-rules.js';

/**
 * The lake's alert rules: `alerts` in carelake.json, then every `<lake>/alerts/*.json` (a rule
 * or an array of rules) in name order. Names must be unique across them.
 *
 * @example
 * const rules = await readAlertRules(lake);
 */
export async function readAlertRules(lake: Lake): Promise<AlertRule[]> {
  const rules = lake.config.alerts === undefined ? [] : parseAlertRules(lake.config.alerts, 'carelake.json');
  const dir = join(lake.dir, 'alerts');
  let names: string[] = [];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
  } catch (error) {
    if (!hasErrorCode(error, 'ENOENT')) throw error;
  }
  for (const name of names) {
    let value: unknown;
    try {
      value = JSON.parse(await readFile(join(dir, name), 'utf8'));
    } catch (error) {
      throw new UsageError(`alerts/${name} is not valid JSON (${(error as Error).message}); fix it`);
    }
    rules.push(...parseAlertRules(value, `alerts/${name}`));
  }
  const seen = new Set<string>();
  for (const r of rules) {
    if (seen.has(r.name))
      throw new UsageError(`alert rule "${r.name}" is defined twice; rule names must be unique`);
    seen.add(r.name);
  }
  return rules;
}
