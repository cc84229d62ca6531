-- bronze_emr_events: the landed EMR audit events, typed. Rows that do not parse get a reject
-- reason and go to lh_bronze.dbo.quarantine instead (the runner splits on _reject_reason). PHI
-- guard: a patient_id or metadata that looks like a raw MRN or an unmasked SSN (phi_like) is
-- refused as phi_like_value, and what the quarantine keeps of a refused row is withheld where
-- PHI-like. Only those two columns are checked: a regular expression per column costs about a
-- second per 10M events, and ids, types and timestamps are parsed or checked elsewhere.
-- Input: `staged` (every landing column as text, plus _line). Parameter: $source_time_zone.
with cleaned as (
    select
        _line,
        clean_text(event_id) as event_id,
        clean_text(clinician_id) as clinician_id_text,
        clean_text(event_timestamp) as event_timestamp_text,
        clean_text(event_type) as event_type,
        clean_text(patient_id) as patient_id,
        metadata,
        to_json(staged) as _raw
    from staged
),

parsed as (
    select
        *,
        parse_bigint(clinician_id_text) as clinician_id,
        parse_timestamp(event_timestamp_text, $source_time_zone) as event_ts
    from cleaned
)

select
    _line,
    event_id,
    clinician_id,
    event_ts as event_timestamp,
    event_type,
    patient_id,
    metadata,
    case
        when event_id is null then 'missing_event_id'
        when clinician_id is null then 'invalid_clinician_id'
        when event_ts is null then 'invalid_timestamp'
        when phi_like(patient_id) or phi_like(metadata) then 'phi_like_value'
    end as _reject_reason,
    withhold_phi(case
        when event_id is null then 'event_id is empty'
        when clinician_id is null then 'clinician_id ' || coalesce('"' || clinician_id_text || '"', 'is empty') || ' is not an integer'
        when event_ts is null then 'event_timestamp ' || coalesce('"' || event_timestamp_text || '"', 'is empty')
            || ' is not YYYY-MM-DD HH:MM:SS[.ffffff] or ISO 8601'
        when phi_like(patient_id) then 'patient_id' || ' looks like an unmasked SSN or a raw MRN (value withheld); mask or pseudonymise it before landing'
        when phi_like(metadata) then 'metadata' || ' looks like an unmasked SSN or a raw MRN (value withheld); mask or pseudonymise it before landing'
    end) as _reject_detail,
    withhold_phi(cast(_raw as string)) as _raw
from parsed
