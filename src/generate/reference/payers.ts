/** A payer and how it adjudicates claims. */
export interface Payer {
  name: string;
  /** Allowed amount as a share of billed charges. */
  allowedShare: number;
  /** Share of the allowed amount left to the patient (deductible, coinsurance). */
  patientShare: number;
  /** Probability that a claim is denied. */
  denialRate: number;
  /** Relative frequency of each CARC denial code for this payer. */
  denialMix: Readonly<Record<string, number>>;
}

// The denial-code mix most payers show; each payer below shifts it a little.
const BASE_MIX = {
  'CO-16': 25,
  'CO-197': 18,
  'CO-50': 15,
  'CO-97': 12,
  'CO-29': 8,
  'CO-18': 8,
  'CO-4': 7,
  'CO-11': 7,
};

/**
 * The payers, with rates shaped on published denial surveys: overall about 10% of claims denied,
 * Medicaid and Medicare Advantage the most, self-pay never (nobody adjudicates it).
 */
export const PAYERS: Readonly<Record<string, Payer>> = {
  Medicare: {
    name: 'Medicare',
    allowedShare: 0.34,
    patientShare: 0.2,
    denialRate: 0.075,
    denialMix: { ...BASE_MIX, 'CO-50': 24, 'CO-197': 6 },
  },
  'Medicare Advantage': {
    name: 'Medicare Advantage',
    allowedShare: 0.38,
    patientShare: 0.12,
    denialRate: 0.13,
    denialMix: { ...BASE_MIX, 'CO-197': 30, 'CO-50': 20 },
  },
  Medicaid: {
    name: 'Medicaid',
    allowedShare: 0.28,
    patientShare: 0,
    denialRate: 0.14,
    denialMix: { ...BASE_MIX, 'CO-16': 35, 'CO-29': 12 },
  },
  Commercial: {
    name: 'Commercial',
    allowedShare: 0.55,
    patientShare: 0.15,
    denialRate: 0.105,
    denialMix: { ...BASE_MIX, 'CO-197': 26, 'CO-4': 10 },
  },
  'Self-Pay': { name: 'Self-Pay', allowedShare: 0.3, patientShare: 1, denialRate: 0, denialMix: BASE_MIX },
};
