-- gold_healthcare_kpis_by_payer: the same KPIs per payer; case_mix_index is the mean relative
-- weight over the payer's discharges whose DRG has a weight.
with stays as (
    select encounters.*, weights.relative_weight
    from lh_silver.dbo.silver_healthcare_encounters as encounters
    left join lh_silver.dbo.ref_ms_drg_weights as weights on weights.drg_code = encounters.drg_code
)

select
    payer,
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
group by payer
