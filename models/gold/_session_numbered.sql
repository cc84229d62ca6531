-- session_numbered(buckets): a table macro shared by both sessions models, created just before
-- they run (it binds to the silver tables). Every event of the clinicians in `buckets` with its
-- clinician's threshold, split_cause where it opens a session ('first' or 'inactivity'; a gap
-- equal to the threshold continues) and its session_number. Events are ordered by
-- (event_timestamp, event_id).
--
-- Why this shape: the two windows share one partitioning and order, as in the hand-written
-- formulation; only the threshold (an integer) rides along, and the clinician's role is joined
-- onto the sessions afterwards (about 20x fewer rows than events), so the sorts carry less.
create or replace temp macro session_numbered(buckets) as table
with events as (
    select
        e.event_id,
        e.clinician_id,
        e.event_timestamp,
        e.event_type,
        e.patient_id,
        e.clinician_bucket,
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
        * exclude (gap_us),
        case
            when gap_us is null then 'first'
            when gap_us > session_threshold_minutes * 60000000::bigint then 'inactivity'
        end as split_cause
    from gaps
)

select
    *,
    count(split_cause) over (
        partition by clinician_id order by event_timestamp, event_id rows unbounded preceding
    ) as session_number
from starts
