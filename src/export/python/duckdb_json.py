# A row as carelake's DuckDB engine writes it with to_json(row): timestamps as
# "2025-03-26 14:53:51.12+00" (fraction without trailing zeros, UTC offset), decimals as JSON
# numbers, nulls kept. Used for the _raw of superseded deliveries, which carelake builds with
# to_json over the bronze row, so the quarantine holds the same text on both engines.
from pyspark.sql import functions as F


def duckdb_json(df):
    values = []
    for field in df.schema.fields:
        column = F.col(quote(field.name))  # noqa: F821 - from the tables cell
        kind = field.dataType.simpleString()
        if kind == "timestamp":
            column = duckdb_timestamp_text(column)  # noqa: F821 - from the tables cell
        elif kind.startswith("decimal"):
            column = column.cast("double")
        values.append(column.alias(field.name))
    return F.to_json(F.struct(*values), {"ignoreNullFields": "false"})
