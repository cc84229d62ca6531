-- bronze_healthcare_claims: landed claims, typed; a row that breaks a rule is quarantined with
-- the first problem found. Amounts are DECIMAL(12,2). Input: `staged`.
with cleaned as (
    select
        _line,
        nullif(trim(claim_id), '') as claim_id,
        nullif(trim(encounter_id), '') as encounter_id,
        nullif(trim(payer), '') as payer,
        nullif(trim(cpt_code), '') as cpt_code,
        nullif(trim(icd10_code), '') as icd10_code,
        nullif(trim(billed_amt), '') as billed_text,
        nullif(trim(allowed_amt), '') as allowed_text,
        nullif(trim(paid_amt), '') as paid_text,
        nullif(upper(trim(denial_reason_code)), '') as denial_reason_code,
        nullif(trim(service_dt), '') as service_text,
        to_json(staged) as _raw
    from staged
),

parsed as (
    select
        *,
        try_cast(billed_text as decimal(12, 2)) as billed_amt,
        try_cast(allowed_text as decimal(12, 2)) as allowed_amt,
        try_cast(paid_text as decimal(12, 2)) as paid_amt,
        try_cast(left(service_text, 10) as date) as service_dt
    from cleaned
),

checked as (
    select
        *,
        first_problem([
            case when claim_id is null then ['missing_required:claim_id', 'claim_id is empty'] end,
            case when encounter_id is null then ['missing_required:encounter_id', 'encounter_id is empty'] end,
            case when payer is null then ['missing_required:payer', 'payer is empty'] end,
            case when cpt_code is null then ['missing_required:cpt_code', 'cpt_code is empty'] end,
            case when billed_text is null then ['missing_required:billed_amt', 'billed_amt is empty'] end,
            case when billed_amt is null or billed_amt < 0 then ['invalid_billed_amt', 'billed_amt "' || billed_text || '" is not a non-negative amount'] end,
            case when allowed_text is not null and (allowed_amt is null or allowed_amt < 0) then ['invalid_allowed_amt', 'allowed_amt "' || allowed_text || '" is not a non-negative amount'] end,
            case when paid_text is not null and (paid_amt is null or paid_amt < 0) then ['invalid_paid_amt', 'paid_amt "' || paid_text || '" is not a non-negative amount'] end,
            case when service_text is null then ['missing_required:service_dt', 'service_dt is empty'] end,
            case when service_dt is null then ['invalid_service_dt', 'service_dt "' || service_text || '" is not a date'] end
        ]) as problem
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
    problem[1] as _reject_reason,
    problem[2] as _reject_detail,
    _raw
from checked
