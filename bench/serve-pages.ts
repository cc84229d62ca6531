/**
 * The requests each dashboard page makes on load (its cards, charts, tables and slicers), as
 * the API contract and src/web define them. `clinician` is filled in with a real clinician id,
 * `today` with today's date (the ED page's live view).
 */
export const SERVE_PAGES: Record<string, readonly string[]> = {
  executive: [
    '/api/measures',
    '/api/query?measure=case_mix_index',
    '/api/query?measure=readmission_rate',
    '/api/query?measure=avg_los',
    '/api/query?measure=occupancy_pct',
    '/api/query?measure=denial_rate',
    '/api/query?measure=readmission_rate&measure=encounters&by=drg_code',
    '/api/query?measure=occupancy_pct&by=date:day',
  ],
  readmission: [
    '/api/query?measure=scored_encounters&by=risk_tier',
    '/api/tables/gold_healthcare_readmission_risk/rows?where=risk_tier=HIGH&sort=risk_score:desc&limit=25',
    '/api/tables/gold_healthcare_risk_model_metrics/rows?limit=100',
    '/api/dimensions/payer/values',
    '/api/dimensions/drg_code/values',
    '/api/dimensions/disposition/values',
  ],
  ed: [
    '/api/query?measure=ed_volume&measure=median_ed_to_admit_minutes&measure=p90_boarding_minutes&from={today}&to={today}',
    '/api/query?measure=median_ed_to_admit_minutes&measure=p90_ed_to_admit_minutes&measure=ed_volume',
    '/api/distributions/ed_to_admit_minutes',
    '/api/query?measure=ed_volume&measure=p90_boarding_minutes&by=date:week',
  ],
  sessions: [
    '/api/query?measure=sessions&by=date:day&by=clinician_role',
    '/api/distributions/session_minutes?by=clinician_role',
    '/api/tables/clinician_emr_sessions/rows?where=clinician_id={clinician}&sort=session_start_time&limit=200',
    '/api/dimensions/clinician_role/values',
  ],
  quality: ['/api/quality'],
};
