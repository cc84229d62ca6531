-- silver_healthcare_encounters: one row per encounter (the latest delivery wins; earlier ones
-- are kept in quarantine as superseded), with calendar dates in the lake's zone, LOS from the
-- dates, ED intervals, CMS-style 30-day readmission and a data-quality score.
-- Readmission: an index stay is eligible when discharged alive, not AMA, not transferred to
-- another acute hospital; it is readmitted when the same patient has an unplanned (not Elective)
-- admission 0–30 days after its discharge date. The later stay carries readmit_30d.
-- Inputs: lh_bronze.dbo.bronze_healthcare_admissions and `superseded` (its earlier deliveries of a
-- repeated encounter_id, ranked by the runner). Parameter: $source_time_zone.
with latest as not materialized (
    select bronze.*
    from lh_bronze.dbo.bronze_healthcare_admissions as bronze
    anti join superseded
        on superseded._bronze_row = bronze._bronze_row
        and superseded._bronze_source_file = bronze._bronze_source_file
        and superseded._bronze_ingested_at = bronze._bronze_ingested_at
),

stays as not materialized (
    select
        *,
        hash64(mrn_hash) as patient_hash,
        local_date(admit_dt, $source_time_zone) as admit_date,
        local_date(discharge_dt, $source_time_zone) as discharge_date,
        discharge_dt < admit_dt as los_negative,
        coalesce(admit_type, '') <> 'Elective' as unplanned,
        discharge_dt is not null
        and discharge_dt >= admit_dt
        and lower(coalesce(disposition, '')) not in ('expired', 'ama', 'left against medical advice', 'transfer', 'transfer to acute')
            as index_eligible
    from latest
),

patient_stays as (
    select encounter_id, mrn_hash, patient_hash, admit_dt, admit_date, discharge_date, unplanned, index_eligible
    from stays
),

readmission_pairs as (
    select
        index_stay.encounter_id as index_encounter_id,
        later_stay.encounter_id as readmit_encounter_id
    from patient_stays as index_stay
    inner join patient_stays as later_stay
        on later_stay.patient_hash = index_stay.patient_hash
        and later_stay.mrn_hash = index_stay.mrn_hash
        and later_stay.encounter_id <> index_stay.encounter_id
        and later_stay.admit_dt > index_stay.admit_dt
    where index_stay.index_eligible
        and later_stay.unplanned
        and days_between(index_stay.discharge_date, later_stay.admit_date) between 0 and 30
),

patient_history as (
    select
        encounter_id,
        days_between(
            lag(discharge_date) over (partition by patient_hash, mrn_hash order by admit_dt nulls last, encounter_id nulls last), admit_date
        ) as days_since_last_discharge,
        encounter_id in (select readmit_encounter_id from readmission_pairs) as readmit_30d,
        case when encounter_id in (select index_encounter_id from readmission_pairs) then 1 else 0 end as readmitted_within_30d
    from patient_stays
)

select
    encounter_id,
    mrn_hash,
    ssn_masked,
    admit_dt,
    discharge_dt,
    admit_date,
    discharge_date,
    case when not los_negative then days_between(admit_date, discharge_date) end as los_calc,
    coalesce(los_negative, false) as los_negative,
    los as los_reported,
    drg_code,
    payer,
    disposition,
    admit_type,
    age,
    gender,
    unit,
    charlson_index,
    ed_visits_prior_6m,
    ed_arrival_dt,
    ed_decision_dt,
    case when ed_arrival_dt <= admit_dt then cast(epoch_us(admit_dt) - epoch_us(ed_arrival_dt) as double) / 60000000 end
        as ed_to_admit_minutes,
    case when ed_decision_dt <= admit_dt then cast(epoch_us(admit_dt) - epoch_us(ed_decision_dt) as double) / 60000000 end
        as ed_boarding_minutes,
    readmit_flag as readmit_flag_reported,
    readmit_30d,
    days_since_last_discharge,
    index_eligible,
    readmitted_within_30d,
    -- _dq_score weights (sum 100): discharge_dt 15, disposition 10, age 10, admit_type 10, unit 10,
    -- charlson_index 10, consistent LOS 10, consistent ED times 10, gender 5, ed_visits_prior_6m 5, ssn_masked 5.
    (case when discharge_dt is not null then 15 else 0 end)
    + (case when disposition is not null then 10 else 0 end)
    + (case when age is not null then 10 else 0 end)
    + (case when admit_type is not null then 10 else 0 end)
    + (case when unit is not null then 10 else 0 end)
    + (case when charlson_index is not null then 10 else 0 end)
    + (case when not coalesce(los_negative, true) and (los is null or los = days_between(admit_date, discharge_date)) then 10 else 0 end)
    + (case
        when ed_arrival_dt is null and ed_decision_dt is null then 10
        when ed_arrival_dt <= coalesce(ed_decision_dt, admit_dt) and coalesce(ed_decision_dt, admit_dt) <= admit_dt then 10
        else 0
    end)
    + (case when gender is not null then 5 else 0 end)
    + (case when ed_visits_prior_6m is not null then 5 else 0 end)
    + (case when ssn_masked is not null then 5 else 0 end) as _dq_score,
    _bronze_source_file,
    _bronze_ingested_at
from stays
inner join patient_history using (encounter_id)
