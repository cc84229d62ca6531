-- clinician_emr_sessions: one row per clinician work session. Events are ordered by
-- (event_timestamp, event_id); an event opens a session when it is the clinician's first or
-- follows the previous one by strictly more than the clinician's threshold (equal continues,
-- as in the seed, Spark session_window and Flink). Gaps compare in microseconds.
-- Inputs: lh_silver.dbo.emr_events, lh_silver.dbo.clinician_dim.
-- Parameters: $buckets (clinician buckets to compute), $source_time_zone (for session_date),
-- $max_session_us (null, or the lake's maxSessionMinutes: session_events then also cuts sessions
-- that would grow longer, see _session_events_capped.sql).
with numbered as (
    select * from session_events($buckets, $max_session_us)
),

sessions as (
    select
        clinician_id,
        session_number,
        any_value(clinician_bucket) as clinician_bucket,
        any_value(session_threshold_minutes) as session_threshold_minutes,
        min(event_timestamp) as session_start_time,
        max(event_timestamp) as session_end_time,
        count(*) as event_count,
        -- list() has no order of its own: sorting (timestamp, event_id) structs restores event order.
        list_sort(list({'ts': event_timestamp, 'id': event_id, 'type': event_type})) as ordered,
        count(distinct patient_id) as patient_count,
        -- only the event that opens a session has a split_cause; any_value skips nulls.
        any_value(split_cause) as split_cause
    from numbered
    group by clinician_id, session_number
)

select
    sessions.clinician_id::varchar || '_S' || sessions.session_number as session_id,
    sessions.clinician_id,
    dim.clinician_role,
    sessions.session_threshold_minutes,
    sessions.session_start_time,
    sessions.session_end_time,
    sessions.event_count,
    list_transform(sessions.ordered, x -> x.type) as event_types_in_session,
    epoch_us(sessions.session_end_time) // 1000000 - epoch_us(sessions.session_start_time) // 1000000 as session_duration_seconds,
    md5(sessions.clinician_id::varchar || '|' || sessions.ordered[1].id) as session_key,
    sessions.patient_count,
    cast(timezone($source_time_zone, sessions.session_start_time) as date) as session_date,
    sessions.split_cause,
    sessions.clinician_bucket
from sessions
inner join lh_silver.dbo.clinician_dim as dim on dim.clinician_id = sessions.clinician_id
