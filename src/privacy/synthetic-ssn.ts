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
