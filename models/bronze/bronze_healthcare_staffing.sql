-- bronze_healthcare_staffing: landed nurse staffing per unit and shift, typed; a row that breaks a
-- rule is quarantined with the first rule it breaks, in the order listed (a CASE chain: a clean
-- row is tested once per rule and builds no message). PHI guard: a PHI-like value (phi_like) in a
-- text column is refused as phi_like_value; what the quarantine keeps is withheld where PHI-like.
-- Input: `staged` (text or typed Parquet).
with cleaned as (
    select
        _line,
        clean_text(staffing_id) as staffing_id,
        clean_text(unit) as unit,
        clean_text(shift) as shift,
        clean_text(shift_date) as shift_date_text,
        clean_text(patient_count) as patients_text,
        clean_text(rn_count) as rns_text,
        clean_text(acuity_score) as acuity_text,
        clean_text(ratio) as ratio_text,
        to_json(staged) as _raw
    from staged
),

parsed as (
    select
        *,
        parse_date(shift_date_text) as shift_date,
        parse_int(patients_text) as patient_count,
        parse_int(rns_text) as rn_count,
        parse_double(acuity_text) as acuity_score,
        parse_double(ratio_text) as ratio
    from cleaned
),

checked as (
    select
        *,
        case
            when staffing_id is null then 'missing_required:staffing_id'
            when unit is null then 'missing_required:unit'
            when shift is null then 'missing_required:shift'
            when shift_date_text is null then 'missing_required:shift_date'
            when shift_date is null then 'invalid_shift_date'
            when patients_text is null then 'missing_required:patient_count'
            when patient_count is null or patient_count < 0 then 'invalid_patient_count'
            when rns_text is null then 'missing_required:rn_count'
            when rn_count is null or rn_count < 0 then 'invalid_rn_count'
            when acuity_text is not null and acuity_score is null then 'invalid_acuity_score'
            when ratio_text is not null and ratio is null then 'invalid_ratio'
            when phi_like(concat_ws(' ', staffing_id, unit, shift)) then 'phi_like_value'
        end as _reject_reason
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
    _reject_reason,
    withhold_phi(case _reject_reason
        when 'missing_required:staffing_id' then 'staffing_id is empty'
        when 'missing_required:unit' then 'unit is empty'
        when 'missing_required:shift' then 'shift is empty'
        when 'missing_required:shift_date' then 'shift_date is empty'
        when 'invalid_shift_date' then 'shift_date "' || shift_date_text || '" is not a date'
        when 'missing_required:patient_count' then 'patient_count is empty'
        when 'invalid_patient_count' then 'patient_count "' || patients_text || '" is not a non-negative integer'
        when 'missing_required:rn_count' then 'rn_count is empty'
        when 'invalid_rn_count' then 'rn_count "' || rns_text || '" is not a non-negative integer'
        when 'invalid_acuity_score' then 'acuity_score "' || acuity_text || '" is not a number'
        when 'invalid_ratio' then 'ratio "' || ratio_text || '" is not a number'
        when 'phi_like_value' then concat_ws(', ', case when phi_like(staffing_id) then 'staffing_id' end, case when phi_like(unit) then 'unit' end, case when phi_like(shift) then 'shift' end) || ' looks like an unmasked SSN or a raw MRN (value withheld); mask or pseudonymise it before landing'
    end) as _reject_detail,
    withhold_phi(cast(_raw as string)) as _raw
from checked
