-- hash64(value): a 64-bit hash of a value, for grouping by a fixed-width key before comparing the
-- values themselves (a collision costs a comparison, never a wrong result). DuckDB's hash() is
-- unsigned, Spark's xxhash64 signed: only equality of hashes may be relied on, never their sign.
create or replace temp macro hash64(x) as hash(x)
