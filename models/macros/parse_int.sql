-- parse_int(value): an INTEGER from text that is digits with an optional sign ('+12', '-3'); NULL
-- otherwise, and NULL when it overflows. One language on both engines: DuckDB's own cast would
-- also take '1.5' (as 2), '1e3' and '1_000', Spark's would not (docs/spark-dialect.md §3, trap 10),
-- so such text is refused as not an integer. The guard costs about 0.06 s per million text values
-- (2 threads); a typed Parquet integer passes through without it.
create or replace temp macro parse_int(t varchar) as
    case when regexp_full_match(t, '[+-]?[0-9]+') then try_cast(t as integer) end,
    (t) as try_cast(t as integer)
