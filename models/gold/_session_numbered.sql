-- session_numbered(buckets): a table macro shared by both sessions models, created just before
-- they run (it binds to the silver tables). Every event of the clinicians in `buckets` with its
-- clinician's threshold, split_cause where it opens a session ('first' or 'inactivity'; a gap
-- equal to the threshold continues) and session_seq, the session's ordinal over all the
-- clinicians in `buckets`. Events are ordered by (event_timestamp, event_id).
--
-- Why this shape: only the threshold (an integer) rides along, and the clinician's role is joined
-- onto the sessions afterwards (about 20x fewer rows than events), so the sorts carry less. The
-- second window orders by (clinician_id, event_seq), two integers, over all rows at once: a running
-- count partitioned by clinician and ordered by (timestamp, event_id) again cost about 1.5x as
-- much (profiled at 1M events). Because every clinician's first event opens a session, session_seq
-- is consecutive within a clinician and never shared between two; the sessions model turns it into
-- the clinician's own session number on the sessions, not the events.
create or replace temp macro session_numbered(buckets /* array<bigint> */) as table
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
    where array_contains(buckets, e.clinician_bucket)
),

gaps as (
    select
        *,
        epoch_us(event_timestamp) - epoch_us(lag(event_timestamp) over by_time) as gap_us,
        row_number() over by_time as event_seq
    from events
    window by_time as (partition by clinician_id order by event_timestamp nulls last, event_id nulls last)
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
    * exclude (event_seq),
    count(split_cause) over (order by clinician_id nulls last, event_seq nulls last rows unbounded preceding) as session_seq
from starts
