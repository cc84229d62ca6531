# Where the lakehouse tables live, and how they are read and written. Model SQL names a table
# as ${lh_silver.dbo.emr_events}; resolve_sql turns that into this cluster's name for it: the
# lakehouse table itself (Fabric: lh_silver.dbo.emr_events; Databricks: the catalog.schema the
# parameters map lh_silver to), or, when lake_root is set, the Delta folder
# <lake_root>/lh_silver.Lakehouse/Tables/dbo/emr_events (the OneLake layout, so an abfss://
# OneLake root or a local copy of a carelake lake both work). Writes go through Spark's own
# Delta writer; a txn (app id, version) makes a repeated write a no-op, as in carelake.
import datetime
import json
import re
import uuid

from pyspark.sql import functions as F

spark.conf.set("spark.sql.session.timeZone", "UTC")  # noqa: F821 - the notebook's session
spark.conf.set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")  # noqa: F821
spark.conf.set("spark.sql.jsonGenerator.ignoreNullFields", "false")  # noqa: F821
try:
    # carelake (and delta-rs) read these tables too: no deletion vectors on new tables. Some
    # clusters (Databricks serverless) do not let a notebook set it: the tables then follow the
    # workspace's default.
    spark.conf.set("spark.databricks.delta.properties.defaults.enableDeletionVectors", "false")  # noqa: F821
except Exception as error:  # noqa: BLE001 - reported, not fatal
    print(f"note: deletion vectors follow the cluster's default ({type(error).__name__})")

# Parameters arrive as text from widgets and notebook.run: type them once here.
staffed_beds = int(staffed_beds)  # noqa: F821
continue_on_error = str(continue_on_error).lower() in ("true", "1", "yes")  # noqa: F821
max_session_minutes = None if str(max_session_minutes) in ("", "None", "null") else int(max_session_minutes)  # noqa: F821
SCHEMAS = json.loads(lakehouse_schemas) if isinstance(lakehouse_schemas, str) else lakehouse_schemas  # noqa: F821
BATCH_ID = batch_id or str(uuid.uuid4())  # noqa: F821
INGESTED_AT = (
    datetime.datetime.fromisoformat(ingested_at.replace("Z", "+00:00"))  # noqa: F821
    if ingested_at  # noqa: F821
    else datetime.datetime.now(datetime.timezone.utc)
).astimezone(datetime.timezone.utc)
LOAD_DATE = INGESTED_AT.date()
TABLE_PLACEHOLDER = re.compile(r"\$\{(lh_[A-Za-z0-9_]+)\.([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)\}")


FAILED_MODELS = []


