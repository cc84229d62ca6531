"""Shared helpers of the delta-rs interop scripts: canonical JSON values and safe exit.

Every value is rendered the way the TypeScript side renders DuckDB values, so rows compare as
JSON: integers and decimals as exact strings, floats as their shortest text, dates as ISO dates,
timestamps as UTC ISO instants with microseconds and `Z`, lists and structs recursively.
"""

import datetime
import json
import os
import sys

import pyarrow as pa


def canon(value, typ):
    """The canonical JSON value of one Arrow value of type `typ`."""
    if value is None:
        return None
    if pa.types.is_boolean(typ):
        return "true" if value else "false"
    if pa.types.is_integer(typ):
        return str(value)
    if pa.types.is_floating(typ):
        f = float(value)
        if f.is_integer() and abs(f) < 1e15:
            return str(int(f))
        return repr(f)
    if pa.types.is_decimal(typ):
        return format(value, "f")
    if pa.types.is_date(typ):
        return value.isoformat()
    if pa.types.is_timestamp(typ):
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if pa.types.is_list(typ) or pa.types.is_large_list(typ) or pa.types.is_list_view(typ):
        return [canon(v, typ.value_type) for v in value]
    if pa.types.is_struct(typ):
        return {typ.field(i).name: canon(value.get(typ.field(i).name), typ.field(i).type) for i in range(typ.num_fields)}
    if pa.types.is_binary(typ) or pa.types.is_large_binary(typ):
        return value.hex()
    return str(value)


def canon_rows(table):
    """Every row of a pyarrow Table as a dict of canonical values."""
    types = {f.name: f.type for f in table.schema}
    return [{k: canon(v, types[k]) for k, v in row.items()} for row in table.to_pylist()]


def emit(payload):
    """Prints the JSON result and exits at once (delta-rs may abort in interpreter shutdown)."""
    sys.stdout.write(json.dumps(payload, ensure_ascii=False))
    sys.stdout.write("\n")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
