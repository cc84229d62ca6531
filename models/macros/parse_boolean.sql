-- parse_boolean(text): true/false from true/false, t/f, yes/no, y/n, 1/0 (any case); NULL otherwise.
create or replace temp macro parse_boolean(t) as
    case
        when lower(t) in ('true', 't', 'yes', 'y', '1') then true
        when lower(t) in ('false', 'f', 'no', 'n', '0') then false
    end
