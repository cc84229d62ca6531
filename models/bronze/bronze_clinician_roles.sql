-- bronze_clinician_roles: default inactivity window per role, typed. Input: `staged`.
with cleaned as (
    select
        _line,
        clean_text(clinician_role) as clinician_role,
        clean_text(default_inactivity_minutes) as minutes_text,
        to_json(staged) as _raw
    from staged
),

parsed as (
    select *, parse_int(minutes_text) as minutes
    from cleaned
)

select
    _line,
    clinician_role,
    minutes as default_inactivity_minutes,
    case
        when clinician_role is null then 'missing_required:clinician_role'
        when minutes is null or minutes <= 0 then 'invalid_threshold'
    end as _reject_reason,
    case
        when clinician_role is null then 'clinician_role is empty'
        when minutes is null or minutes <= 0
            then 'default_inactivity_minutes ' || coalesce('"' || minutes_text || '"', 'is empty') || ' is not a positive integer'
    end as _reject_detail,
    _raw
from parsed
