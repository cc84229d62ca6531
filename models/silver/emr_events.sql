-- emr_events: clean EMR events, one row per event_id (the first one loaded wins), for known
-- clinicians that have a threshold. Refused rows carry _reject_reason: duplicate,
-- unknown_clinician or no_threshold.
-- Inputs: `new_bronze_events` (bronze rows to process), `emr_event_repeats` (the ranked
-- deliveries of repeated ids, from _emr_event_repeats.sql), lh_silver.dbo.clinician_dim.
-- Parameter: $bucket_count.
with classified as (
    select
        events.*,
        dim.clinician_id is not null as known_clinician,
        dim.session_threshold_minutes,
        coalesce(repeats.occurrence > 1 or repeats.loaded_before, false) as duplicate
    from new_bronze_events as events
    left join emr_event_repeats as repeats
        on repeats._bronze_row = events._bronze_row
        and repeats._bronze_source_file = events._bronze_source_file
        and repeats._bronze_ingested_at = events._bronze_ingested_at
    left join lh_silver.dbo.clinician_dim as dim on dim.clinician_id = events.clinician_id
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
        when duplicate then 'duplicate'
        when not known_clinician then 'unknown_clinician'
        when session_threshold_minutes is null then 'no_threshold'
    end as _reject_reason,
    case
        when duplicate then 'event_id "' || event_id || '" was already loaded; the first one is kept'
        when not known_clinician then 'clinician_id ' || clinician_id || ' is not in clinician_dim'
        when session_threshold_minutes is null
            then 'clinician_id ' || clinician_id || ' has no session_inactivity_minutes and its role has no default in roles.csv'
    end as _reject_detail,
    to_json({
        'event_id': event_id, 'clinician_id': clinician_id, 'event_timestamp': timestamp_text(event_timestamp),
        'event_type': event_type, 'patient_id': patient_id, 'metadata': metadata
    }) as _raw
from classified
