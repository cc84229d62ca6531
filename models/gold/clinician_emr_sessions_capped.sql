-- clinician_emr_sessions (variant used when the lake sets maxSessionMinutes): as
-- clinician_emr_sessions.sql, and then a session is also cut before the event that would make it
-- longer than $max_session_us microseconds (split_cause 'max_duration'). The cut depends on where
-- the previous cut fell, so it is computed recursively, only over the sessions that are too long.
with recursive numbered as (
    select * from session_numbered($buckets)
),

positioned as (
    select
        *,
        row_number() over (partition by clinician_id, session_number order by event_timestamp, event_id) as rn
    from numbered
),

too_long as (
    select clinician_id, session_number
    from numbered
    group by clinician_id, session_number
    having epoch_us(max(event_timestamp)) - epoch_us(min(event_timestamp)) > $max_session_us
),

long_events as (
    select positioned.clinician_id, positioned.session_number, positioned.rn, positioned.event_timestamp
    from positioned
    semi join too_long on too_long.clinician_id = positioned.clinician_id and too_long.session_number = positioned.session_number
),

cuts as (
    select clinician_id, session_number, rn, event_timestamp as segment_start, 0 as segment, false as is_cut
    from long_events
    where rn = 1
    union all
    select
        e.clinician_id,
        e.session_number,
        e.rn,
        case when over_cap then e.event_timestamp else c.segment_start end,
        case when over_cap then c.segment + 1 else c.segment end,
        over_cap
    from cuts as c
    inner join long_events as e on e.clinician_id = c.clinician_id and e.session_number = c.session_number and e.rn = c.rn + 1,
        lateral (select epoch_us(e.event_timestamp) - epoch_us(c.segment_start) > $max_session_us as over_cap)
),

segmented as (
    select
        positioned.* exclude (split_cause, session_number),
        case when cuts.is_cut then 'max_duration' else positioned.split_cause end as split_cause,
        dense_rank() over (
            partition by positioned.clinician_id order by positioned.session_number, coalesce(cuts.segment, 0)
        ) as session_number
    from positioned
    left join cuts
        on cuts.clinician_id = positioned.clinician_id and cuts.session_number = positioned.session_number and cuts.rn = positioned.rn
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
        list_sort(list({'ts': event_timestamp, 'id': event_id, 'type': event_type})) as ordered,
        count(distinct patient_id) as patient_count,
        max(split_cause) as split_cause
    from segmented
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
