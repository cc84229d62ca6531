"""Writes Delta tables with delta-rs for carelake to read, and prints what it made as JSON.

Usage: write_tables.py <folder>
Makes two tables under <folder>:
  checkpointed  every column type, appends, an overwrite, and two delta-rs checkpoints;
  partitioned   partitioned by a string, a date and an int with special-character, unicode,
                empty and null values; appends, a predicate overwrite, a full overwrite and
                two checkpoints.
Prints {"tables": {name: path}, "latest": {name: version}, "timeTravel": {name: [{timestampMs,
version}]}} where each time-travel entry is the version delta-rs loads as of that instant.
"""

import datetime
import os
import sys
import time
from decimal import Decimal

import pyarrow as pa
from deltalake import DeltaTable, write_deltalake

from delta_rs_common import emit

UTC = datetime.timezone.utc

ALL_TYPES = pa.schema(
    [
        ("id", pa.int64()),
        ("name", pa.string()),
        ("amount", pa.float64()),
        ("day", pa.date32()),
        ("ts", pa.timestamp("us", tz="UTC")),
        ("dec", pa.decimal128(10, 2)),
        ("tags", pa.list_(pa.int64())),
        ("st", pa.struct([("a", pa.int32()), ("b", pa.string())])),
        ("flag", pa.bool_()),
    ]
)

PARTITIONED = pa.schema(
    [("id", pa.int64()), ("p", pa.string()), ("pd", pa.date32()), ("pi", pa.int32()), ("v", pa.string())]
)


def all_types_rows(ids):
    rows = []
    for i in ids:
        rows.append(
            {
                "id": i,
                "name": None if i % 5 == 4 else f"name {i} ü",
                "amount": None if i % 4 == 3 else i * 1.25,
                "day": datetime.date(2024, 1, 1) + datetime.timedelta(days=i),
                "ts": datetime.datetime(2024, 1, 1, 8, 30, tzinfo=UTC) + datetime.timedelta(microseconds=i * 1_000_001),
                "dec": Decimal(i * 7) / Decimal(4) if i % 3 else None,
                "tags": [i, i + 1] if i % 2 == 0 else [],
                "st": {"a": i, "b": f"s{i}"} if i % 3 != 2 else None,
                "flag": i % 2 == 0,
            }
        )
    return pa.Table.from_pylist(rows, schema=ALL_TYPES)


def partitioned_rows(rows):
    return pa.Table.from_pylist(
        [dict(zip(("id", "p", "pd", "pi", "v"), r)) for r in rows], schema=PARTITIONED
    )


def pause():
    # Commits a few milliseconds apart, so that time travel between them is unambiguous.
    time.sleep(0.03)


def time_travel(path):
    dt = DeltaTable(path)
    stamps = sorted((h["version"], h["timestamp"]) for h in dt.history())
    probes = []
    for (_, t0), (_, t1) in zip(stamps, stamps[1:]):
        probes.append((t0 + t1) // 2)
    probes.append(stamps[-1][1] + 1000)
    out = []
    for ms in probes:
        dt = DeltaTable(path)
        dt.load_as_version(datetime.datetime.fromtimestamp(ms / 1000, tz=UTC))
        out.append({"timestampMs": ms, "version": dt.version()})
    return out


def make_checkpointed(path):
    write_deltalake(path, all_types_rows([1, 2, 3]), mode="error")
    for k in range(1, 6):
        pause()
        write_deltalake(path, all_types_rows([10 + k]), mode="append")
    DeltaTable(path).create_checkpoint()  # at version 5
    pause()
    write_deltalake(path, all_types_rows([20, 21]), mode="append")
    pause()
    big = all_types_rows([100, 101, 102, 103])
    big = big.set_column(0, "id", pa.array([100, 9007199254740993, -9007199254740993, 103], pa.int64()))
    write_deltalake(path, big, mode="overwrite")
    pause()
    write_deltalake(path, all_types_rows([104]), mode="append")
    DeltaTable(path).create_checkpoint()  # at version 8
    pause()
    write_deltalake(path, all_types_rows([105, 106]), mode="append")
    return DeltaTable(path).version()


def make_partitioned(path):
    d1, d2, d3 = datetime.date(2024, 1, 1), datetime.date(2024, 1, 2), datetime.date(2024, 1, 3)
    write_deltalake(
        path,
        partitioned_rows(
            [
                (1, "a/b=c %x", d1, 1, "r1"),
                (2, "quote'", None, None, "r2"),
                (3, "Zürich", d2, 2, "r3"),
                (4, None, d1, 3, "r4"),
                (5, "", None, 4, "r5"),
                (6, "a b+c?d#e&f:g*h", d3, -1, "r6"),
                (7, "日本", d3, 0, "r7"),
            ]
        ),
        partition_by=["p", "pd", "pi"],
        mode="error",
    )
    pause()
    write_deltalake(path, partitioned_rows([(8, "a/b=c %x", d1, 1, "r8"), (9, None, None, None, "r9")]), mode="append")
    pause()
    write_deltalake(
        path, partitioned_rows([(10, "Zürich", d2, 2, "r10")]), mode="overwrite", predicate="p = 'Zürich'"
    )
    pause()
    write_deltalake(path, partitioned_rows([(11, "quote'", d2, 7, "r11")]), mode="append")
    DeltaTable(path).create_checkpoint()  # at version 3
    pause()
    write_deltalake(path, partitioned_rows([(12, "%25", d1, 8, "r12"), (13, "", d1, None, "r13")]), mode="append")
    pause()
    write_deltalake(
        path,
        partitioned_rows([(20, "x/y", d1, 1, "r20"), (21, None, None, None, "r21"), (22, "Zürich", d3, 2, "r22")]),
        mode="overwrite",
    )
    DeltaTable(path).create_checkpoint()  # at version 5
    pause()
    write_deltalake(path, partitioned_rows([(23, "a/b=c %x", d2, 3, "r23")]), mode="append")
    return DeltaTable(path).version()


def main():
    folder = sys.argv[1]
    tables = {"checkpointed": os.path.join(folder, "checkpointed"), "partitioned": os.path.join(folder, "partitioned")}
    latest = {
        "checkpointed": make_checkpointed(tables["checkpointed"]),
        "partitioned": make_partitioned(tables["partitioned"]),
    }
    emit({"tables": tables, "latest": latest, "timeTravel": {n: time_travel(p) for n, p in tables.items()}})


main()
