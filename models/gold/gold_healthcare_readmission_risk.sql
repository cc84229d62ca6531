-- gold_healthcare_readmission_risk: the LACE index per discharged encounter, from information
-- known at discharge only (never the readmission outcome itself, which the tutorial's score used):
-- L = length of stay (<1 d 0, 1 1, 2 2, 3 3, 4–6 4, 7–13 5, ≥14 7); A = acute (Emergency) admission 3;
-- C = Charlson index (0–3 as is, ≥4 5); E = ED visits in the prior 6 months (capped at 4).
-- risk_score = LACE ÷ 19 × 100; risk_tier HIGH (LACE ≥ 10), MEDIUM (5–9), LOW (< 5).
-- The observed outcome is kept beside the score for evaluation only.
with scored as (
    select
        encounter_id,
        mrn_hash,
        drg_code,
        payer,
        los_calc,
        index_eligible,
        readmitted_within_30d,
        case
            when los_calc < 1 then 0
            when los_calc <= 3 then los_calc
            when los_calc <= 6 then 4
            when los_calc <= 13 then 5
            else 7
        end as lace_l,
        case when admit_type = 'Emergency' then 3 else 0 end as lace_a,
        case when coalesce(charlson_index, 0) >= 4 then 5 else coalesce(charlson_index, 0) end as lace_c,
        least(coalesce(ed_visits_prior_6m, 0), 4) as lace_e
    from lh_silver.dbo.silver_healthcare_encounters
    where discharge_dt is not null and los_calc is not null
)

select
    encounter_id,
    mrn_hash,
    drg_code,
    payer,
    los_calc,
    lace_l,
    lace_a,
    lace_c,
    lace_e,
    lace_l + lace_a + lace_c + lace_e as lace_score,
    cast(round(100.0 * (lace_l + lace_a + lace_c + lace_e) / 19) as integer) as risk_score,
    case
        when lace_l + lace_a + lace_c + lace_e >= 10 then 'HIGH'
        when lace_l + lace_a + lace_c + lace_e >= 5 then 'MEDIUM'
        else 'LOW'
    end as risk_tier,
    index_eligible,
    readmitted_within_30d as observed_readmitted_30d
from scored
