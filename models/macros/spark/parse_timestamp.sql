-- parse_timestamp(value, zone), Spark: models/macros/parse_timestamp.sql's rule. With the session
-- time zone UTC (sparkSessionSettings), try_cast reads naive text as UTC wall-clock time and
-- to_utc_timestamp moves it to the instant it is in `zone`. In the hour a fall-back repeats,
-- Java picks the earlier instant (daylight time) and DuckDB the later one (standard time): when
-- the wall-clock time an hour later maps back to the same local time, the later one is taken,
-- as DuckDB does. A time skipped by spring-forward resolves alike on both (moved forward).
CREATE OR REPLACE TEMPORARY FUNCTION parse_timestamp(t STRING, zone STRING) RETURNS TIMESTAMP RETURN
    CASE
        WHEN t RLIKE r'^[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?\z'
            THEN CASE
                WHEN from_utc_timestamp(to_utc_timestamp(try_cast(t AS TIMESTAMP), zone) + INTERVAL 1 HOUR, zone)
                    = try_cast(t AS TIMESTAMP)
                    THEN to_utc_timestamp(try_cast(t AS TIMESTAMP), zone) + INTERVAL 1 HOUR
                ELSE to_utc_timestamp(try_cast(t AS TIMESTAMP), zone)
            END
        WHEN t RLIKE r'^[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}(:?[0-9]{2})?)\z'
            THEN try_cast(t AS TIMESTAMP)
    END
