-- parse_double(value), Spark: models/macros/parse_double.sql's rule (the guard also keeps out
-- Spark's 'NaN', 'Infinity' and 'inf').
CREATE OR REPLACE TEMPORARY FUNCTION parse_double(t STRING) RETURNS DOUBLE RETURN
    CASE WHEN t RLIKE r'^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?\z' THEN try_cast(t AS DOUBLE) END
