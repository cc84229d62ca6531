-- gold_healthcare_daily_census: the midnight census per day — patients admitted on or before the
-- day and discharged after it (still in house when discharge is unknown) — with admissions,
-- discharges and occupancy_pct = census ÷ staffed beds × 100. (Admissions ÷ beds, the tutorial's
-- figure, is not occupancy.) Parameter: $staffed_beds.
with stays as (
    select admit_date, discharge_date
    from lh_silver.dbo.silver_healthcare_encounters
    where not los_negative
),

bounds as (
    select min(admit_date) as first_day, max(coalesce(discharge_date, admit_date)) as last_day from stays
),

days as (
    -- The cast happens in daily: Spark cannot nest a generator (explode) in an expression.
    select unnest(generate_series(first_day, last_day, interval 1 day)) as census_day
    from bounds
    where first_day is not null
),

admissions as (
    select admit_date as census_date, count(*) as admissions from stays group by 1
),

discharges as (
    select discharge_date as census_date, count(*) as discharges from stays where discharge_date is not null group by 1
),

daily as (
    select
        cast(days.census_day as date) as census_date,
        coalesce(admissions.admissions, 0) as admissions,
        coalesce(discharges.discharges, 0) as discharges
    from days
    left join admissions on admissions.census_date = cast(days.census_day as date)
    left join discharges on discharges.census_date = cast(days.census_day as date)
)

select
    census_date,
    cast(sum(admissions - discharges) over (order by census_date nulls last rows between unbounded preceding and current row) as bigint)
        as census,
    admissions,
    discharges,
    $staffed_beds::integer as staffed_beds,
    round_double(
        cast(100.0 * sum(admissions - discharges) over (order by census_date nulls last rows between unbounded preceding and current row) as double)
        / $staffed_beds::integer,
        2
    ) as occupancy_pct
from daily
