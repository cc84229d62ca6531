-- parse_int(value), Spark: models/macros/parse_int.sql's rule.
CREATE OR REPLACE TEMPORARY FUNCTION parse_int(t STRING) RETURNS INT RETURN
    CASE WHEN t RLIKE r'^[+-]?[0-9]+\z' THEN try_cast(t AS INT) END
