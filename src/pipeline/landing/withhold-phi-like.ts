const UNMASKED_SSN = /\b\d{3}-?\d{2}-?\d{4}\b/;
const RAW_MRN = /\bMRN[-_ ]?\d+/i;

/**
 * Replaces fields that look like an unmasked SSN or a raw MRN with `<withheld>`, so a malformed
 * row kept whole in quarantine (`_raw`) cannot carry PHI into the lake.
 *
 * @example
 * withholdPhiLike(['E1', ssnLikeText]); // ['E1', '<withheld>']
 */
export function withholdPhiLike(fields: readonly string[]): string[] {
  return fields.map((f) => (UNMASKED_SSN.test(f) || RAW_MRN.test(f) ? '<withheld>' : f));
}
