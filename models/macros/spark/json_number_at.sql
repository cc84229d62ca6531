-- json_number_at(json, key), Spark: models/macros/json_number_at.sql's rule. get_json_object
-- cannot take every key (a '.' or a quote in it), a map can.
CREATE OR REPLACE TEMPORARY FUNCTION json_number_at(j STRING, k STRING) RETURNS DOUBLE RETURN
    try_element_at(from_json(j, 'map<string,double>'), replace(k, '"', ''))
