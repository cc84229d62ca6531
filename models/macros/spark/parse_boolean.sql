-- parse_boolean(value), Spark: models/macros/parse_boolean.sql's rule.
CREATE OR REPLACE TEMPORARY FUNCTION parse_boolean(t STRING) RETURNS BOOLEAN RETURN
    CASE
        WHEN lower(t) IN ('true', 't', 'yes', 'y', '1') THEN true
        WHEN lower(t) IN ('false', 'f', 'no', 'n', '0') THEN false
    END
