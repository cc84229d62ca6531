-- clean_text(value): landing text trimmed, with the empty string as NULL. trim() copies every
-- string (4 s per 10M ids), so it runs only where it can change something: an empty value, a
-- space at either end, or any non-ASCII text (trim also strips Unicode spaces such as U+00A0;
-- in ASCII it strips only the space). A typed Parquet column (a timestamp, an integer, a
-- decimal …) passes through unchanged: it has no blanks to trim.
create or replace temp macro clean_text(t varchar) as
    case
        when t = '' or starts_with(t, ' ') or ends_with(t, ' ') or strlen(t) <> length(t)
            then nullif(trim(t), '')
        else t
    end,
    (t) as t
