import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalogFingerprint } from './catalog-fingerprint.js';
import type { DrgCatalog } from './drg-catalog.js';
import { type PilotEstimate, pilotEstimate } from './pilot-estimate.js';

/** The shipped catalog's pilot estimate, written by scripts/write-pilot-estimate.mjs. */
export const PILOT_ESTIMATE_FILE = fileURLToPath(
  new URL('../../../../data/pilot-estimate.json', import.meta.url),
);

/** What the file holds: the estimate and the fingerprint of the catalog it was computed for. */
export interface StoredPilotEstimate extends PilotEstimate {
  catalog: string;
}

/**
 * The pilot estimate of `catalog`: read from the file when it was computed for the same catalog
 * (the shipped DRG table), computed otherwise. Every run plans its hospital from the estimate
 * before any thread starts, and the 20,000 pilot stays ran in code not yet optimized: about
 * 0.15 s of a 1M-admission run during which the second core had nothing to do. The stored
 * values are exactly what pilotEstimate gives (a test recomputes them), so the data is the same.
 *
 * @example
 * const { meanStayDays, unitShare } = knownPilotEstimate(catalog);
 */
export function knownPilotEstimate(catalog: DrgCatalog, path = PILOT_ESTIMATE_FILE): PilotEstimate {
  const stored = readStored(path);
  if (stored !== undefined && stored.catalog === catalogFingerprint(catalog)) {
    return { meanStayDays: stored.meanStayDays, unitShare: stored.unitShare };
  }
  return pilotEstimate(catalog);
}

// The file's estimate, or undefined when it is missing or not one (then the estimate is computed).
function readStored(path: string): StoredPilotEstimate | undefined {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  const s = value as Partial<StoredPilotEstimate> | null;
  const ok =
    s !== null &&
    typeof s === 'object' &&
    typeof s.catalog === 'string' &&
    typeof s.meanStayDays === 'number' &&
    Array.isArray(s.unitShare) &&
    s.unitShare.every((x) => typeof x === 'number');
  return ok ? (s as StoredPilotEstimate) : undefined;
}
