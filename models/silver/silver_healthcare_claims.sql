-- silver_healthcare_claims: one row per claim (the latest delivery wins; earlier ones go to
-- quarantine as superseded), standardised and joined
-- to its encounter's payer. A claim whose encounter is unknown is refused (unknown_encounter).
-- CO-45 (charges exceed the fee schedule) is a contractual adjustment, not a denial.
-- Inputs: lh_bronze.dbo.bronze_healthcare_claims, `superseded` (its earlier deliveries of a repeated
-- claim_id, ranked by the runner), lh_silver.dbo.silver_healthcare_encounters.
with latest as (
    select bronze.*
    from lh_bronze.dbo.bronze_healthcare_claims as bronze
    anti join superseded
        on superseded._bronze_row = bronze._bronze_row
        and superseded._bronze_source_file = bronze._bronze_source_file
        and superseded._bronze_ingested_at = bronze._bronze_ingested_at
)

select
    claims.claim_id,
    claims.encounter_id,
    claims.payer,
    encounters.payer as encounter_payer,
    claims.cpt_code,
    claims.icd10_code,
    claims.billed_amt,
    claims.allowed_amt,
    claims.paid_amt,
    claims.denial_reason_code,
    claims.denial_reason_code is not null and claims.denial_reason_code <> 'CO-45' as is_denied,
    claims.service_dt,
    claims.service_dt between encounters.admit_date and coalesce(encounters.discharge_date, claims.service_dt) as service_within_stay,
    claims._bronze_source_file,
    case when encounters.encounter_id is null then 'unknown_encounter' end as _reject_reason,
    case
        when encounters.encounter_id is null then 'encounter_id "' || claims.encounter_id || '" is not in silver_healthcare_encounters'
    end as _reject_detail,
    -- The delivered row as JSON, spelled out so that both engines write it alike (timestamp_text,
    -- json_amount: see their macros).
    to_json({
        'claim_id': claims.claim_id, 'encounter_id': claims.encounter_id, 'payer': claims.payer,
        'cpt_code': claims.cpt_code, 'icd10_code': claims.icd10_code, 'billed_amt': json_amount(claims.billed_amt),
        'allowed_amt': json_amount(claims.allowed_amt), 'paid_amt': json_amount(claims.paid_amt),
        'denial_reason_code': claims.denial_reason_code, 'service_dt': claims.service_dt,
        '_bronze_ingested_at': timestamp_text(claims._bronze_ingested_at), '_bronze_source_file': claims._bronze_source_file,
        '_bronze_batch_id': claims._bronze_batch_id, '_bronze_row': claims._bronze_row, '_bronze_load_date': claims._bronze_load_date
    }) as _raw
from latest as claims
left join lh_silver.dbo.silver_healthcare_encounters as encounters on encounters.encounter_id = claims.encounter_id
