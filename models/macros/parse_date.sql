-- parse_date(value): a DATE from text starting `YYYY-MM-DD` (a time after it is ignored); NULL
-- otherwise. The guard keeps one language on both engines: DuckDB's cast alone also reads
-- '2024/01/05', '2024 01 05' and '24-01-05' (as year 24), Spark's '2024' and '2024-03'. A typed
-- Parquet DATE passes through.
create or replace temp macro parse_date(t varchar) as
    case when regexp_full_match(left(t, 10), '[0-9]{4}-[0-9]{2}-[0-9]{2}') then try_cast(left(t, 10) as date) end,
    (t date) as t
