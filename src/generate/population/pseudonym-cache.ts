import type { MrnHasher } from '../../privacy/mrn-hasher.js';
import { mrnForPatient } from './mrn-for-patient.js';

/** Pseudonyms kept per generation: recent patients hit, memory stays bounded. */
const GENERATION = 100_000;

/**
 * The MRN pseudonym of a simulated patient by index, for threads that write patients the
 * simulating thread did not hash (the HMAC was a fifth of its time). Keeps the pseudonyms of
 * recent patients in two generations of maps, so memory is bounded whatever the run's size and
 * a patient seen again soon (a readmission, a census day after day) is hashed once.
 *
 * @example
 * const pseudonyms = new PseudonymCache(createMrnHasher(salt), 42);
 * pseudonyms.of(patientIndex); // 64 hex, as the simulating thread would have hashed it
 */
export class PseudonymCache {
  private current = new Map<number, string>();
  private previous = new Map<number, string>();

  constructor(
    private readonly hash: MrnHasher,
    private readonly seed: number,
  ) {}

  of(patient: number): string {
    let pseudonym = this.current.get(patient);
    if (pseudonym !== undefined) return pseudonym;
    pseudonym = this.previous.get(patient) ?? this.hash(mrnForPatient(patient, this.seed));
    if (this.current.size >= GENERATION) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(patient, pseudonym);
    return pseudonym;
  }
}
