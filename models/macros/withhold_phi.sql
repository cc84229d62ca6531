-- withhold_phi(text): the text with every PHI-like substring (see phi_like) replaced by
-- <withheld>, for what a model keeps of a refused row (_reject_detail, _raw): a raw identifier
-- never reaches the lake, not even the quarantine. JSON stays JSON: only digits, dashes and
-- the letters MRN are replaced.
create or replace temp macro withhold_phi(t varchar) as
    regexp_replace(t, '\b\d{3}-?\d{2}-?\d{4}\b|\b[Mm][Rr][Nn][-_ ]?\d+', '<withheld>', 'g')
