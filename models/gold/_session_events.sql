-- session_events(buckets, max_session_us) when sessions have no maximum length: exactly the
-- events of session_numbered (max_session_us is unused and null).
create or replace temp macro session_events(buckets /* array<bigint> */, max_session_us /* bigint */) as table
select * from session_numbered(buckets)
