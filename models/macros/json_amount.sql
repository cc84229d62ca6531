-- json_amount(amount): a DECIMAL amount as a model's `_raw` JSON shows it. DuckDB's to_json writes
-- a decimal as the shortest number (12.50 as 12.5, 12.00 as 12.0); Spark's writes every decimal
-- place (12.50), so its json_amount hands to_json a DOUBLE, which it writes the same way below
-- 10^7 (docs/spark-dialect.md: at 10^7 and above Spark writes 1.0E7).
create or replace temp macro json_amount(x) as x
