-- full_match(text, pattern), Spark: Java's regexp_like matches anywhere, so the pattern is
-- anchored; \z, not $, which would also match before a final line break.
CREATE OR REPLACE TEMPORARY FUNCTION full_match(s STRING, p STRING) RETURNS BOOLEAN RETURN
    regexp_like(s, concat('^(?:', p, r')\z'))
