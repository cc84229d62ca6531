-- parse_amount(value): a DECIMAL(12,2) money amount from decimal text with an optional sign,
-- fraction and exponent (more than 2 decimals round half up: '12.345' is 12.35); NULL otherwise
-- or when it does not fit. The guard keeps one language on both engines (DuckDB's cast also
-- reads '1_000'). A typed Parquet number passes through.
create or replace temp macro parse_amount(t varchar) as
    case
        when regexp_full_match(t, '[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?') then try_cast(t as decimal(12, 2))
    end,
    (t) as try_cast(t as decimal(12, 2))
