-- bronze_healthcare_claims: landed claims, typed; a row that breaks a rule is quarantined with
-- the first rule it breaks, in the order listed (a CASE chain: a clean row is tested once per rule
-- and builds no message). Amounts are DECIMAL(12,2). PHI guard: a PHI-like value (phi_like) in a
-- text column is refused as phi_like_value, and every PHI-like substring of what the quarantine
-- keeps (_reject_detail, _raw) is withheld. Input: `staged` (text or typed Parquet).
with cleaned as (
    select
        _line,
        clean_text(claim_id) as claim_id,
        clean_text(encounter_id) as encounter_id,
        clean_text(payer) as payer,
        clean_text(cpt_code) as cpt_code,
        clean_text(icd10_code) as icd10_code,
        clean_text(billed_amt) as billed_text,
        clean_text(allowed_amt) as allowed_text,
        clean_text(paid_amt) as paid_text,
        clean_text(upper(denial_reason_code)) as denial_reason_code,
        clean_text(service_dt) as service_text,
        to_json(staged) as _raw
    from staged
),

parsed as (
    select
        *,
        parse_amount(billed_text) as billed_amt,
        parse_amount(allowed_text) as allowed_amt,
        parse_amount(paid_text) as paid_amt,
        parse_date(service_text) as service_dt
    from cleaned
),

checked as (
    select
        *,
        case
            when claim_id is null then 'missing_required:claim_id'
            when encounter_id is null then 'missing_required:encounter_id'
            when payer is null then 'missing_required:payer'
            when cpt_code is null then 'missing_required:cpt_code'
            when billed_text is null then 'missing_required:billed_amt'
            when billed_amt is null or billed_amt < 0 then 'invalid_billed_amt'
            when allowed_text is not null and (allowed_amt is null or allowed_amt < 0) then 'invalid_allowed_amt'
            when paid_text is not null and (paid_amt is null or paid_amt < 0) then 'invalid_paid_amt'
            when service_text is null then 'missing_required:service_dt'
            when service_dt is null then 'invalid_service_dt'
            when phi_like(concat_ws(' ', claim_id, encounter_id, payer, cpt_code, icd10_code, denial_reason_code)) then 'phi_like_value'
        end as _reject_reason
    from parsed
)

select
    _line,
    claim_id,
    encounter_id,
    payer,
    cpt_code,
    icd10_code,
    billed_amt,
    allowed_amt,
    paid_amt,
    denial_reason_code,
    service_dt,
    _reject_reason,
    withhold_phi(case _reject_reason
        when 'missing_required:claim_id' then 'claim_id is empty'
        when 'missing_required:encounter_id' then 'encounter_id is empty'
        when 'missing_required:payer' then 'payer is empty'
        when 'missing_required:cpt_code' then 'cpt_code is empty'
        when 'missing_required:billed_amt' then 'billed_amt is empty'
        when 'invalid_billed_amt' then 'billed_amt "' || billed_text || '" is not a non-negative amount'
        when 'invalid_allowed_amt' then 'allowed_amt "' || allowed_text || '" is not a non-negative amount'
        when 'invalid_paid_amt' then 'paid_amt "' || paid_text || '" is not a non-negative amount'
        when 'missing_required:service_dt' then 'service_dt is empty'
        when 'invalid_service_dt' then 'service_dt "' || service_text || '" is not a date'
        when 'phi_like_value' then concat_ws(', ', case when phi_like(claim_id) then 'claim_id' end, case when phi_like(encounter_id) then 'encounter_id' end, case when phi_like(payer) then 'payer' end, case when phi_like(cpt_code) then 'cpt_code' end, case when phi_like(icd10_code) then 'icd10_code' end, case when phi_like(denial_reason_code) then 'denial_reason_code' end) || ' looks like an unmasked SSN or a raw MRN (value withheld); mask or pseudonymise it before landing'
    end) as _reject_detail,
    withhold_phi(cast(_raw as string)) as _raw
from checked
