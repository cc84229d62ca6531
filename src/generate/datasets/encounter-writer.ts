import { join } from 'node:path';
import { ParquetDatasetFile } from '../output/parquet-dataset-file.js';
import { deriveStream } from '../random/derive-stream.js';
import type { Rng } from '../random/rng.js';
import { ClaimCountAllocator } from './claim-count-allocator.js';
import type { EncounterRow } from './encounter-row.js';
import { LANDING_DATASETS } from './landing-schemas.js';
import { planClaims } from './plan-claims.js';
import { encounterId } from './record-ids.js';
import { writeAdmission } from './write-admission.js';
import { writeClaim } from './write-claim.js';

/** What writing admissions and claims produced. */
export interface EncounterResult {
  admissions: number;
  claims: number;
  deniedClaims: number;
}

/**
 * Writes clean Parquet admissions and the claims of each admission, in admissions order, with
 * the claims drawn from the one 'claims' stream: the same bytes whether it runs in the
 * simulating thread or in the encounter worker, whatever the batch size.
 *
 * @example
 * const writer = new EncounterWriter(dir, 42, counts);
 * writer.stay(stay);
 * const { claims } = writer.close();
 */
export class EncounterWriter {
  private readonly admissions: ParquetDatasetFile;
  private readonly claims: ParquetDatasetFile;
  private readonly rng: Rng;
  private readonly allocator: ClaimCountAllocator;
  private claimSeq = 0;
  private denied = 0;

  constructor(dir: string, seed: number, counts: { admissions: number; claims: number }) {
    this.admissions = new ParquetDatasetFile(join(dir, 'admissions.parquet'), LANDING_DATASETS.admissions);
    this.claims = new ParquetDatasetFile(join(dir, 'claims.parquet'), LANDING_DATASETS.claims);
    this.rng = deriveStream(seed, 'claims');
    this.allocator = new ClaimCountAllocator(counts.claims, counts.admissions);
  }

  stay(stay: EncounterRow): void {
    writeAdmission(this.admissions, stay);
    const n = this.allocator.next(this.rng, stay);
    if (n === 0) return;
    // Formatted once for the stay's claims (ids as text allocate a string each).
    const encounter = encounterId(stay.seq);
    for (const line of planClaims(this.rng, stay, n)) {
      if (line.denial !== '') this.denied++;
      writeClaim(this.claims, this.claimSeq++, stay, encounter, line);
    }
  }

  close(): EncounterResult {
    this.admissions.close();
    this.claims.close();
    return { admissions: this.admissions.rows, claims: this.claims.rows, deniedClaims: this.denied };
  }
}
