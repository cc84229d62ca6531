-- hash64(value), Spark: xxhash64, a signed 64-bit hash (compare hashes for equality only).
CREATE OR REPLACE TEMPORARY FUNCTION hash64(x STRING) RETURNS BIGINT RETURN xxhash64(x)
