-- parse_double(value): a DOUBLE from decimal text with an optional sign, fraction and exponent
-- ('12', '-1.5', '.5', '2e3'); NULL otherwise. Not-a-number and infinities are refused: DuckDB's
-- cast reads 'NaN' and 'inf', Spark's also 'Infinity' spellings DuckDB does not, and no staffing
-- figure is infinite. A typed Parquet number passes through.
create or replace temp macro parse_double(t varchar) as
    case when regexp_full_match(t, '[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?') then try_cast(t as double) end,
    (t) as try_cast(t as double)
