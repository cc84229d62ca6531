-- parse_amount(value), Spark: models/macros/parse_amount.sql's rule.
CREATE OR REPLACE TEMPORARY FUNCTION parse_amount(t STRING) RETURNS DECIMAL(12, 2) RETURN
    CASE
        WHEN t RLIKE r'^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?\z' THEN try_cast(t AS DECIMAL(12, 2))
    END
