import type { Clinician } from '../emr/clinician.js';

/**
 * clinicians.csv, in the seed sample's format: names quoted, an empty
 * session_inactivity_minutes meaning "inherit the role's default".
 *
 * @example
 * cliniciansCsv(roster); // 'clinician_id,clinician_name,…\n1001,"Dr. Alice Smith",Physician,30\n…'
 */
export function cliniciansCsv(roster: readonly Clinician[]): string {
  const lines = ['clinician_id,clinician_name,clinician_role,session_inactivity_minutes'];
  for (const c of roster) {
    lines.push(`${c.id},"${c.name.replaceAll('"', '""')}",${c.profile.role},${c.ownThreshold ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}
