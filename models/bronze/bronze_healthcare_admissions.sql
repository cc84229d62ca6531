-- bronze_healthcare_admissions: landed admissions, typed. A row that breaks a rule is quarantined
-- with the first rule it breaks, in the order listed (a CASE chain: a clean row is tested once per
-- rule and builds no message). PHI guard: a value in mrn_hash that is not a 64-hex HMAC, or an
-- ssn_masked that is not XXX-XX-####, is never stored — not even in the quarantine's _raw; nor is
-- a PHI-like value (phi_like) in any other text column: such a row is refused as phi_like_value, and
-- what the quarantine keeps of a refused row has every PHI-like substring withheld.
-- Input: `staged` (text, or typed Parquet columns: the macros accept both). Parameter: $source_time_zone.
with cleaned as (
    select
        _line,
        clean_text(encounter_id) as encounter_id,
        clean_text(lower(mrn_hash)) as mrn_hash,
        clean_text(ssn_masked) as ssn_masked,
        clean_text(admit_dt) as admit_text,
        clean_text(discharge_dt) as discharge_text,
        clean_text(los) as los_text,
        clean_text(drg_code) as drg_text,
        clean_text(payer) as payer,
        clean_text(readmit_flag) as readmit_text,
        clean_text(ed_arrival_dt) as ed_arrival_text,
        clean_text(disposition) as disposition,
        clean_text(age) as age_text,
        clean_text(gender) as gender,
        clean_text(admit_type) as admit_type,
        clean_text(ed_decision_dt) as ed_decision_text,
        clean_text(unit) as unit,
        clean_text(charlson_index) as charlson_text,
        clean_text(ed_visits_prior_6m) as ed_visits_text
    from staged
),

parsed as (
    select
        *,
        parse_timestamp(admit_text, $source_time_zone) as admit_dt,
        parse_timestamp(discharge_text, $source_time_zone) as discharge_dt,
        parse_timestamp(ed_arrival_text, $source_time_zone) as ed_arrival_dt,
        parse_timestamp(ed_decision_text, $source_time_zone) as ed_decision_dt,
        parse_int(los_text) as los,
        case when full_match(drg_text, '[0-9]{1,3}') then lpad(drg_text, 3, '0') end as drg_code,
        parse_boolean(readmit_text) as readmit_flag,
        parse_int(age_text) as age,
        parse_int(charlson_text) as charlson_index,
        parse_int(ed_visits_text) as ed_visits_prior_6m,
        full_match(mrn_hash, '[0-9a-f]{64}') as mrn_ok,
        ssn_masked is null or full_match(ssn_masked, 'XXX-XX-[0-9]{4}') as ssn_ok
    from cleaned
),

checked as (
    select
        *,
        case
            when encounter_id is null then 'missing_required:encounter_id'
            when mrn_hash is null then 'missing_required:mrn_hash'
            when not mrn_ok then 'invalid_mrn_hash'
            when not ssn_ok then 'invalid_ssn_masked'
            when admit_text is null then 'missing_required:admit_dt'
            when admit_dt is null then 'invalid_admit_dt'
            when discharge_text is not null and discharge_dt is null then 'invalid_discharge_dt'
            when ed_arrival_text is not null and ed_arrival_dt is null then 'invalid_ed_arrival_dt'
            when ed_decision_text is not null and ed_decision_dt is null then 'invalid_ed_decision_dt'
            when drg_text is null then 'missing_required:drg_code'
            when drg_code is null then 'invalid_drg_code'
            when payer is null then 'missing_required:payer'
            when los_text is not null and los is null then 'invalid_los'
            when readmit_text is not null and readmit_flag is null then 'invalid_readmit_flag'
            when age_text is not null and (age is null or age not between 0 and 120) then 'invalid_age'
            when charlson_text is not null and (charlson_index is null or charlson_index < 0) then 'invalid_charlson_index'
            when ed_visits_text is not null and (ed_visits_prior_6m is null or ed_visits_prior_6m < 0) then 'invalid_ed_visits_prior_6m'
            when phi_like(concat_ws(' ', encounter_id, payer, disposition, gender, admit_type, unit)) then 'phi_like_value'
        end as _reject_reason
    from parsed
)

select
    _line,
    encounter_id,
    mrn_hash,
    ssn_masked,
    admit_dt,
    discharge_dt,
    los,
    drg_code,
    payer,
    readmit_flag,
    ed_arrival_dt,
    disposition,
    age,
    gender,
    admit_type,
    ed_decision_dt,
    unit,
    charlson_index,
    ed_visits_prior_6m,
    _reject_reason,
    withhold_phi(case _reject_reason
        when 'missing_required:encounter_id' then 'encounter_id is empty'
        when 'missing_required:mrn_hash' then 'mrn_hash is empty'
        when 'invalid_mrn_hash' then 'mrn_hash is not a 64-character HMAC-SHA-256 hex digest (value withheld: it may be a raw MRN)'
        when 'invalid_ssn_masked' then 'ssn_masked is not XXX-XX-#### (value withheld: it may be an unmasked SSN)'
        when 'missing_required:admit_dt' then 'admit_dt is empty'
        when 'invalid_admit_dt' then 'admit_dt "' || admit_text || '" is not a timestamp'
        when 'invalid_discharge_dt' then 'discharge_dt "' || discharge_text || '" is not a timestamp'
        when 'invalid_ed_arrival_dt' then 'ed_arrival_dt "' || ed_arrival_text || '" is not a timestamp'
        when 'invalid_ed_decision_dt' then 'ed_decision_dt "' || ed_decision_text || '" is not a timestamp'
        when 'missing_required:drg_code' then 'drg_code is empty'
        when 'invalid_drg_code' then 'drg_code "' || drg_text || '" is not a 1–3 digit MS-DRG'
        when 'missing_required:payer' then 'payer is empty'
        when 'invalid_los' then 'los "' || los_text || '" is not an integer'
        when 'invalid_readmit_flag' then 'readmit_flag "' || readmit_text || '" is not a boolean'
        when 'invalid_age' then 'age "' || age_text || '" is not an integer from 0 to 120'
        when 'invalid_charlson_index' then 'charlson_index "' || charlson_text || '" is not a non-negative integer'
        when 'invalid_ed_visits_prior_6m' then 'ed_visits_prior_6m "' || ed_visits_text || '" is not a non-negative integer'
        when 'phi_like_value' then concat_ws(', ', case when phi_like(encounter_id) then 'encounter_id' end, case when phi_like(payer) then 'payer' end, case when phi_like(disposition) then 'disposition' end, case when phi_like(gender) then 'gender' end, case when phi_like(admit_type) then 'admit_type' end, case when phi_like(unit) then 'unit' end) || ' looks like an unmasked SSN or a raw MRN (value withheld); mask or pseudonymise it before landing'
    end) as _reject_detail,
    withhold_phi(cast(to_json({
        'encounter_id': encounter_id,
        'mrn_hash': case when mrn_ok then mrn_hash else '<withheld>' end,
        'ssn_masked': case when ssn_ok then ssn_masked else '<withheld>' end,
        'admit_dt': admit_text, 'discharge_dt': discharge_text, 'los': los_text, 'drg_code': drg_text, 'payer': payer,
        'readmit_flag': readmit_text, 'ed_arrival_dt': ed_arrival_text, 'disposition': disposition, 'age': age_text,
        'gender': gender, 'admit_type': admit_type, 'ed_decision_dt': ed_decision_text, 'unit': unit,
        'charlson_index': charlson_text, 'ed_visits_prior_6m': ed_visits_text
    }) as string)) as _raw
from checked
