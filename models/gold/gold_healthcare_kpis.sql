-- gold_healthcare_kpis: KPIs per MS-DRG. readmit_rate_pct = 100 × readmitted eligible index stays
-- ÷ eligible index stays; case_mix_index = mean relative weight over discharges (NULL when the
-- DRG has no weight in ref_ms_drg_weights: counted in unknown_drg_encounters, never weighted 1.0).
with stays as (
    select encounters.*, weights.relative_weight, weights.drg_title
    from lh_silver.dbo.silver_healthcare_encounters as encounters
    left join lh_silver.dbo.ref_ms_drg_weights as weights on weights.drg_code = encounters.drg_code
)

select
    drg_code,
    max(drg_title) as drg_title,
    count(*) as encounters,
    count(distinct mrn_hash) as unique_patients,
    round_double(avg(los_calc), 2) as avg_los,
    count(*) filter (where index_eligible) as eligible_index_stays,
    cast(coalesce(sum(readmitted_within_30d) filter (where index_eligible), 0) as bigint) as readmitted_index_stays,
    round_double(
        cast(100.0 * sum(readmitted_within_30d) filter (where index_eligible) as double)
        / nullif(count(*) filter (where index_eligible), 0),
        2
    )
        as readmit_rate_pct,
    round_double(cast(avg(relative_weight) filter (where discharge_dt is not null) as double), 4) as case_mix_index,
    count(*) filter (where relative_weight is null) as unknown_drg_encounters,
    round_double(avg(_dq_score), 1) as avg_quality
from stays
group by drg_code
