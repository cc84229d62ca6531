-- round_double(x, n): a DOUBLE rounded to n decimals the way DuckDB rounds one: the binary value
-- times 10^n, rounded half away from zero, divided by 10^n (so 0.285 gives 0.28: its binary value
-- is below 0.285). Spark's round(double) rounds the shortest decimal text instead (0.29); its
-- round_double reproduces this one.
create or replace temp macro round_double(x, n) as round(x, n)
