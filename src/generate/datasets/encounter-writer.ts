import { join } from 'node:path';
import { ParquetDatasetFile } from '../output/parquet-dataset-file.js';
import { RecordIdBytes } from '../output/record-id-bytes.js';
import type { DrgCatalog } from '../population/drg-catalog.js';
import type { PseudonymCache } from '../population/pseudonym-cache.js';
import { deriveStream } from '../random/derive-stream.js';
import type { Rng } from '../random/rng.js';
import { ClaimCountAllocator } from './claim-count-allocator.js';
import type { EncounterRow } from './encounter-row.js';
import { LANDING_DATASETS } from './landing-schemas.js';
import { type ClaimLine, planClaims } from './plan-claims.js';
import { ENCOUNTER_ID } from './record-ids.js';
import { fillEncounterRow, newEncounterRow, type StayBatch } from './stay-batch.js';
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
 * const writer = new EncounterWriter(dir, 42, counts, { catalog, pseudonyms });
 * writer.batch(batch);
 * const { claims } = writer.close();
 */
export class EncounterWriter {
  private readonly admissions: ParquetDatasetFile;
  private readonly claims: ParquetDatasetFile;
  private readonly rng: Rng;
  private readonly allocator: ClaimCountAllocator;
  private readonly codes: { drgCodes: readonly string[]; pseudonyms: PseudonymCache };
  // Reused for every stay: claims read a stay's fields, not the stay object.
  private readonly row: EncounterRow;
  private readonly lines: ClaimLine[] = [];
  private readonly encounterIds = new RecordIdBytes(ENCOUNTER_ID.prefix, ENCOUNTER_ID.digits);
  private claimSeq = 0;
  private denied = 0;

  constructor(
    dir: string,
    seed: number,
    counts: { admissions: number; claims: number },
    private readonly x: { catalog: DrgCatalog; pseudonyms: PseudonymCache },
  ) {
    this.admissions = new ParquetDatasetFile(join(dir, 'admissions.parquet'), LANDING_DATASETS.admissions);
    this.claims = new ParquetDatasetFile(join(dir, 'claims.parquet'), LANDING_DATASETS.claims);
    this.rng = deriveStream(seed, 'claims');
    this.allocator = new ClaimCountAllocator(counts.claims, counts.admissions);
    this.codes = { drgCodes: x.catalog.entries.map((e) => e.code), pseudonyms: x.pseudonyms };
    this.row = newEncounterRow(x.catalog);
  }

  /** Writes every stay of a batch, in order. */
  batch(b: StayBatch): void {
    for (let i = 0; i < b.length; i++) {
      writeAdmission(this.admissions, b, i, this.codes);
      const stay = fillEncounterRow(this.row, b, i, this.x.catalog);
      const n = this.allocator.next(this.rng, stay);
      if (n === 0) continue;
      const encounter = this.encounterIds.of(stay.seq);
      planClaims(this.rng, stay, n, this.lines);
      for (let k = 0; k < n; k++) {
        const line = this.lines[k]!;
        if (line.denial !== '') this.denied++;
        writeClaim(this.claims, this.claimSeq++, stay, encounter, line);
      }
    }
  }

  close(): EncounterResult {
    this.admissions.close();
    this.claims.close();
    return { admissions: this.admissions.rows, claims: this.claims.rows, deniedClaims: this.denied };
  }
}
