/**
 * The lake's configuration (`carelake.json`), with the defaults a new lake gets. Everything a
 * pipeline needs to know about the hospital lives here, not in code.
 */
export interface LakeConfig {
  version: 1;
  name: string;
  /** IANA zone in which naive source timestamps are read. */
  sourceTimeZone: string;
  /** Staffed beds for occupancy (gold_healthcare_daily_census). */
  staffedBeds: number;
  /** Optional per-unit staffed beds. */
  unitBeds: Record<string, number>;
  /** Maximum patients per RN by unit (gold_healthcare_staffing_ratios). */
  ratioLimits: Record<string, number>;
  /** Cut sessions longer than this many minutes; null = no cap. */
  maxSessionMinutes: number | null;
  /** Default inactivity threshold by clinician role, in minutes. */
  roleInactivityMinutes: Record<string, number>;
  /**
   * The engine `carelake run` and `watch` use (`name`: duckdb, the default, or spark) and the
   * embedded engine's limits: DuckDB spills to disk beyond memoryLimit, so big runs stay bounded.
   * `spark.remote` is the Spark Connect server (`sc://host:15002`; its token comes from
   * CARELAKE_SPARK_TOKEN, never from this file); `spark.lakeUri` is this lake's folder as the
   * cluster sees it (`abfss://…`, `s3://…`), when it differs from the local path.
   */
  engine: {
    name?: 'duckdb' | 'spark';
    memoryLimit: string | null;
    threads: number | null;
    spark?: { remote?: string; lakeUri?: string };
  };
  /** Alert rules (src/alerts/alert-rule.ts), checked when they are read; absent on a new lake. */
  alerts?: unknown;
}

/**
 * A new lake's configuration.
 *
 * @example
 * defaultLakeConfig('st-marys').staffedBeds; // 350
 */
export function defaultLakeConfig(name: string): LakeConfig {
  return {
    version: 1,
    name,
    sourceTimeZone: 'UTC',
    staffedBeds: 350,
    unitBeds: {},
    ratioLimits: {
      ICU: 2,
      'Step-Down': 3,
      Telemetry: 4,
      ED: 4,
      MedSurg: 5,
      Oncology: 5,
      Pediatrics: 4,
      'L&D': 2,
    },
    maxSessionMinutes: null,
    roleInactivityMinutes: {
      Physician: 30,
      Nurse: 20,
      Admin: 45,
      Pharmacist: 25,
      Therapist: 30,
      Resident: 30,
    },
    engine: { memoryLimit: '3GB', threads: null },
  };
}
