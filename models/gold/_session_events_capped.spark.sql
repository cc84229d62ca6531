-- session_events(buckets, max_session_us) when the lake sets maxSessionMinutes, Spark SQL: the
-- same rows as _session_events_capped.sql (the DuckDB version), side by side because that one
-- needs WITH RECURSIVE, which Spark 4.0 parses but cannot run (docs/spark-dialect.md §0). The
-- events of session_numbered, and then a session is also cut before the event that would make it
-- longer than max_session_us microseconds (split_cause 'max_duration'); a cut depends on where the
-- previous cut fell. Here each too-long session's events, sorted by (event_timestamp, event_id),
-- are folded once with aggregate(), carrying the current segment's start: an event more than
-- max_session_us after it opens the next segment. Only the sessions that are too long are folded.
-- session_seq is renumbered over all the clinicians at once (dense_rank by session and segment),
-- exactly as the DuckDB version does. test/engine/spark/models-contract.test.ts proves they agree.
-- Needs session_numbered (models/gold/_session_numbered.sql through toSparkSql) defined first.
CREATE OR REPLACE TEMPORARY FUNCTION session_events(buckets ARRAY<BIGINT>, max_session_us BIGINT)
RETURNS TABLE
RETURN
with numbered as (
    select * from session_numbered(buckets)
),

spans as (
    select session_seq, unix_micros(max(event_timestamp)) - unix_micros(min(event_timestamp)) as span_us
    from numbered
    group by session_seq
),

long_sessions as (
    select
        numbered.session_seq,
        array_sort(collect_list(named_struct('ts', event_timestamp, 'id', event_id))) as ordered
    from numbered
    left semi join spans on spans.session_seq = numbered.session_seq and spans.span_us > max_session_us
    group by numbered.session_seq
),

folded as (
    select
        session_seq,
        aggregate(
            ordered,
            named_struct(
                'start_us', unix_micros(element_at(ordered, 1).ts),
                'segment', 0,
                'events', cast(array() as array<struct<id: string, segment: int, is_cut: boolean>>)
            ),
            (acc, e) -> case
                when unix_micros(e.ts) - acc.start_us > max_session_us then named_struct(
                    'start_us', unix_micros(e.ts),
                    'segment', acc.segment + 1,
                    'events', array_append(acc.events, named_struct('id', e.id, 'segment', acc.segment + 1, 'is_cut', true))
                )
                else named_struct(
                    'start_us', acc.start_us,
                    'segment', acc.segment,
                    'events', array_append(acc.events, named_struct('id', e.id, 'segment', acc.segment, 'is_cut', false))
                )
            end
        ).events as events
    from long_sessions
),

cuts as (
    select folded.session_seq, cut.id as event_id, cut.segment, cut.is_cut
    from folded
    lateral view inline(folded.events) cut as id, segment, is_cut
)

select
    numbered.event_id,
    numbered.clinician_id,
    numbered.event_timestamp,
    numbered.event_type,
    numbered.patient_id,
    numbered.clinician_bucket,
    numbered.session_threshold_minutes,
    case when cuts.is_cut then 'max_duration' else numbered.split_cause end as split_cause,
    cast(
        dense_rank() over (order by numbered.session_seq nulls last, coalesce(cuts.segment, 0) nulls last) as bigint
    ) as session_seq
from numbered
left join cuts on cuts.session_seq = numbered.session_seq and cuts.event_id = numbered.event_id
