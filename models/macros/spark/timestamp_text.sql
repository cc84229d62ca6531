-- timestamp_text(instant), Spark: models/macros/timestamp_text.sql's text (the session time zone
-- is UTC, see sparkSessionSettings; years 1000–9999).
CREATE OR REPLACE TEMPORARY FUNCTION timestamp_text(ts TIMESTAMP) RETURNS STRING RETURN
    concat(
        date_format(ts, 'yyyy-MM-dd HH:mm:ss'),
        CASE
            WHEN pmod(unix_micros(ts), 1000000) <> 0
                THEN concat('.', regexp_replace(lpad(cast(pmod(unix_micros(ts), 1000000) AS STRING), 6, '0'), r'0+\z', ''))
            ELSE ''
        END,
        '+00'
    )
