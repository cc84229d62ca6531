import type { MrnHexWriter } from '../../privacy/mrn-hex-writer.js';
import { MRN_BYTES, writeMrnForPatient } from './mrn-for-patient.js';

/** Cache slots (a power of two): about the patients of four simulated years at medium scale. */
const SLOTS = 1 << 17;
/** Length of a pseudonym: SHA-256 in hex. */
const HEX = 64;

/**
 * The MRN pseudonym of a simulated patient by index, for threads that write patients the
 * simulating thread did not hash (the HMAC was a fifth of its time). Direct-mapped on the
 * patient index: patients are numbered in order of first arrival, so a patient seen again soon
 * (a readmission, a census day after day) still has their slot and is hashed once, and memory is
 * bounded whatever the run's size. Pseudonyms are kept as bytes: writers copy them into a
 * column with no string per row, and the MRN is hashed from bytes too.
 *
 * @example
 * const pseudonyms = new PseudonymCache(createMrnHexWriter(salt), 42);
 * pseudonyms.of(patientIndex); // 64 hex, as the simulating thread would have hashed it
 */
export class PseudonymCache {
  // Patient index held by each slot (-1: empty), and its pseudonym's bytes.
  private readonly keys = new Int32Array(SLOTS).fill(-1);
  // A plain Uint8Array, like every other source of textBytes: a Buffer among them made the
  // copy loop's loads polymorphic.
  private readonly bytes = new Uint8Array(SLOTS * HEX);
  private readonly mrn = new Uint8Array(MRN_BYTES);

  constructor(
    private readonly writeHex: MrnHexWriter,
    private readonly seed: number,
  ) {}

  /**
   * Where the patient's pseudonym starts in `hexBytes` (64 ASCII hex bytes, valid until the
   * next call).
   */
  hexAt(patient: number): number {
    const slot = patient & (SLOTS - 1);
    const at = slot * HEX;
    if (this.keys[slot] !== patient) {
      writeMrnForPatient(patient, this.seed, this.mrn);
      this.writeHex(this.mrn, MRN_BYTES, this.bytes, at);
      this.keys[slot] = patient;
    }
    return at;
  }

  /** The byte table `hexAt` indexes. */
  get hexBytes(): Uint8Array {
    return this.bytes;
  }

  /** The patient's pseudonym as a string. */
  of(patient: number): string {
    const at = this.hexAt(patient);
    return Buffer.from(this.bytes.buffer, at, HEX).toString('latin1');
  }
}
