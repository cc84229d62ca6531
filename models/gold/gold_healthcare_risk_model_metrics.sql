-- gold_healthcare_risk_model_metrics: how well the LACE score predicts the observed 30-day
-- readmission of eligible index stays. One overall row with the AUC (C-statistic, by the
-- Mann–Whitney rank sum with tied scores at their average rank) and one row per risk tier with
-- its counts and observed rate (calibration).
with stays as (
    select risk_score, risk_tier, observed_readmitted_30d as y
    from lh_gold.dbo.gold_healthcare_readmission_risk
    where index_eligible
),

ranked as (
    select
        y,
        cast(rank() over (order by risk_score nulls last) as double) + cast(count(*) over (partition by risk_score) - 1 as double) / 2
            as average_rank
    from stays
),

auc as (
    select
        (sum(average_rank) filter (where y = 1) - count(*) filter (where y = 1) * (count(*) filter (where y = 1) + 1) / 2.0)
        / nullif(count(*) filter (where y = 1) * count(*) filter (where y = 0), 0) as auc
    from ranked
)

select
    'overall' as scope,
    cast(null as string) as risk_tier,
    count(*) as encounters,
    cast(coalesce(sum(y), 0) as bigint) as readmitted,
    round_double(cast(100.0 * sum(y) as double) / nullif(count(*), 0), 2) as observed_rate_pct,
    round_double(avg(risk_score), 2) as mean_risk_score,
    round_double((select auc from auc), 4) as auc
from stays
union all
select
    'tier',
    risk_tier,
    count(*),
    cast(coalesce(sum(y), 0) as bigint),
    round_double(cast(100.0 * sum(y) as double) / nullif(count(*), 0), 2),
    round_double(avg(risk_score), 2),
    null
from stays
group by risk_tier
