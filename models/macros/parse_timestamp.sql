-- parse_timestamp(text, zone): a UTC instant from `YYYY-MM-DD HH:MM:SS[.ffffff]` (read in `zone`)
-- or ISO 8601 with `T`, optional fraction and optional `Z` / `±HH:MM`; NULL when it is neither.
create or replace temp macro parse_timestamp(t, zone) as
    case
        when regexp_full_match(t, '\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,9})?')
            then timezone(zone, try_cast(t as timestamp))
        when regexp_full_match(t, '\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}(:?\d{2})?)')
            then try_cast(t as timestamptz)
    end
