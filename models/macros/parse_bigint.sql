-- parse_bigint(value): parse_int's rule for a BIGINT (see parse_int.sql). A typed Parquet integer
-- passes through.
create or replace temp macro parse_bigint(t varchar) as
    case when regexp_full_match(t, '[+-]?[0-9]+') then try_cast(t as bigint) end,
    (t) as try_cast(t as bigint)
