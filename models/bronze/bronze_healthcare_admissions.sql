-- bronze_healthcare_admissions: landed admissions, typed. A row that breaks a rule is quarantined
-- with the first problem found. PHI guard: a value in mrn_hash that is not a 64-hex HMAC, or an
-- ssn_masked that is not XXX-XX-####, is never stored — not even in the quarantine's _raw.
-- Input: `staged`. Parameter: $source_time_zone.
with cleaned as (
    select
        _line,
        nullif(trim(encounter_id), '') as encounter_id,
        nullif(trim(lower(mrn_hash)), '') as mrn_hash,
        nullif(trim(ssn_masked), '') as ssn_masked,
        nullif(trim(admit_dt), '') as admit_text,
        nullif(trim(discharge_dt), '') as discharge_text,
        nullif(trim(los), '') as los_text,
        nullif(trim(drg_code), '') as drg_text,
        nullif(trim(payer), '') as payer,
        nullif(trim(readmit_flag), '') as readmit_text,
        nullif(trim(ed_arrival_dt), '') as ed_arrival_text,
        nullif(trim(disposition), '') as disposition,
        nullif(trim(age), '') as age_text,
        nullif(trim(gender), '') as gender,
        nullif(trim(admit_type), '') as admit_type,
        nullif(trim(ed_decision_dt), '') as ed_decision_text,
        nullif(trim(unit), '') as unit,
        nullif(trim(charlson_index), '') as charlson_text,
        nullif(trim(ed_visits_prior_6m), '') as ed_visits_text
    from staged
),

parsed as (
    select
        *,
        parse_timestamp(admit_text, $source_time_zone) as admit_dt,
        parse_timestamp(discharge_text, $source_time_zone) as discharge_dt,
        parse_timestamp(ed_arrival_text, $source_time_zone) as ed_arrival_dt,
        parse_timestamp(ed_decision_text, $source_time_zone) as ed_decision_dt,
        try_cast(los_text as integer) as los,
        case when regexp_full_match(drg_text, '\d{1,3}') then lpad(drg_text, 3, '0') end as drg_code,
        parse_boolean(readmit_text) as readmit_flag,
        try_cast(age_text as integer) as age,
        try_cast(charlson_text as integer) as charlson_index,
        try_cast(ed_visits_text as integer) as ed_visits_prior_6m,
        regexp_full_match(mrn_hash, '[0-9a-f]{64}') as mrn_ok,
        ssn_masked is null or regexp_full_match(ssn_masked, 'XXX-XX-\d{4}') as ssn_ok
    from cleaned
),

checked as (
    select
        *,
        first_problem([
            case when encounter_id is null then ['missing_required:encounter_id', 'encounter_id is empty'] end,
            case when mrn_hash is null then ['missing_required:mrn_hash', 'mrn_hash is empty'] end,
            case when not mrn_ok then ['invalid_mrn_hash', 'mrn_hash is not a 64-character HMAC-SHA-256 hex digest (value withheld: it may be a raw MRN)'] end,
            case when not ssn_ok then ['invalid_ssn_masked', 'ssn_masked is not XXX-XX-#### (value withheld: it may be an unmasked SSN)'] end,
            case when admit_text is null then ['missing_required:admit_dt', 'admit_dt is empty'] end,
            case when admit_dt is null then ['invalid_admit_dt', 'admit_dt "' || admit_text || '" is not a timestamp'] end,
            case when discharge_text is not null and discharge_dt is null then ['invalid_discharge_dt', 'discharge_dt "' || discharge_text || '" is not a timestamp'] end,
            case when ed_arrival_text is not null and ed_arrival_dt is null then ['invalid_ed_arrival_dt', 'ed_arrival_dt "' || ed_arrival_text || '" is not a timestamp'] end,
            case when ed_decision_text is not null and ed_decision_dt is null then ['invalid_ed_decision_dt', 'ed_decision_dt "' || ed_decision_text || '" is not a timestamp'] end,
            case when drg_text is null then ['missing_required:drg_code', 'drg_code is empty'] end,
            case when drg_code is null then ['invalid_drg_code', 'drg_code "' || drg_text || '" is not a 1–3 digit MS-DRG'] end,
            case when payer is null then ['missing_required:payer', 'payer is empty'] end,
            case when los_text is not null and los is null then ['invalid_los', 'los "' || los_text || '" is not an integer'] end,
            case when readmit_text is not null and readmit_flag is null then ['invalid_readmit_flag', 'readmit_flag "' || readmit_text || '" is not a boolean'] end,
            case when age_text is not null and (age is null or age not between 0 and 120) then ['invalid_age', 'age "' || age_text || '" is not an integer from 0 to 120'] end,
            case when charlson_text is not null and (charlson_index is null or charlson_index < 0) then ['invalid_charlson_index', 'charlson_index "' || charlson_text || '" is not a non-negative integer'] end,
            case when ed_visits_text is not null and (ed_visits_prior_6m is null or ed_visits_prior_6m < 0) then ['invalid_ed_visits_prior_6m', 'ed_visits_prior_6m "' || ed_visits_text || '" is not a non-negative integer'] end
        ]) as problem
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
    problem[1] as _reject_reason,
    problem[2] as _reject_detail,
    to_json({
        'encounter_id': encounter_id,
        'mrn_hash': case when mrn_ok then mrn_hash else '<withheld>' end,
        'ssn_masked': case when ssn_ok then ssn_masked else '<withheld>' end,
        'admit_dt': admit_text, 'discharge_dt': discharge_text, 'los': los_text, 'drg_code': drg_text, 'payer': payer,
        'readmit_flag': readmit_text, 'ed_arrival_dt': ed_arrival_text, 'disposition': disposition, 'age': age_text,
        'gender': gender, 'admit_type': admit_type, 'ed_decision_dt': ed_decision_text, 'unit': unit,
        'charlson_index': charlson_text, 'ed_visits_prior_6m': ed_visits_text
    }) as _raw
from checked
