-- silver_healthcare_staffing: one row per unit, shift and day record (the latest delivery of a
-- staffing_id wins; earlier ones go to quarantine as superseded), with patients per RN recomputed from the counts.
-- Input: lh_bronze.dbo.bronze_healthcare_staffing.
with ranked as (
    select
        *,
        row_number() over (
            partition by staffing_id
            order by _bronze_ingested_at desc, _bronze_source_file desc, _bronze_row desc
        ) as recency
    from lh_bronze.dbo.bronze_healthcare_staffing
)

select
    staffing_id,
    unit,
    shift,
    shift_date,
    patient_count,
    rn_count,
    acuity_score,
    ratio as ratio_reported,
    case when rn_count > 0 then round(patient_count / rn_count, 2) end as patients_per_rn,
    _bronze_source_file
from ranked
where recency = 1
