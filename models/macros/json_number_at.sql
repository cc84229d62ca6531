-- json_number_at(json, key): the number under a top-level key of a JSON object text, as a DOUBLE;
-- NULL when the key is absent. Double quotes in the key are ignored.
create or replace temp macro json_number_at(j, k) as
    cast(json_extract_string(j::json, '$."' || replace(k, '"', '') || '"') as double)
