import { phiLikePattern } from '../../privacy/phi-patterns.js';

/**
 * Replaces fields that look like an unmasked SSN or a raw MRN with `<withheld>`, so a malformed
 * row kept whole in quarantine (`_raw`) cannot carry PHI into the lake.
 *
 * @example
 * withholdPhiLike(['E1', ssnLikeText]); // ['E1', '<withheld>']
 */
export function withholdPhiLike(fields: readonly string[]): string[] {
  return fields.map((f) => (phiLikePattern().test(f) ? '<withheld>' : f));
}
