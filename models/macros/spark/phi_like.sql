-- phi_like(value), Spark: models/macros/phi_like.sql's rule. RE2's \b is ASCII, Java 17's is
-- Unicode-aware (an SSN-shaped NNN-NN-NNNN run right after 'é' would not match), so the boundaries are spelled out as ASCII
-- lookarounds.
CREATE OR REPLACE TEMPORARY FUNCTION phi_like(t STRING) RETURNS BOOLEAN RETURN
    regexp_like(t, r'(?<![A-Za-z0-9_])[0-9]{3}-?[0-9]{2}-?[0-9]{4}(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])[Mm][Rr][Nn][-_ ]?[0-9]+')
