-- bronze_clinicians: the landed clinician roster, typed. A threshold that is not a positive
-- integer refuses the row (invalid_threshold); its events later become unknown_clinician.
-- Input: `staged`.
with cleaned as (
    select
        _line,
        clean_text(clinician_id) as clinician_id_text,
        clean_text(clinician_name) as clinician_name,
        clean_text(clinician_role) as clinician_role,
        clean_text(session_inactivity_minutes) as threshold_text,
        to_json(staged) as _raw
    from staged
),

parsed as (
    select
        *,
        parse_bigint(clinician_id_text) as clinician_id,
        parse_int(threshold_text) as threshold
    from cleaned
)

select
    _line,
    clinician_id,
    clinician_name,
    clinician_role,
    threshold as session_inactivity_minutes,
    case
        when clinician_id is null then 'invalid_clinician_id'
        when threshold_text is not null and (threshold is null or threshold <= 0) then 'invalid_threshold'
    end as _reject_reason,
    case
        when clinician_id is null then 'clinician_id ' || coalesce('"' || clinician_id_text || '"', 'is empty') || ' is not an integer'
        when threshold_text is not null and (threshold is null or threshold <= 0)
            then 'session_inactivity_minutes "' || threshold_text || '" is not a positive integer'
    end as _reject_detail,
    _raw
from parsed
