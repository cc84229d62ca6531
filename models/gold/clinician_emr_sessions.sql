-- clinician_emr_sessions: one row per clinician work session. Events are ordered by
-- (event_timestamp, event_id); an event opens a session when it is the clinician's first or
-- follows the previous one by strictly more than the clinician's threshold (equal continues,
-- as in the seed, Spark session_window and Flink). Gaps compare in microseconds.
-- Inputs: lh_silver.dbo.emr_events, lh_silver.dbo.clinician_dim.
-- Parameters: $buckets (clinician buckets to compute), $source_time_zone (for session_date).
with numbered as (
    select * from session_numbered($buckets)
),

sessions as (
    select
        clinician_id,
        session_number,
        any_value(clinician_bucket) as clinician_bucket,
        any_value(clinician_role) as clinician_role,
        any_value(session_threshold_minutes) as session_threshold_minutes,
        min(event_timestamp) as session_start_time,
        max(event_timestamp) as session_end_time,
        count(*) as event_count,
        list_sort(list({'ts': event_timestamp, 'id': event_id, 'type': event_type, 'patient': patient_id})) as ordered,
        max(split_cause) as split_cause
    from numbered
    group by clinician_id, session_number
)

select
    clinician_id::varchar || '_S' || session_number as session_id,
    clinician_id,
    clinician_role,
    session_threshold_minutes,
    session_start_time,
    session_end_time,
    event_count,
    list_transform(ordered, x -> x.type) as event_types_in_session,
    epoch_us(session_end_time) // 1000000 - epoch_us(session_start_time) // 1000000 as session_duration_seconds,
    md5(clinician_id::varchar || '|' || ordered[1].id) as session_key,
    length(list_distinct(list_transform(ordered, x -> x.patient))) as patient_count,
    cast(timezone($source_time_zone, session_start_time) as date) as session_date,
    split_cause,
    clinician_bucket
from sessions
