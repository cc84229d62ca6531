-- parse_timestamp(value, zone): a UTC instant. Text is `YYYY-MM-DD HH:MM:SS[.ffffff]` (read in
-- `zone`) or ISO 8601 with `T`, optional fraction and optional `Z` / `±HH:MM`; NULL when it is
-- neither. A typed Parquet TIMESTAMPTZ is already an instant; a naive TIMESTAMP is read in `zone`,
-- exactly as naive text is, so typed and text landings give the same rows.
create or replace temp macro parse_timestamp(t varchar, zone) as
    case
        when regexp_full_match(t, '\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,9})?')
            then timezone(zone, try_cast(t as timestamp))
        when regexp_full_match(t, '\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}(:?\d{2})?)')
            then try_cast(t as timestamptz)
    end,
    (t timestamptz, zone) as t,
    (t timestamp, zone) as timezone(zone, t)
