/**
 * The incremental state of gold clinician_emr_sessions: `txn` watermarks committed with the
 * sessions (the last bucket group of a run) naming the versions of silver emr_events and
 * clinician_dim they were computed from. They advance only with the commit that wrote the
 * sessions, so a run that dies after silver and before gold leaves the old watermarks and the
 * next run recomputes what it had left.
 */
export const EVENTS_WATERMARK = 'carelake/clinician_emr_sessions<-emr_events';
export const DIM_WATERMARK = 'carelake/clinician_emr_sessions<-clinician_dim';
/** gold_clinician_session_summary's watermark: the sessions version it summarizes. */
export const SUMMARY_WATERMARK = 'carelake/gold_clinician_session_summary<-clinician_emr_sessions';
