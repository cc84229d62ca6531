"""One local Spark session with delta-spark, driven over stdin/stdout by the Spark interop tests.

A JVM takes seconds to start, so a test file starts this once and sends it many requests, one
JSON object per line on stdin; each gets one JSON line on stdout:
  {"id": n, "op": "read", "path": str, "options": {"versionAsOf": "3", ...}, "where": str|null}
  {"id": n, "op": "readMany", "reads": [<read request>, ...]}  (answers: [<answer>, ...])
  {"id": n, "op": "sql", "statements": [str, ...]}      (rows of the last statement)
  {"id": n, "op": "write", "path": str, "mode": "append"|"overwrite", "sql": str}
Answers are {"id": n, "ok": true, "columns": [[name, spark type]], "schema": <Spark schema
JSON>, "rows": [canonical row, ...]} or {"id": n, "ok": false, "error": "Class: message"}. Rows
use the canonical values of delta_rs_common (exact integer and decimal strings, UTC instants with
microseconds and `Z`), so they compare with carelake's as JSON. End of input stops Spark.

The session is local[2] with a small heap. delta-spark's jars come from Maven Central through
Ivy on first use and are cached in Spark's Ivy folder (~/.ivy2.5.2 by default).
"""

import datetime
import decimal
import json
import os
import sys
import traceback
from concurrent.futures import ThreadPoolExecutor

from pyspark.sql import SparkSession, types as T
from delta import configure_spark_with_delta_pip


def start_spark():
    builder = (
        SparkSession.builder.master("local[2]")
        .appName("carelake-interop")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.driver.memory", "1g")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.showConsoleProgress", "false")
        # Tables here are tiny: the cost is fixed per query, so cut it. C1-only JIT and no code
        # generation (interpreted expressions, no Janino compiles), no adaptive re-planning, and
        # Delta's state reconstruction in one partition instead of 50 (a read went from ~5 s to ~1 s).
        .config("spark.driver.extraJavaOptions", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1")
        .config("spark.sql.codegen.wholeStage", "false")
        .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
        .config("spark.sql.adaptive.enabled", "false")
        .config("spark.databricks.delta.snapshotPartitions", "1")
        .config("spark.sql.warehouse.dir", os.path.join(os.environ.get("CARELAKE_SPARK_DIR", "/tmp"), "warehouse"))
        # Tests vacuum and travel freely; retention checks are Spark's safety net, not interop.
        .config("spark.databricks.delta.retentionDurationCheck.enabled", "false")
    )
    spark = configure_spark_with_delta_pip(builder).getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def canon(value, typ):
    """The canonical JSON value of one collected Spark value of Spark type `typ`."""
    if value is None:
        return None
    if isinstance(typ, T.BooleanType):
        return "true" if value else "false"
    if isinstance(typ, (T.ByteType, T.ShortType, T.IntegerType, T.LongType)):
        return str(value)
    if isinstance(typ, (T.FloatType, T.DoubleType)):
        f = float(value)
        if f.is_integer() and abs(f) < 1e15:
            return str(int(f))
        return repr(f)
    if isinstance(typ, T.DecimalType):
        return format(decimal.Decimal(value), "f")
    if isinstance(typ, T.DateType):
        return value.isoformat()
    if isinstance(typ, (T.TimestampType, T.TimestampNTZType)):
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(typ, T.ArrayType):
        return [canon(v, typ.elementType) for v in value]
    if isinstance(typ, T.StructType):
        return {f.name: canon(value[f.name], f.dataType) for f in typ.fields}
    if isinstance(typ, T.MapType):
        return [[canon(k, typ.keyType), canon(v, typ.valueType)] for k, v in value.items()]
    if isinstance(typ, T.BinaryType):
        return bytes(value).hex()
    return str(value)


def answer(df):
    fields = df.schema.fields
    rows = [{f.name: canon(row[i], f.dataType) for i, f in enumerate(fields)} for row in df.collect()]
    return {
        "columns": [[f.name, f.dataType.simpleString()] for f in fields],
        "schema": json.loads(df.schema.json()),
        "rows": rows,
    }


def read(spark, request):
    reader = spark.read.format("delta")
    for key, value in (request.get("options") or {}).items():
        reader = reader.option(key, value)
    df = reader.load(request["path"])
    if request.get("where"):
        df = df.where(request["where"])
    return answer(df)


def handle(spark, request):
    op = request["op"]
    if op == "read":
        return read(spark, request)
    if op == "readMany":
        # Small reads are latency-bound (planning, log replay): a few at once keep both cores busy.
        with ThreadPoolExecutor(max_workers=3) as pool:
            return {"answers": list(pool.map(lambda r: read(spark, r), request["reads"]))}
    if op == "sql":
        df = None
        for statement in request["statements"]:
            df = spark.sql(statement)
        return answer(df) if df is not None else {"rows": []}
    if op == "write":
        df = spark.sql(request["sql"])
        df.write.format("delta").mode(request["mode"]).save(request["path"])
        return {"rows": []}
    raise ValueError(f"unknown op {op}")


def main():
    # The protocol keeps the real stdout; everything else (the JVM inherits fd 1, Ivy prints its
    # resolution report) goes to stderr, so no stray line can corrupt an answer.
    out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    spark = start_spark()
    out.write(json.dumps({"id": 0, "ok": True, "ready": spark.version}) + "\n")
    out.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        try:
            reply = {"id": request["id"], "ok": True, **handle(spark, request)}
        except Exception as error:  # noqa: BLE001 - reported to the test, which decides
            message = str(error).strip().splitlines()
            reply = {
                "id": request["id"],
                "ok": False,
                "error": f"{type(error).__name__}: {' '.join(message[:6])}",
                "trace": traceback.format_exc()[-2000:],
            }
        out.write(json.dumps(reply, ensure_ascii=False) + "\n")
        out.flush()
    spark.stop()


main()
