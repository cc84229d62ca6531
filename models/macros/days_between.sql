-- days_between(start, end): whole days from one DATE to another, as a BIGINT (negative when end
-- is before start).
create or replace temp macro days_between(a, b) as b - a
