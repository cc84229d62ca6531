-- clinician_dim: one row per clinician (the latest delivery wins), with the session threshold
-- that applies: the clinician's own, else the role default from roles.csv, else NULL
-- (whose events are quarantined as no_threshold).
with clinicians as (
    select
        *,
        row_number() over (
            partition by clinician_id
            order by _bronze_ingested_at desc nulls last, _bronze_source_file desc nulls last, _bronze_row desc nulls last
        ) as recency
    from lh_bronze.dbo.bronze_clinicians
),

roles as (
    select
        clinician_role,
        default_inactivity_minutes,
        row_number() over (
            partition by clinician_role
            order by _bronze_ingested_at desc nulls last, _bronze_source_file desc nulls last, _bronze_row desc nulls last
        ) as recency
    from lh_bronze.dbo.bronze_clinician_roles
)

select
    clinicians.clinician_id,
    clinicians.clinician_name,
    clinicians.clinician_role,
    clinicians.session_inactivity_minutes,
    roles.default_inactivity_minutes as role_default_minutes,
    coalesce(clinicians.session_inactivity_minutes, roles.default_inactivity_minutes) as session_threshold_minutes,
    case
        when clinicians.session_inactivity_minutes is not null then 'clinician'
        when roles.default_inactivity_minutes is not null then 'role'
    end as threshold_source
from clinicians
left join roles on roles.clinician_role = clinicians.clinician_role and roles.recency = 1
where clinicians.recency = 1
