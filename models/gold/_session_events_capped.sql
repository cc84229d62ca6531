-- session_events(buckets, max_session_us) when the lake sets maxSessionMinutes: the events of
-- session_numbered, and then a session is also cut before the event that would make it longer
-- than max_session_us microseconds (split_cause 'max_duration'). A cut depends on where the
-- previous cut fell, so it is computed recursively, and only over the sessions that are too long.
create or replace temp macro session_events(buckets /* array<bigint> */, max_session_us /* bigint */) as table
with recursive numbered as (
    select * from session_numbered(buckets)
),

positioned as (
    select
        *,
        row_number() over (partition by clinician_id, session_seq order by event_timestamp nulls last, event_id nulls last) as rn
    from numbered
),

spans as (
    select clinician_id, session_seq, epoch_us(max(event_timestamp)) - epoch_us(min(event_timestamp)) as span_us
    from numbered
    group by clinician_id, session_seq
),

-- A macro parameter cannot stand in a grouped query's HAVING, hence the separate filter.
too_long as (
    select clinician_id, session_seq
    from spans
    where span_us > max_session_us
),

long_events as (
    select positioned.clinician_id, positioned.session_seq, positioned.rn, positioned.event_timestamp
    from positioned
    semi join too_long on too_long.clinician_id = positioned.clinician_id and too_long.session_seq = positioned.session_seq
),

cuts as (
    select clinician_id, session_seq, rn, event_timestamp as segment_start, 0 as segment, false as is_cut
    from long_events
    where rn = 1
    union all
    select
        e.clinician_id,
        e.session_seq,
        e.rn,
        case when over_cap then e.event_timestamp else c.segment_start end,
        case when over_cap then c.segment + 1 else c.segment end,
        over_cap
    from cuts as c
    inner join long_events as e on e.clinician_id = c.clinician_id and e.session_seq = c.session_seq and e.rn = c.rn + 1,
        lateral (select epoch_us(e.event_timestamp) - epoch_us(c.segment_start) > max_session_us as over_cap)
),

segmented as (
    select
        positioned.* exclude (split_cause, session_seq),
        case when cuts.is_cut then 'max_duration' else positioned.split_cause end as split_cause,
        -- Over all the clinicians at once, as session_numbered's session_seq is: the sessions model
        -- groups by session_seq alone, so numbering per clinician would merge two clinicians' sessions.
        dense_rank() over (order by positioned.session_seq nulls last, coalesce(cuts.segment, 0) nulls last) as session_seq
    from positioned
    left join cuts
        on cuts.clinician_id = positioned.clinician_id and cuts.session_seq = positioned.session_seq and cuts.rn = positioned.rn
)

select * exclude (rn) from segmented
