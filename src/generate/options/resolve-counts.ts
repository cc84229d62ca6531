import { UsageError } from '../../errors/usage-error.js';
import { type DatasetCounts, SCALES, type ScaleName } from '../scales.js';
import { parseCount } from './parse-count.js';

/**
 * Row counts from `--scale` (default small) and any per-dataset overrides.
 *
 * @example
 * resolveCounts('tiny', { events: '500' }); // SCALES.tiny with 500 events
 */
export function resolveCounts(
  scale: string | undefined,
  overrides: Partial<Record<keyof DatasetCounts, string | undefined>>,
): DatasetCounts {
  const name = scale ?? 'small';
  if (!(name in SCALES)) {
    throw new UsageError(`--scale "${name}" is not a scale; use tiny, small, medium or large`);
  }
  const counts: DatasetCounts = { ...SCALES[name as ScaleName] };
  for (const key of Object.keys(counts) as (keyof DatasetCounts)[]) {
    const text = overrides[key];
    if (text !== undefined) counts[key] = parseCount(key, text);
  }
  return counts;
}
