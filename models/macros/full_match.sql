-- full_match(text, pattern): whether the whole text matches the regular expression (RE2). Spark's
-- version anchors the same pattern (Java regex); patterns in the models use only what both
-- engines read alike (character classes of ASCII, counts, alternation; no \b).
create or replace temp macro full_match(s, p) as regexp_full_match(s, p)
