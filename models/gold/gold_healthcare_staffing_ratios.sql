-- gold_healthcare_staffing_ratios: patients per RN by unit, shift and day, flagged against the
-- unit's ratio limit from the lake config ($ratio_limits, a JSON object unit → max patients per RN).
select
    unit,
    shift,
    shift_date,
    patient_count,
    rn_count,
    patients_per_rn,
    json_number_at($ratio_limits, unit) as ratio_limit,
    coalesce(
        patients_per_rn > json_number_at($ratio_limits, unit)
        or (rn_count = 0 and patient_count > 0),
        false
    ) as over_limit
from lh_silver.dbo.silver_healthcare_staffing
