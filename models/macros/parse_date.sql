-- parse_date(value): a DATE from text starting `YYYY-MM-DD` (a time after it is ignored); NULL
-- otherwise. A typed Parquet DATE passes through.
create or replace temp macro parse_date(t varchar) as try_cast(left(t, 10) as date),
    (t date) as t
