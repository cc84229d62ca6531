/** An inpatient unit of the simulated hospital. */
export interface HospitalUnit {
  name: string;
  /** Target patients per RN (matches the lake's default ratio limits). */
  patientsPerRn: number;
  /** Typical acuity of its patients on a 1–5 scale. */
  baseAcuity: number;
}

/**
 * The inpatient units whose census drives staffing. Names match the lake configuration's ratio
 * limits; ED and L&D are not inpatient units for these DRGs, so they have no census here.
 */
export const HOSPITAL_UNITS: readonly HospitalUnit[] = [
  { name: 'ICU', patientsPerRn: 2, baseAcuity: 4.2 },
  { name: 'Step-Down', patientsPerRn: 3, baseAcuity: 3.4 },
  { name: 'Telemetry', patientsPerRn: 4, baseAcuity: 2.8 },
  { name: 'MedSurg', patientsPerRn: 5, baseAcuity: 2.3 },
  { name: 'Oncology', patientsPerRn: 5, baseAcuity: 2.9 },
  { name: 'Pediatrics', patientsPerRn: 4, baseAcuity: 2.2 },
];

/** The staffing shifts: name and start hour (8-hour shifts). */
export const SHIFTS: readonly { name: string; startHour: number }[] = [
  { name: 'Day', startHour: 7 },
  { name: 'Evening', startHour: 15 },
  { name: 'Night', startHour: 23 },
];
