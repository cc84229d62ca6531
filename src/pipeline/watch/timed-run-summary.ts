import { performance } from 'node:perf_hooks';
import { emptyRunSummary, type RunSummary } from '../run-summary.js';

type Step = RunSummary['steps'][number];

/** Steps that remember when each was recorded; derived arrays (filter, map) are plain arrays. */
class TimedSteps extends Array<Step> {
  static override get [Symbol.species]() {
    return Array;
  }
  readonly endedAt = new Map<string, number>();

  override push(...items: Step[]): number {
    for (const s of items) this.endedAt.set(s.step, performance.now());
    return super.push(...items);
  }
}

/**
 * An empty run summary whose steps remember the moment (performance.now()) each was recorded: a
 * step is recorded when it is done (a table's step after its commit), so a watch batch can tell
 * when each table's new version became queryable. `endedAt` holds the last record of each step
 * name.
 *
 * @example
 * const { summary, endedAt } = timedRunSummary(); // … endedAt.get('gold clinician_emr_sessions')
 */
export function timedRunSummary(): { summary: RunSummary; endedAt: ReadonlyMap<string, number> } {
  const steps = new TimedSteps();
  return { summary: { ...emptyRunSummary(), steps }, endedAt: steps.endedAt };
}
