-- silver_healthcare_staffing: one row per unit, shift and day record (the latest delivery of a
-- staffing_id wins; earlier ones go to quarantine as superseded), with patients per RN recomputed from the counts.
-- Inputs: lh_bronze.dbo.bronze_healthcare_staffing and `superseded` (its earlier deliveries of a
-- repeated staffing_id, ranked by the runner).
with latest as (
    select bronze.*
    from lh_bronze.dbo.bronze_healthcare_staffing as bronze
    anti join superseded
        on superseded._bronze_row = bronze._bronze_row
        and superseded._bronze_source_file = bronze._bronze_source_file
        and superseded._bronze_ingested_at = bronze._bronze_ingested_at
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
    case when rn_count > 0 then round_double(patient_count / rn_count, 2) end as patients_per_rn,
    _bronze_source_file
from latest
