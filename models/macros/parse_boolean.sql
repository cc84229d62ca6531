-- parse_boolean(value): true/false from true/false, t/f, yes/no, y/n, 1/0 (any case); NULL
-- otherwise. A typed Parquet BOOLEAN passes through.
create or replace temp macro parse_boolean(t varchar) as
    case
        when lower(t) in ('true', 't', 'yes', 'y', '1') then true
        when lower(t) in ('false', 'f', 'no', 'n', '0') then false
    end,
    (t boolean) as t
