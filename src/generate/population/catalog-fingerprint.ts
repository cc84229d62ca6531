import { createHash } from 'node:crypto';
import type { DrgCatalog } from './drg-catalog.js';

/**
 * SHA-256 (hex) of everything a DRG catalog's entries hold (CMS weights, clinical profiles,
 * solved LOS medians, in table order): two catalogs with the same fingerprint drive the stay
 * model the same way.
 *
 * @example
 * catalogFingerprint(buildDrgCatalog(readDrgTable())); // '5c1e…' (64 hex)
 */
export function catalogFingerprint(catalog: DrgCatalog): string {
  return createHash('sha256').update(JSON.stringify(catalog.entries)).digest('hex');
}
