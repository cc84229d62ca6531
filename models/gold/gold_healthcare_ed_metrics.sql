-- gold_healthcare_ed_metrics: ED throughput per day of ED arrival (in the lake's zone) plus one
-- overall row (metric_date NULL): encounters, exact median and p90 of ED-to-admit and boarding
-- minutes, and the share of ED-to-admit times over the 240-minute target.
-- The overall row exists on every engine even with no ED encounter: every encounter is counted
-- once under its day and once under NULL, and an empty anchor row keeps the NULL group (DuckDB's
-- grouping set () gives that row on an empty input, Spark's gives none). Aggregates skip the
-- anchor's NULLs.
-- Parameter: $source_time_zone.
with ed as (
    select
        local_date(ed_arrival_dt, $source_time_zone) as metric_date,
        ed_to_admit_minutes,
        ed_boarding_minutes
    from lh_silver.dbo.silver_healthcare_encounters
    where ed_arrival_dt is not null and ed_to_admit_minutes is not null
),

scoped as (
    select metric_date, ed_to_admit_minutes, ed_boarding_minutes from ed
    union all
    select cast(null as date), ed_to_admit_minutes, ed_boarding_minutes from ed
    union all
    select cast(null as date), cast(null as double), cast(null as double)
)

select
    metric_date,
    count(ed_to_admit_minutes) as ed_encounters,
    round_double(quantile_cont(ed_to_admit_minutes, 0.5), 1) as median_ed_to_admit_min,
    round_double(quantile_cont(ed_to_admit_minutes, 0.9), 1) as p90_ed_to_admit_min,
    round_double(quantile_cont(ed_boarding_minutes, 0.5), 1) as median_boarding_min,
    round_double(quantile_cont(ed_boarding_minutes, 0.9), 1) as p90_boarding_min,
    round_double(
        cast(100.0 * count(*) filter (where ed_to_admit_minutes > 240) as double) / nullif(count(ed_to_admit_minutes), 0), 2
    ) as pct_over_240
from scoped
group by metric_date
