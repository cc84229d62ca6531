-- round_double(x, n), Spark: DuckDB's rounding of a DOUBLE (models/macros/round_double.sql).
-- Spark's round of a DOUBLE with 0 decimals rounds half up its shortest decimal text, which ends
-- in exactly .5 only when the binary value does, so it equals C's round() there.
CREATE OR REPLACE TEMPORARY FUNCTION round_double(x DOUBLE, n INT) RETURNS DOUBLE RETURN
    round(x * power(10, n)) / power(10, n)
