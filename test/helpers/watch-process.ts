import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after } from 'node:test';
import { landingDir } from '../../src/lakehouse/lake-layout.js';
import { type Spawned, spawnNode } from './spawn-cli.js';

/** A running `carelake watch --json` and the events it printed. */
export interface WatchProcess extends Spawned {
  /** Every JSON event printed so far. */
  events: () => Record<string, unknown>[];
  /** Resolves once `count` events match `event` (default 1). */
  waitForEvent: (event: string, count?: number, timeoutMs?: number) => Promise<void>;
}

/**
 * Starts a real `carelake watch --json` on `lake` (interval 500 ms, settle 200 ms unless given).
 *
 * @example
 * const w = startWatch(lake); await w.waitForEvent('idle');
 */
export function startWatch(lake: string, extra: readonly string[] = []): WatchProcess {
  const p = spawnNode(
    'src/cli/main.js',
    ['watch', '--lake', lake, '--json', '--interval', '500ms', '--settle', '200ms', ...extra],
    {},
    300_000,
  );
  // A failed test must not leave a watcher running.
  after(() => {
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  });
  const events = () =>
    p
      .stdout()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const waitForEvent = (event: string, count = 1, timeoutMs = 120_000) =>
    p.waitFor(new RegExp(`(?:"event":"${event}"[^\\n]*\\n[^]*){${count}}`), timeoutMs);
  return { ...p, events, waitForEvent };
}

/**
 * Delivers a landing file as a feed should: written under a temporary name, then renamed.
 *
 * @example
 * deliverLandingFile(lake, 'emr_events_2.csv', text);
 */
export function deliverLandingFile(lake: string, name: string, content: string | Buffer): void {
  const temp = join(landingDir(lake), `.${name}.tmp`);
  writeFileSync(temp, content);
  renameSync(temp, join(landingDir(lake), name));
}
