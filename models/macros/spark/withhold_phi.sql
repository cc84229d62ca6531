-- withhold_phi(text), Spark: models/macros/withhold_phi.sql's rule, with phi_like's Spark pattern.
CREATE OR REPLACE TEMPORARY FUNCTION withhold_phi(t STRING) RETURNS STRING RETURN
    regexp_replace(t, r'(?<![A-Za-z0-9_])[0-9]{3}-?[0-9]{2}-?[0-9]{4}(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])[Mm][Rr][Nn][-_ ]?[0-9]+', '<withheld>')
