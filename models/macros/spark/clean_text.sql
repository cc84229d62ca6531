-- clean_text(value), Spark: models/macros/clean_text.sql's rule. Spark's trim() strips only
-- U+0020, DuckDB's every Unicode space separator (category Zs, U+00A0 included, not tabs), hence
-- the \p{Zs} pattern. There is no typed overload: the Spark engine stages landing columns as text.
CREATE OR REPLACE TEMPORARY FUNCTION clean_text(t STRING) RETURNS STRING RETURN
    CASE
        WHEN t = '' OR startswith(t, ' ') OR endswith(t, ' ') OR octet_length(t) <> length(t)
            THEN nullif(regexp_replace(t, r'^\p{Zs}+|\p{Zs}+$', ''), '')
        ELSE t
    END
