"""Reads Delta tables with delta-rs and prints what it sees, as JSON on stdout.

Usage: read_tables.py '<json request list>'
Each request is {"path": str, "version": int | null, "appIds": [str] (optional), "probe": bool
(optional)}. For each, the answer has the version
delta-rs loaded, the Delta schema (JSON), the Arrow type of every column, the rows (canonical
values, see delta_rs_common.canon), the live files with their record counts, and the versions in
the history, the txn version of each asked application id, and with
"probe" the result of filtering on every value (see probe); or {"error": message} when delta-rs cannot load it.
"""

import json
import sys

import pyarrow as pa
import pyarrow.dataset as ds
from deltalake import DeltaTable

from delta_rs_common import canon_rows, emit


PROBED = (pa.types.is_integer, pa.types.is_floating, pa.types.is_decimal, pa.types.is_date,
          pa.types.is_timestamp, pa.types.is_string, pa.types.is_boolean)


def probe(dt, table):
    """Filters delta-rs's dataset (which prunes files by their add.stats and partition values)
    on every value and on NULL of every primitive column; a count that differs from the rows
    holding that value means the file statistics or partition values lie."""
    dataset = dt.to_pyarrow_dataset()
    failures = []
    count = 0
    rows = table.to_pylist()
    for f in table.schema:
        if not any(is_type(f.type) for is_type in PROBED):
            continue
        values = [r[f.name] for r in rows]
        for value in {v for v in values if v is not None and v == v}:
            want = sum(1 for v in values if v == value)
            got = dataset.to_table(filter=ds.field(f.name) == pa.scalar(value, f.type)).num_rows
            count += 1
            if got != want:
                failures.append({"column": f.name, "value": str(value), "want": want, "got": got})
        want = sum(1 for v in values if v is None)
        got = dataset.to_table(filter=ds.field(f.name).is_null()).num_rows
        count += 1
        if got != want:
            failures.append({"column": f.name, "value": None, "want": want, "got": got})
    return {"probes": count, "probeFailures": failures}


def read_one(request):
    try:
        dt = DeltaTable(request["path"], version=request.get("version"))
        table = dt.to_pyarrow_table()
        adds = pa.table(dt.get_add_actions(flatten=True))
        files = [
            {"path": row["path"], "numRecords": row.get("num_records")}
            for row in adds.select([c for c in ("path", "num_records") if c in adds.column_names]).to_pylist()
        ]
        return {
            "path": request["path"],
            "version": dt.version(),
            "schema": json.loads(dt.schema().to_json()),
            "partitionColumns": list(dt.metadata().partition_columns),
            "arrow": {f.name: str(f.type) for f in table.schema},
            "rows": canon_rows(table),
            "files": files,
            "history": sorted(h["version"] for h in dt.history()),
            "txns": {app: dt.transaction_version(app) for app in request.get("appIds", [])},
            **(probe(dt, table) if request.get("probe") else {}),
        }
    except Exception as error:  # noqa: BLE001 - reported to the test, which decides
        return {"path": request["path"], "version": request.get("version"), "error": f"{type(error).__name__}: {error}"}


def main():
    requests = json.loads(sys.argv[1])
    emit([read_one(r) for r in requests])


main()
