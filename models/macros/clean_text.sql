-- clean_text(value): landing text trimmed, with the empty string as NULL. A typed Parquet column
-- (a timestamp, an integer, a decimal …) passes through unchanged: it has no blanks to trim, and
-- casting it to text only to parse it back costs a round trip per row.
create or replace temp macro clean_text(t varchar) as nullif(trim(t), ''),
    (t) as t
