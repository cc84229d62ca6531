import type { MrnHasher } from '../../privacy/mrn-hasher.js';
import { mrnForPatient } from './mrn-for-patient.js';

/** Cache slots (a power of two): about the patients of four simulated years at medium scale. */
const SLOTS = 1 << 17;
/** Length of a pseudonym: SHA-256 in hex. */
const HEX = 64;

/**
 * The MRN pseudonym of a simulated patient by index, for threads that write patients the
 * simulating thread did not hash (the HMAC was a fifth of its time). Direct-mapped on the
 * patient index: patients are numbered in order of first arrival, so a patient seen again soon
 * (a readmission, a census day after day) still has their slot and is hashed once, and memory is
 * bounded whatever the run's size. A slot lookup is an array read, where the Map generations
 * this replaces cost as much per stay as a third of the HMAC itself, and churned the heap.
 *
 * @example
 * const pseudonyms = new PseudonymCache(createMrnHasher(salt), 42);
 * pseudonyms.of(patientIndex); // 64 hex, as the simulating thread would have hashed it
 */
export class PseudonymCache {
  // Patient index held by each slot (-1: empty), and its pseudonym.
  private readonly keys = new Int32Array(SLOTS).fill(-1);
  private readonly values: string[] = new Array<string>(SLOTS).fill('');

  constructor(
    private readonly hash: MrnHasher,
    private readonly seed: number,
  ) {}

  // The same pseudonyms as ASCII bytes, HEX bytes per slot, for writers that copy bytes.
  private readonly bytes = new Uint8Array(SLOTS * HEX);
  private readonly byteKeys = new Int32Array(SLOTS).fill(-1);

  /**
   * Where the patient's pseudonym starts in `hexBytes` (64 ASCII hex bytes, valid until the
   * next call): writers copy them into a column with no string per row.
   */
  hexAt(patient: number): number {
    const slot = patient & (SLOTS - 1);
    const at = slot * HEX;
    if (this.byteKeys[slot] !== patient) {
      const text = this.of(patient);
      for (let k = 0; k < HEX; k++) this.bytes[at + k] = text.charCodeAt(k);
      this.byteKeys[slot] = patient;
    }
    return at;
  }

  /** The byte table `hexAt` indexes. */
  get hexBytes(): Uint8Array {
    return this.bytes;
  }

  of(patient: number): string {
    const slot = patient & (SLOTS - 1);
    if (this.keys[slot] === patient) return this.values[slot]!;
    const pseudonym = this.hash(mrnForPatient(patient, this.seed));
    this.keys[slot] = patient;
    this.values[slot] = pseudonym;
    return pseudonym;
  }
}
