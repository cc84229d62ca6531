-- clinician_emr_sessions, Spark SQL: the same sessions as clinician_emr_sessions.sql (the DuckDB
-- version, tuned around DuckDB's table macros and list functions), side by side because the two
-- engines need different SQL here; test/engine/spark/sessions-contract.test.ts proves they agree
-- row for row. Events are ordered by (event_timestamp, event_id); an event opens a session when
-- it is the clinician's first or follows the previous one by strictly more than the clinician's
-- threshold (equal continues). Gaps compare in microseconds. Sessions longer than
-- maxSessionMinutes are not cut here (that needs a recursive CTE, which Spark 4.0 cannot run).
-- Inputs (temporary views at the snapshot versions read): emr_events, clinician_dim.
-- Parameters: :buckets (array of clinician buckets), :source_time_zone (for session_date).
-- Spark traps handled (docs/spark-dialect.md): arrays are 0-based, any_value keeps nulls (max
-- is used), the session time zone is pinned to UTC by the engine, and every type is cast to
-- the Delta schema the DuckDB version writes.
with events as (
    select
        e.event_id,
        e.clinician_id,
        e.event_timestamp,
        e.event_type,
        e.patient_id,
        e.clinician_bucket,
        dim.session_threshold_minutes
    from emr_events as e
    inner join clinician_dim as dim on dim.clinician_id = e.clinician_id
    where array_contains(:buckets, e.clinician_bucket)
),

gaps as (
    select
        *,
        unix_micros(event_timestamp) - unix_micros(lag(event_timestamp) over by_time) as gap_us
    from events
    window by_time as (partition by clinician_id order by event_timestamp nulls last, event_id nulls last)
),

starts as (
    select
        *,
        case
            when gap_us is null then 'first'
            when gap_us > cast(session_threshold_minutes as bigint) * 60000000 then 'inactivity'
        end as split_cause
    from gaps
),

numbered as (
    select
        *,
        count(split_cause) over (
            partition by clinician_id order by event_timestamp nulls last, event_id nulls last
            rows between unbounded preceding and current row
        ) as session_number
    from starts
),

sessions as (
    select
        clinician_id,
        session_number,
        max(clinician_bucket) as clinician_bucket,
        max(session_threshold_minutes) as session_threshold_minutes,
        min(event_timestamp) as session_start_time,
        max(event_timestamp) as session_end_time,
        count(*) as event_count,
        array_sort(collect_list(named_struct('ts', event_timestamp, 'id', event_id, 'type', event_type))) as ordered,
        count(distinct patient_id) as patient_count,
        max(split_cause) as split_cause
    from numbered
    group by clinician_id, session_number
)

select
    concat(cast(sessions.clinician_id as string), '_S', cast(sessions.session_number as string)) as session_id,
    cast(sessions.clinician_id as bigint) as clinician_id,
    dim.clinician_role,
    cast(sessions.session_threshold_minutes as int) as session_threshold_minutes,
    sessions.session_start_time,
    sessions.session_end_time,
    cast(sessions.event_count as bigint) as event_count,
    transform(sessions.ordered, x -> x.type) as event_types_in_session,
    cast(div(unix_micros(sessions.session_end_time), 1000000) - div(unix_micros(sessions.session_start_time), 1000000) as bigint)
        as session_duration_seconds,
    md5(concat(cast(sessions.clinician_id as string), '|', sessions.ordered[0].id)) as session_key,
    cast(sessions.patient_count as bigint) as patient_count,
    cast(from_utc_timestamp(sessions.session_start_time, :source_time_zone) as date) as session_date,
    sessions.split_cause,
    cast(sessions.clinician_bucket as int) as clinician_bucket
from sessions
inner join clinician_dim as dim on dim.clinician_id = sessions.clinician_id