def model_step(build):
    """A model build; with continue_on_error, a failure is reported and the notebook goes on."""

    def step(*args, **kwargs):
        try:
            return build(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 - reported, or raised again
            if not continue_on_error:  # noqa: F821
                raise
            table = {
                "build_model": lambda: f"{args[0]}.dbo.{args[1]}",
                "ingest_landing": lambda: f"lh_bronze.dbo.{args[0]}",
                "build_silver_emr_events": lambda: "lh_silver.dbo.emr_events",
                "ensure_drg_weights": lambda: "lh_silver.dbo.ref_ms_drg_weights",
            }[build.__name__]()
            message = " ".join(str(error).strip().splitlines()[:1])[:400]
            FAILED_MODELS.append({"model": table, "error": f"{type(error).__name__}: {message}"})
            print(f"FAILED {table}: {type(error).__name__}: {message}")

    return step


def cached(df):
    """df cached for the passes over it, where the cluster caches (Databricks serverless does not)."""
    try:
        return df.cache()
    except Exception:  # noqa: BLE001 - no cache: each pass recomputes, with the same result
        return df


def uncache(df):
    try:
        df.unpersist()
    except Exception:  # noqa: BLE001 - nothing was cached
        pass


def duckdb_timestamp_text(column, offset=True):
    """A timestamp as DuckDB prints it: 2025-03-26 14:53:51.12+00 (fraction without trailing zeros)."""
    return F.concat(
        F.date_format(column, "yyyy-MM-dd HH:mm:ss"),
        F.regexp_replace(F.date_format(column, ".SSSSSS"), r"\.?0+$", ""),
        F.lit("+00" if offset else ""),
    )


def quote(name):
    return "`" + name.replace("`", "``") + "`"


def table_path(lakehouse, name):
    return f"{lake_root.rstrip('/')}/{lakehouse}.Lakehouse/Tables/dbo/{name}"  # noqa: F821


def table_name(lakehouse, name):
    return ".".join(quote(part) for part in SCHEMAS[lakehouse].split(".") + [name])


def table_sql(lakehouse, name):
    """How Spark SQL names lakehouse.dbo.name on this cluster."""
    return f"delta.{quote(table_path(lakehouse, name))}" if lake_root else table_name(lakehouse, name)  # noqa: F821


def resolve_sql(sql):
    return TABLE_PLACEHOLDER.sub(lambda m: table_sql(m.group(1), m.group(3)), sql)


def run_sql(sql, args=None):
    return spark.sql(resolve_sql(sql), args=args or {})  # noqa: F821


def table_exists(lakehouse, name):
    if lake_root:  # noqa: F821
        try:
            spark.read.format("delta").load(table_path(lakehouse, name)).schema  # noqa: F821
            return True
        except Exception:  # noqa: BLE001 - not a Delta table (yet)
            return False
    return spark.catalog.tableExists(table_name(lakehouse, name))  # noqa: F821


def read_table(lakehouse, name):
    if lake_root:  # noqa: F821
        return spark.read.format("delta").load(table_path(lakehouse, name))  # noqa: F821
    return spark.read.table(table_name(lakehouse, name))  # noqa: F821


def write_table(df, lakehouse, name, mode, partition_by=None, replace_where=None, txn=None):
    """Writes df to lakehouse.dbo.name with Delta; an overwrite takes df's schema, as carelake's does."""
    writer = df.write.format("delta").mode(mode)
    if partition_by:
        writer = writer.partitionBy(*partition_by)
    if replace_where:
        writer = writer.option("replaceWhere", replace_where)
    elif mode == "overwrite":
        writer = writer.option("overwriteSchema", "true")
    if txn:
        writer = writer.option("txnAppId", txn[0]).option("txnVersion", str(txn[1]))
    if lake_root:  # noqa: F821
        writer.save(table_path(lakehouse, name))
    else:
        writer.saveAsTable(table_name(lakehouse, name))


def write_quarantine(lakehouse, source_table, refused, txn=None, replace=False):
    """Appends refused rows (_reject_reason, _reject_detail, _raw, _source_file) to the layer's
    quarantine; replace swaps this source table's earlier rows (layers rebuilt in full)."""
    rows = refused.select(
        F.lit(source_table).cast("string").alias("_source_table"),
        F.col("_reject_reason").cast("string").alias("_reject_reason"),
        F.col("_reject_detail").cast("string").alias("_reject_detail"),
        F.col("_raw").cast("string").alias("_raw"),
        F.col("_source_file").cast("string").alias("_source_file"),
        F.lit(BATCH_ID).cast("string").alias("_batch_id"),
        F.lit(INGESTED_AT).cast("timestamp").alias("_ingested_at"),
    )
    where = "_source_table = '" + source_table.replace("'", "''") + "'"
    if replace:
        write_table(rows, lakehouse, "quarantine", "overwrite", ["_source_table"], replace_where=where, txn=txn)
    else:
        write_table(rows, lakehouse, "quarantine", "append", ["_source_table"], txn=txn)


def count_by_reason(refused):
    return {r["_reject_reason"]: r["n"] for r in refused.groupBy("_reject_reason").agg(F.count("*").alias("n")).collect()}
