-- phi_like(value): whether text holds what looks like an unmasked SSN (9 digits, dashes optional)
-- or a raw MRN ("MRN" then digits): the rule of src/privacy/phi-patterns.ts, kept equal by a test.
-- Bronze models refuse a landed row with such a value in a column where none belongs
-- (phi_like_value). Typed Parquet values (numbers, timestamps) are never PHI-like text.
create or replace temp macro phi_like(t varchar) as
    regexp_matches(t, '\b\d{3}-?\d{2}-?\d{4}\b|\b[Mm][Rr][Nn][-_ ]?\d+'),
    (t) as false
