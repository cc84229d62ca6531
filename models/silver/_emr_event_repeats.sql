-- _emr_event_repeats: the new bronze events whose event_id was delivered more than once (in the
-- new rows, or already loaded by an earlier run), ranked by delivery order: occurrence 1 is the
-- one kept unless the id was loaded before. Only these few rows are ranked: a clean feed's ids
-- are grouped by their 64-bit hash, a cheap fixed-width key, and only rows whose hash repeats
-- are compared by the id itself (so a hash collision costs a ranking, never a wrong result).
-- Inputs: `new_bronze_events`, `prior_event_ids` (every event id of earlier bronze files, repeats
-- included).
with repeated_hashes as (
    select hash64(event_id) as id_hash
    from new_bronze_events
    group by 1
    having count(*) > 1
),

loaded_before as (
    select distinct prior.event_id
    from prior_event_ids as prior
    semi join new_bronze_events as events on events.event_id = prior.event_id
),

suspects as (
    select event_id, _bronze_ingested_at, _bronze_source_file, _bronze_row
    from new_bronze_events
    where hash64(event_id) in (select id_hash from repeated_hashes)
        or event_id in (select event_id from loaded_before)
)

select
    suspects.*,
    cast(row_number() over (
        partition by suspects.event_id
        order by suspects._bronze_ingested_at nulls last, suspects._bronze_source_file nulls last, suspects._bronze_row nulls last
    ) as bigint) as occurrence,
    suspects.event_id in (select event_id from loaded_before) as loaded_before
from suspects
