import { Rng } from './rng.js';

/**
 * An independent random stream for one purpose ("admissions", "claims", "faults:emr_events", …)
 * of one seed. Separate streams keep datasets independent: changing the event count, or turning
 * on dirty data, does not change a single admission.
 *
 * @example
 * const rng = deriveStream(42, 'claims');
 */
export function deriveStream(seed: number, purpose: string): Rng {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  let h = 0x9e3779b9 ^ hashText(purpose);
  const state: number[] = [];
  for (let i = 0; i < 4; i++) {
    h = mix(h ^ lo ^ Math.imul(i + 1, 0x85ebca6b));
    h = mix(h ^ hi ^ Math.imul(i + 7, 0xc2b2ae35));
    state.push(h);
  }
  return new Rng(state as [number, number, number, number]);
}

function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// The murmur3 finaliser: every input bit affects every output bit.
function mix(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
