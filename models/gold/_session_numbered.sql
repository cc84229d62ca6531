-- session_numbered(buckets): a table macro shared by both sessions models, created just before
-- they run (it binds to the silver tables). Every event of the clinicians in `buckets`, with its
-- clinician's role and threshold, the gap to the previous event (µs), split_cause where it opens
-- a session ('first' or 'inactivity'; a gap equal to the threshold continues) and its
-- session_number. Events are ordered by (event_timestamp, event_id).
create or replace temp macro session_numbered(buckets) as table
with events as (
    select
        e.event_id,
        e.clinician_id,
        e.event_timestamp,
        e.event_type,
        e.patient_id,
        e.clinician_bucket,
        dim.clinician_role,
        dim.session_threshold_minutes
    from lh_silver.dbo.emr_events as e
    inner join lh_silver.dbo.clinician_dim as dim on dim.clinician_id = e.clinician_id
    where list_contains(buckets, e.clinician_bucket)
),

gaps as (
    select
        *,
        epoch_us(event_timestamp) - epoch_us(lag(event_timestamp) over by_time) as gap_us
    from events
    window by_time as (partition by clinician_id order by event_timestamp, event_id)
),

starts as (
    select
        *,
        case
            when gap_us is null then 'first'
            when gap_us > session_threshold_minutes * 60000000::bigint then 'inactivity'
        end as split_cause
    from gaps
),

-- Numbering the (few) session starts and joining each event to the latest start at or before it
-- avoids a second window over every event (three times faster at 10M events). Exact: a start is
-- strictly later than the event before it (gap > threshold ≥ 1 minute), and events sharing a
-- start's timestamp sort after it, so the as-of match is the start that opened the event's session.
session_starts as (
    select
        clinician_id,
        event_timestamp as start_time,
        row_number() over (partition by clinician_id order by event_timestamp) as session_number
    from starts
    where split_cause is not null
)

select starts.*, session_starts.session_number
from starts
asof join session_starts
    on session_starts.clinician_id = starts.clinician_id
    and starts.event_timestamp >= session_starts.start_time
