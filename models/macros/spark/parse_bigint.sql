-- parse_bigint(value), Spark: models/macros/parse_bigint.sql's rule.
CREATE OR REPLACE TEMPORARY FUNCTION parse_bigint(t STRING) RETURNS BIGINT RETURN
    CASE WHEN t RLIKE r'^[+-]?[0-9]+\z' THEN try_cast(t AS BIGINT) END
