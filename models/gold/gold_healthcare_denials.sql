-- gold_healthcare_denials: initial denial rate by count and by billed dollars, overall, per payer
-- (the encounter's payer) and per CARC reason. CO-45 is a contractual adjustment, not a denial.
with claims as (
    select encounter_payer as payer, denial_reason_code, is_denied, billed_amt
    from lh_silver.dbo.silver_healthcare_claims
),

totals as (
    select count(*) as all_claims, sum(billed_amt) as all_billed from claims
),

by_dimension as (
    select
        'overall' as dimension,
        'all' as dimension_value,
        count(*) as claims,
        count(*) filter (where is_denied) as denied_claims,
        sum(billed_amt) as billed_amt,
        coalesce(sum(billed_amt) filter (where is_denied), 0) as denied_billed_amt
    from claims
    union all
    select
        'payer',
        payer,
        count(*),
        count(*) filter (where is_denied),
        sum(billed_amt),
        coalesce(sum(billed_amt) filter (where is_denied), 0)
    from claims
    group by payer
    union all
    select
        'reason',
        denial_reason_code,
        (select all_claims from totals),
        count(*),
        (select all_billed from totals),
        sum(billed_amt)
    from claims
    where is_denied
    group by denial_reason_code
)

select
    dimension,
    dimension_value,
    claims,
    denied_claims,
    round_double(cast(100.0 * denied_claims as double) / nullif(claims, 0), 2) as denial_rate_pct,
    -- The sums' type as DuckDB has always written it (Spark's sum of a DECIMAL(12,2) is (22,2)).
    cast(billed_amt as decimal(38, 2)) as billed_amt,
    cast(denied_billed_amt as decimal(38, 2)) as denied_billed_amt,
    round_double(cast(100.0 * denied_billed_amt as double) / nullif(billed_amt, 0), 2) as denial_rate_dollars_pct
from by_dimension
