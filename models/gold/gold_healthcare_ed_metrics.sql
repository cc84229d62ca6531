-- gold_healthcare_ed_metrics: ED throughput per day of ED arrival (in the lake's zone) plus one
-- overall row (metric_date NULL): encounters, exact median and p90 of ED-to-admit and boarding
-- minutes, and the share of ED-to-admit times over the 240-minute target.
-- Parameter: $source_time_zone.
with ed as (
    select
        local_date(ed_arrival_dt, $source_time_zone) as metric_date,
        ed_to_admit_minutes,
        ed_boarding_minutes
    from lh_silver.dbo.silver_healthcare_encounters
    where ed_arrival_dt is not null and ed_to_admit_minutes is not null
)

select
    metric_date,
    count(*) as ed_encounters,
    round_double(quantile_cont(ed_to_admit_minutes, 0.5), 1) as median_ed_to_admit_min,
    round_double(quantile_cont(ed_to_admit_minutes, 0.9), 1) as p90_ed_to_admit_min,
    round_double(quantile_cont(ed_boarding_minutes, 0.5), 1) as median_boarding_min,
    round_double(quantile_cont(ed_boarding_minutes, 0.9), 1) as p90_boarding_min,
    round_double(cast(100.0 * count(*) filter (where ed_to_admit_minutes > 240) as double) / nullif(count(*), 0), 2) as pct_over_240
from ed
group by grouping sets ((metric_date), ())
