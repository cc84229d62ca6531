-- local_date(instant, zone): the calendar date of an instant in a time zone (the lake's
-- sourceTimeZone).
create or replace temp macro local_date(ts, zone) as cast(timezone(zone, ts) as date)
