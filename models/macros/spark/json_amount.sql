-- json_amount(amount), Spark: see models/macros/json_amount.sql.
CREATE OR REPLACE TEMPORARY FUNCTION json_amount(x DECIMAL(38, 2)) RETURNS DOUBLE RETURN cast(x AS DOUBLE)
