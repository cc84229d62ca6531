/** A shift pattern a clinician of a role can work. */
export interface ShiftPattern {
  startHour: number;
  hours: number;
  weight: number;
}

/** How clinicians of one role use the EMR. */
export interface RoleProfile {
  role: string;
  /** Share of the roster. */
  share: number;
  /** Inactivity window when the lake configuration has none for the role. */
  defaultInactivityMinutes: number;
  /** Chance of working on a weekday and on a weekend day. */
  workWeekday: number;
  workWeekend: number;
  shifts: readonly ShiftPattern[];
  /** Mean events per shift and per work session. */
  eventsPerShift: number;
  eventsPerSession: number;
  /** Patient-chart actions and their relative frequency (a session opens a chart first). */
  chartActions: Readonly<Record<string, number>>;
  /** Share of sessions that are not about one patient (schedules, reports, audit). */
  otherSessionShare: number;
  otherActions: Readonly<Record<string, number>>;
  /** Clinical roles work on their home unit's patients. */
  unitBound: boolean;
  /** How the name is written: Dr. prefix or credential suffix. */
  title: (name: string) => string;
}

/** The roles carelake simulates, with their EMR habits. */
export const ROLE_PROFILES: readonly RoleProfile[] = [
  {
    role: 'Physician',
    share: 0.18,
    defaultInactivityMinutes: 30,
    workWeekday: 0.75,
    workWeekend: 0.3,
    shifts: [
      { startHour: 7, hours: 10, weight: 8 },
      { startHour: 19, hours: 12, weight: 1 },
    ],
    eventsPerShift: 120,
    eventsPerSession: 9,
    chartActions: { VIEW_RESULTS: 30, ADD_NOTE: 20, PLACE_ORDER: 25, SIGN_NOTE: 12, MESSAGE_PATIENT: 5 },
    otherSessionShare: 0.08,
    otherActions: { VIEW_SCHEDULE: 3, MESSAGE_PATIENT: 1 },
    unitBound: true,
    title: (name) => `Dr. ${name}`,
  },
  {
    role: 'Resident',
    share: 0.1,
    defaultInactivityMinutes: 30,
    workWeekday: 0.85,
    workWeekend: 0.5,
    shifts: [
      { startHour: 6, hours: 12, weight: 7 },
      { startHour: 18, hours: 12, weight: 3 },
    ],
    eventsPerShift: 140,
    eventsPerSession: 10,
    chartActions: { VIEW_RESULTS: 30, ADD_NOTE: 30, PLACE_ORDER: 25, SIGN_NOTE: 5, MESSAGE_PATIENT: 3 },
    otherSessionShare: 0.06,
    otherActions: { VIEW_SCHEDULE: 1 },
    unitBound: true,
    title: (name) => `Dr. ${name}`,
  },
  {
    role: 'Nurse',
    share: 0.45,
    defaultInactivityMinutes: 20,
    workWeekday: 0.45,
    workWeekend: 0.4,
    shifts: [
      { startHour: 7, hours: 12, weight: 6 },
      { startHour: 19, hours: 12, weight: 4 },
    ],
    eventsPerShift: 100,
    eventsPerSession: 7,
    chartActions: { VITALS_ENTRY: 35, MED_ADMIN: 30, ADD_NOTE: 15, VIEW_RESULTS: 10, MESSAGE_PATIENT: 5 },
    otherSessionShare: 0.07,
    otherActions: { VIEW_SCHEDULE: 1 },
    unitBound: true,
    title: (name) => `${name} RN`,
  },
  {
    role: 'Pharmacist',
    share: 0.08,
    defaultInactivityMinutes: 25,
    workWeekday: 0.7,
    workWeekend: 0.35,
    shifts: [
      { startHour: 8, hours: 9, weight: 7 },
      { startHour: 15, hours: 9, weight: 2 },
    ],
    eventsPerShift: 110,
    eventsPerSession: 8,
    chartActions: { VERIFY_ORDER: 60, VIEW_RESULTS: 20, ADD_NOTE: 10, MESSAGE_PATIENT: 3 },
    otherSessionShare: 0.05,
    otherActions: { RUN_REPORT: 1, VIEW_SCHEDULE: 1 },
    unitBound: false,
    title: (name) => `${name} PharmD`,
  },
  {
    role: 'Therapist',
    share: 0.07,
    defaultInactivityMinutes: 30,
    workWeekday: 0.75,
    workWeekend: 0.2,
    shifts: [{ startHour: 8, hours: 9, weight: 1 }],
    eventsPerShift: 60,
    eventsPerSession: 6,
    chartActions: { ADD_NOTE: 40, VITALS_ENTRY: 10, VIEW_RESULTS: 8, MESSAGE_PATIENT: 4 },
    otherSessionShare: 0.1,
    otherActions: { VIEW_SCHEDULE: 1 },
    unitBound: true,
    title: (name) => `${name} PT`,
  },
  {
    role: 'Admin',
    share: 0.12,
    defaultInactivityMinutes: 45,
    workWeekday: 0.85,
    workWeekend: 0.05,
    shifts: [{ startHour: 8, hours: 9, weight: 1 }],
    eventsPerShift: 70,
    eventsPerSession: 6,
    chartActions: { CHECK_BILLING: 1 },
    otherSessionShare: 0.45,
    otherActions: { RUN_REPORT: 5, CHECK_AUDIT_LOG: 2, VIEW_SCHEDULE: 2 },
    unitBound: false,
    title: (name) => name,
  },
];
