-- local_date(instant, zone), Spark: correct only with the session time zone UTC
-- (sparkSessionSettings): from_utc_timestamp shifts the instant to the zone's wall-clock time.
CREATE OR REPLACE TEMPORARY FUNCTION local_date(ts TIMESTAMP, zone STRING) RETURNS DATE RETURN
    to_date(from_utc_timestamp(ts, zone))
