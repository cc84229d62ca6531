/** One suspicious match; the matched text itself is not kept, so a report never repeats PHI. */
export interface PhiFinding {
  kind: 'raw_mrn' | 'unmasked_ssn';
  /** Character offset of the match in the scanned text. */
  offset: number;
}

// An MRN-like identifier ("MRN-" or "mrn_" followed by digits) or a full SSN not preceded by
// other digits or dashes (so dates and ids such as ENC0000000001 do not match).
const PATTERNS: readonly [PhiFinding['kind'], RegExp][] = [
  ['raw_mrn', /\bMRN[-_ :#]?\d+/gi],
  ['unmasked_ssn', /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g],
];

/**
 * Finds text that looks like a raw MRN or an unmasked SSN. Used on every generated file in the
 * tests, and usable on logs before they are shared.
 *
 * @example
 * scanForPhi('mrn_hash=9f…, ssn=XXX-XX-0831'); // []
 */
export function scanForPhi(text: string): PhiFinding[] {
  const findings: PhiFinding[] = [];
  for (const [kind, pattern] of PATTERNS) {
    for (const match of text.matchAll(pattern)) findings.push({ kind, offset: match.index });
  }
  return findings.sort((a, b) => a.offset - b.offset);
}
