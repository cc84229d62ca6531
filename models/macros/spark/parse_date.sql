-- parse_date(value), Spark: models/macros/parse_date.sql's rule. The guard matters more here:
-- Spark's cast reads '2024' as 2024-01-01 and '2024-03' as 2024-03-01.
CREATE OR REPLACE TEMPORARY FUNCTION parse_date(t STRING) RETURNS DATE RETURN
    CASE WHEN left(t, 10) RLIKE r'^[0-9]{4}-[0-9]{2}-[0-9]{2}\z' THEN try_cast(left(t, 10) AS DATE) END
