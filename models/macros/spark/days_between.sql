-- days_between(start, end), Spark: datediff takes (end, start) and gives an INT; Spark's
-- date - date is an interval.
CREATE OR REPLACE TEMPORARY FUNCTION days_between(a DATE, b DATE) RETURNS BIGINT RETURN
    cast(datediff(b, a) AS BIGINT)
