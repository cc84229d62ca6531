/**
 * How a DRG behaves in the simulated hospital: its share of admissions, how patients arrive,
 * where they are cared for, and what is coded and billed. Volumes and shares are rough US
 * all-payer patterns, good enough that the KPIs look like a real hospital's.
 */
export interface DrgProfile {
  /** Relative admission volume. */
  volume: number;
  /** Share of admissions that are elective (scheduled) and urgent (direct admits). */
  elective: number;
  urgent: number;
  /** Share of stays cared for in ICU, Step-Down and Telemetry; the rest go to MedSurg. */
  icu: number;
  stepDown: number;
  telemetry: number;
  /** Added to the log-odds of dying in hospital. */
  mortality: number;
  /** Relative volume among children (0: adult-only DRG). */
  pediatric: number;
  /** Principal diagnoses, ICD-10-CM, most common first. */
  icd10: readonly string[];
  /** The professional procedure billed for the stay, if any (CPT). */
  procedure?: string;
}

const P = (p: Partial<DrgProfile> & Pick<DrgProfile, 'volume' | 'icd10'>): DrgProfile => ({
  elective: 0,
  urgent: 0.08,
  icu: 0,
  stepDown: 0,
  telemetry: 0,
  mortality: 0,
  pediatric: 0,
  ...p,
});

/** Profiles of the DRGs in the shipped weights table, by MS-DRG code. */
export const DRG_PROFILES: Readonly<Record<string, DrgProfile>> = {
  '065': P({ volume: 15, icu: 0.2, stepDown: 0.4, mortality: 0.8, icd10: ['I63.9', 'I61.9', 'I63.512'] }),
  '069': P({ volume: 8, telemetry: 0.5, icd10: ['G45.9', 'G45.8'] }),
  '189': P({ volume: 15, icu: 0.3, stepDown: 0.3, mortality: 1.0, icd10: ['J96.01', 'J81.0', 'J96.21'] }),
  '190': P({ volume: 20, icu: 0.08, stepDown: 0.25, mortality: 0.4, icd10: ['J44.1', 'J44.0'] }),
  '191': P({ volume: 12, stepDown: 0.1, icd10: ['J44.1', 'J44.9'] }),
  '193': P({
    volume: 20,
    icu: 0.1,
    stepDown: 0.2,
    mortality: 0.7,
    pediatric: 25,
    icd10: ['J18.9', 'J15.9', 'J18.1'],
  }),
  '194': P({ volume: 15, pediatric: 20, icd10: ['J18.9', 'J18.1'] }),
  '287': P({ volume: 8, elective: 0.45, telemetry: 0.7, icd10: ['I20.9', 'I25.10'], procedure: '93458' }),
  '291': P({
    volume: 40,
    icu: 0.07,
    stepDown: 0.25,
    telemetry: 0.55,
    mortality: 0.6,
    icd10: ['I50.23', 'I50.9', 'I50.33'],
  }),
  '292': P({ volume: 15, telemetry: 0.7, icd10: ['I50.9', 'I50.22'] }),
  '312': P({ volume: 10, telemetry: 0.6, pediatric: 3, icd10: ['R55'] }),
  '321': P({
    volume: 8,
    elective: 0.25,
    icu: 0.3,
    stepDown: 0.5,
    mortality: 0.6,
    icd10: ['I21.4', 'I21.09'],
    procedure: '92928',
  }),
  '322': P({
    volume: 10,
    elective: 0.45,
    stepDown: 0.3,
    telemetry: 0.6,
    icd10: ['I25.10', 'I21.4'],
    procedure: '92928',
  }),
  '378': P({ volume: 12, icu: 0.05, stepDown: 0.2, icd10: ['K92.2', 'K92.1'] }),
  '392': P({ volume: 20, pediatric: 25, icd10: ['K52.9', 'A08.4', 'K21.9'] }),
  '470': P({
    volume: 40,
    elective: 0.93,
    urgent: 0.02,
    icd10: ['M17.11', 'M16.11', 'M17.12'],
    procedure: '27447',
  }),
  '603': P({ volume: 15, pediatric: 12, icd10: ['L03.115', 'L03.90', 'L03.116'] }),
  '638': P({ volume: 8, pediatric: 8, icd10: ['E11.65', 'E11.10', 'E10.10'] }),
  '641': P({ volume: 12, pediatric: 5, icd10: ['E87.1', 'E86.0', 'E87.6'] }),
  '682': P({ volume: 15, icu: 0.05, stepDown: 0.15, mortality: 0.6, icd10: ['N17.9', 'N17.0'] }),
  '683': P({ volume: 15, icd10: ['N17.9', 'N18.4'] }),
  '689': P({ volume: 10, stepDown: 0.1, mortality: 0.3, icd10: ['N39.0', 'N10'] }),
  '690': P({ volume: 15, pediatric: 10, icd10: ['N39.0', 'N30.00'] }),
  '871': P({
    volume: 60,
    icu: 0.25,
    stepDown: 0.3,
    mortality: 1.3,
    pediatric: 4,
    icd10: ['A41.9', 'A41.51', 'R65.20'],
  }),
  '872': P({ volume: 20, stepDown: 0.15, mortality: 0.4, pediatric: 2, icd10: ['A41.9', 'A41.89'] }),
  '948': P({ volume: 6, pediatric: 3, icd10: ['R53.1', 'R50.9', 'R42'] }),
};

/** Used for a DRG that a user-supplied table adds: a medical stay of average volume. */
export const DEFAULT_DRG_PROFILE: DrgProfile = P({ volume: 5, icd10: ['R69'] });
