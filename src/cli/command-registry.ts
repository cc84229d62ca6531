import type { Command } from './command.js';

/** One CLI command: its one-line summary and a lazy loader, so `--help` loads no engine. */
export interface CommandEntry {
  summary: string;
  load: () => Promise<{ default: Command }>;
}

/**
 * Every `carelake` command. Adding a command is one line here plus its module in commands/.
 *
 * @example
 * const cmd = (await COMMANDS.sql.load()).default;
 */
export const COMMANDS: Record<string, CommandEntry> = {
  alerts: {
    summary: 'test and list the alert rules evaluated after every run and watch batch',
    load: () => import('./commands/alerts.js'),
  },
  audit: {
    summary: 'who read what: the audit log of the API and the SQL console',
    load: () => import('./commands/audit.js'),
  },
  demo: {
    summary: 'land a sample, run the whole pipeline, print the summary',
    load: () => import('./commands/demo.js'),
  },
  export: {
    summary: 'write the pipeline as Fabric or Databricks notebooks (Spark SQL)',
    load: () => import('./commands/export.js'),
  },
  init: { summary: 'create a lake (folders and carelake.json)', load: () => import('./commands/init.js') },
  generate: { summary: 'land a synthetic hospital', load: () => import('./commands/generate.js') },
  measure: {
    summary: 'compute named hospital measures, sliced and filtered',
    load: () => import('./commands/measure.js'),
  },
  reference: {
    summary: 'load reference data (MS-DRG weights)',
    load: () => import('./commands/reference.js'),
  },
  run: {
    summary: 'run the pipeline: landing → bronze → silver → gold',
    load: () => import('./commands/run.js'),
  },
  serve: {
    summary: 'serve the dashboard and the JSON API (loopback only)',
    load: () => import('./commands/serve.js'),
  },
  sql: { summary: 'run a read-only SQL query over the lake', load: () => import('./commands/sql.js') },
  token: {
    summary: 'create, list or revoke access tokens for carelake serve',
    load: () => import('./commands/token.js'),
  },
  unlock: {
    summary: "show or remove the lake's run lock (a run that died on another host)",
    load: () => import('./commands/unlock.js'),
  },
  watch: {
    summary: 'run the incremental pipeline as landing files arrive (micro-batches)',
    load: () => import('./commands/watch.js'),
  },
  table: {
    summary: 'history, describe, optimize, vacuum or restore a table',
    load: () => import('./commands/table.js'),
  },
};
