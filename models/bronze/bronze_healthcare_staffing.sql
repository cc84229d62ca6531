-- bronze_healthcare_staffing: landed nurse staffing per unit and shift, typed; a row that breaks a
-- rule is quarantined with the first problem found. Input: `staged`.
with cleaned as (
    select
        _line,
        nullif(trim(staffing_id), '') as staffing_id,
        nullif(trim(unit), '') as unit,
        nullif(trim(shift), '') as shift,
        nullif(trim(shift_date), '') as shift_date_text,
        nullif(trim(patient_count), '') as patients_text,
        nullif(trim(rn_count), '') as rns_text,
        nullif(trim(acuity_score), '') as acuity_text,
        nullif(trim(ratio), '') as ratio_text,
        to_json(staged) as _raw
    from staged
),

parsed as (
    select
        *,
        try_cast(left(shift_date_text, 10) as date) as shift_date,
        try_cast(patients_text as integer) as patient_count,
        try_cast(rns_text as integer) as rn_count,
        try_cast(acuity_text as double) as acuity_score,
        try_cast(ratio_text as double) as ratio
    from cleaned
),

checked as (
    select
        *,
        first_problem([
            case when staffing_id is null then ['missing_required:staffing_id', 'staffing_id is empty'] end,
            case when unit is null then ['missing_required:unit', 'unit is empty'] end,
            case when shift is null then ['missing_required:shift', 'shift is empty'] end,
            case when shift_date_text is null then ['missing_required:shift_date', 'shift_date is empty'] end,
            case when shift_date is null then ['invalid_shift_date', 'shift_date "' || shift_date_text || '" is not a date'] end,
            case when patients_text is null then ['missing_required:patient_count', 'patient_count is empty'] end,
            case when patient_count is null or patient_count < 0 then ['invalid_patient_count', 'patient_count "' || patients_text || '" is not a non-negative integer'] end,
            case when rns_text is null then ['missing_required:rn_count', 'rn_count is empty'] end,
            case when rn_count is null or rn_count < 0 then ['invalid_rn_count', 'rn_count "' || rns_text || '" is not a non-negative integer'] end,
            case when acuity_text is not null and acuity_score is null then ['invalid_acuity_score', 'acuity_score "' || acuity_text || '" is not a number'] end,
            case when ratio_text is not null and ratio is null then ['invalid_ratio', 'ratio "' || ratio_text || '" is not a number'] end
        ]) as problem
    from parsed
)

select
    _line,
    staffing_id,
    unit,
    shift,
    shift_date,
    patient_count,
    rn_count,
    acuity_score,
    ratio,
    problem[1] as _reject_reason,
    problem[2] as _reject_detail,
    _raw
from checked
