/**
 * A synthetic SSN in the 900–999 area range, which the SSA never issues, so it cannot belong to
 * anyone. `randomInt(n)` returns an integer in [0, n); callers pass their seeded generator.
 *
 * @example
 * syntheticSsn((n) => rng.int(n)); // a 900-series SSN, never written unmasked
 */
export function syntheticSsn(randomInt: (n: number) => number): string {
  const area = 900 + randomInt(100);
  const group = 1 + randomInt(99);
  const serial = 1 + randomInt(9999);
  return `${area}-${String(group).padStart(2, '0')}-${String(serial).padStart(4, '0')}`;
}

/**
 * The masked form (`XXX-XX-` and the serial) of the SSN syntheticSsn would draw with the same
 * random calls, without building the full number: the generator only ever writes the masked
 * form, so the unmasked one need not exist even in memory (and this runs once per patient).
 *
 * @example
 * maskedSyntheticSsn((n) => rng.int(n)); // same as maskSsn(syntheticSsn(…)) from the same state
 */
export function maskedSyntheticSsn(randomInt: (n: number) => number): string {
  return maskedSsnText(maskedSsnSerial(randomInt));
}

/**
 * The serial (1–9999) of the SSN syntheticSsn would draw with the same random calls: all that
 * the masked form keeps, so a simulated patient holds this number and writers format it.
 *
 * @example
 * maskedSsnText(maskedSsnSerial((n) => rng.int(n))); // same as maskedSyntheticSsn(…)
 */
export function maskedSsnSerial(randomInt: (n: number) => number): number {
  randomInt(100); // area: drawn to keep the stream aligned with syntheticSsn
  randomInt(99); // group
  return 1 + randomInt(9999);
}

/**
 * The masked SSN text of a serial: `XXX-XX-` and the serial in four digits.
 *
 * @example
 * maskedSsnText(831); // 'XXX-XX-0831'
 */
export function maskedSsnText(serial: number): string {
  return `XXX-XX-${serial < 10 ? '000' : serial < 100 ? '00' : serial < 1000 ? '0' : ''}${serial}`;
}
