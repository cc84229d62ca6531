-- timestamp_text(instant): the text DuckDB gives an instant in UTC, and in JSON:
-- '2024-01-01 10:00:00+00', with the fraction's trailing zeros cut ('…10:00:00.12+00'). For a
-- model's `_raw`: Spark's to_json would write '2024-01-01T10:00:00.000Z'.
create or replace temp macro timestamp_text(ts) as cast(ts as varchar)
