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

sessions as materialized (
    select
        session_seq,
        -- constant per session; max, not any_value, everywhere (Spark's any_value keeps NULLs).
        max(clinician_id) as clinician_id,
        max(clinician_bucket) as clinician_bucket,
        max(session_threshold_minutes) as session_threshold_minutes,
        min(event_timestamp) as session_start_time,
        max(event_timestamp) as session_end_time,
        count(*) as event_count,
        -- list() has no order of its own: sorting (timestamp, event_id) structs restores event order.
        list_sort(list({'ts': event_timestamp, 'id': event_id, 'type': event_type})) as ordered,
        count(distinct patient_id) as patient_count,
        -- only the event that opens a session has a split_cause (max skips nulls on both engines;
        -- Spark's any_value does not).
        max(split_cause) as split_cause
    from numbered
    group by session_seq
),

firsts as (
    select clinician_id, session_seq as first_seq
    from sessions
    where split_cause = 'first'
),

numbered_sessions as (
    select
        sessions.*,
        -- session_seq counts sessions over the clinicians computed together; each clinician's own
        -- count starts at 1.
        sessions.session_seq - firsts.first_seq + 1 as session_number
    from sessions
    inner join firsts using (clinician_id)
)

select
    cast(numbered_sessions.clinician_id as string) || '_S' || cast(numbered_sessions.session_number as string) as session_id,
    numbered_sessions.clinician_id,
    dim.clinician_role,
    numbered_sessions.session_threshold_minutes,
    numbered_sessions.session_start_time,
    numbered_sessions.session_end_time,
    numbered_sessions.event_count,
    list_transform(numbered_sessions.ordered, x -> x.type) as event_types_in_session,
    epoch_us(numbered_sessions.session_end_time) // 1000000 - epoch_us(numbered_sessions.session_start_time) // 1000000 as session_duration_seconds,
    md5(cast(numbered_sessions.clinician_id as string) || '|' || list_extract(numbered_sessions.ordered, 1).id) as session_key,
    numbered_sessions.patient_count,
    local_date(numbered_sessions.session_start_time, $source_time_zone) as session_date,
    numbered_sessions.split_cause,
    numbered_sessions.clinician_bucket
from numbered_sessions
inner join lh_silver.dbo.clinician_dim as dim on dim.clinician_id = numbered_sessions.clinician_id
