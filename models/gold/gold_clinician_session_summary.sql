-- gold_clinician_session_summary: per clinician role and session day — sessions, clinicians,
-- mean / median / p90 session duration (exact percentiles, minutes) and events per session.
with sessions as (
    select clinician_role, session_date, clinician_id, cast(session_duration_seconds as double) / 60 as minutes, event_count
    from lh_gold.dbo.clinician_emr_sessions
)

select
    clinician_role,
    session_date,
    count(*) as sessions,
    count(distinct clinician_id) as clinicians,
    round_double(avg(minutes), 2) as mean_duration_min,
    round_double(quantile_cont(minutes, 0.5), 2) as median_duration_min,
    round_double(quantile_cont(minutes, 0.9), 2) as p90_duration_min,
    round_double(avg(event_count), 2) as events_per_session
from sessions
group by clinician_role, session_date
