-- first_problem(list of [code, detail] pairs or NULLs): the first non-NULL problem, so a row is
-- quarantined for the first rule it breaks, in the order the model lists them.
create or replace temp macro first_problem(problems) as
    list_filter(problems, p -> p is not null)[1]
