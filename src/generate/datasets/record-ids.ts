const DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * Formats sequential record ids ('ENC0000000001', …) fast: the leading digits change once per
 * thousand ids, so they are formatted once per thousand and the last three come from a table.
 *
 * @example
 * const ids = new RecordIds('ENC', 10);
 * ids.format(0); // 'ENC0000000001'
 */
export class RecordIds {
  private head = -1;
  private headText = '';

  constructor(
    private readonly prefix: string,
    private readonly digits: number,
  ) {}

  /** The id of the `seq`-th record (0-based; ids start at 1). */
  format(seq: number): string {
    const n = seq + 1;
    const rest = n % 1000;
    const head = (n - rest) / 1000;
    if (head !== this.head) {
      this.head = head;
      this.headText = this.prefix + String(head).padStart(this.digits - 3, '0');
    }
    return this.headText + DIGITS[rest];
  }
}

/** Prefix and digit count of encounter ids, for writers that format them as bytes. */
export const ENCOUNTER_ID = { prefix: 'ENC', digits: 10 } as const;
/** Prefix and digit count of claim ids, for writers that format them as bytes. */
export const CLAIM_ID = { prefix: 'CLM', digits: 10 } as const;

const ENCOUNTERS = new RecordIds(ENCOUNTER_ID.prefix, ENCOUNTER_ID.digits);
const CLAIMS = new RecordIds(CLAIM_ID.prefix, CLAIM_ID.digits);
const STAFFING = new RecordIds('STF', 8);
const EVENTS = new RecordIds('EVT', 10);

/** @example encounterId(0) // 'ENC0000000001' */
export const encounterId = (seq: number): string => ENCOUNTERS.format(seq);
/** @example claimId(0) // 'CLM0000000001' */
export const claimId = (seq: number): string => CLAIMS.format(seq);
/** @example staffingId(0) // 'STF00000001' */
export const staffingId = (seq: number): string => STAFFING.format(seq);
/** @example eventId(0) // 'EVT0000000001' */
export const eventId = (seq: number): string => EVENTS.format(seq);
