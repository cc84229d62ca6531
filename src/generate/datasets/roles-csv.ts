/**
 * roles.csv: each role's default inactivity window in minutes.
 *
 * @example
 * rolesCsv({ Physician: 30, Nurse: 20 }); // 'clinician_role,default_inactivity_minutes\nPhysician,30\nNurse,20\n'
 */
export function rolesCsv(roleMinutes: Readonly<Record<string, number>>): string {
  const lines = ['clinician_role,default_inactivity_minutes'];
  for (const [role, minutes] of Object.entries(roleMinutes)) lines.push(`${role},${minutes}`);
  return `${lines.join('\n')}\n`;
}
