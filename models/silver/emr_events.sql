-- emr_events: clean EMR events, one row per event_id (the first one loaded wins), for known
-- clinicians that have a threshold. Refused rows carry _reject_reason: duplicate,
-- unknown_clinician or no_threshold.
-- Inputs: `new_bronze_events` (bronze rows to process), `prior_event_ids` (event ids loaded by
-- earlier runs), lh_silver.dbo.clinician_dim. Parameter: $bucket_count.
with candidates as (
    select
        *,
        row_number() over (
            partition by event_id
            order by _bronze_ingested_at, _bronze_source_file, _bronze_row
        ) as occurrence
    from new_bronze_events
),

classified as (
    select
        candidates.*,
        dim.clinician_id is not null as known_clinician,
        dim.session_threshold_minutes,
        prior.event_id is not null as loaded_before
    from candidates
    left join prior_event_ids as prior on prior.event_id = candidates.event_id
    left join lh_silver.dbo.clinician_dim as dim on dim.clinician_id = candidates.clinician_id
)

select
    event_id,
    clinician_id,
    event_timestamp,
    event_type,
    patient_id,
    metadata,
    cast(((clinician_id % $bucket_count) + $bucket_count) % $bucket_count as integer) as clinician_bucket,
    _bronze_ingested_at,
    _bronze_source_file,
    _bronze_row,
    case
        when occurrence > 1 or loaded_before then 'duplicate'
        when not known_clinician then 'unknown_clinician'
        when session_threshold_minutes is null then 'no_threshold'
    end as _reject_reason,
    case
        when occurrence > 1 or loaded_before then 'event_id "' || event_id || '" was already loaded; the first one is kept'
        when not known_clinician then 'clinician_id ' || clinician_id || ' is not in clinician_dim'
        when session_threshold_minutes is null
            then 'clinician_id ' || clinician_id || ' has no session_inactivity_minutes and its role has no default in roles.csv'
    end as _reject_detail,
    to_json({
        'event_id': event_id, 'clinician_id': clinician_id, 'event_timestamp': event_timestamp,
        'event_type': event_type, 'patient_id': patient_id, 'metadata': metadata
    }) as _raw
from classified
