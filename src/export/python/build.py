# Silver and gold builds, as carelake's build-model-table.ts, hospital/run-hospital-pipeline.ts and
# sessions/*: every model is rebuilt in full (overwrite, taking the model's schema). A model with
# a _reject_reason column writes its accepted rows to the table and its refused rows to the
# layer's quarantine; a model over a bronze feed keeps the latest delivery of each key, and the
# earlier deliveries go to quarantine as `superseded` (ranked by _bronze_ingested_at,
# _bronze_source_file, _bronze_row, newest first). A layer's quarantine rows of a model are
# replaced on each build, so re-running a notebook never duplicates them.
from pyspark.sql import functions as F
from pyspark.sql import types as T

CLINICIAN_BUCKETS = 16
REFUSED_COLUMNS = ["_reject_reason", "_reject_detail", "_raw"]


def ordered(df, order_by):
    if not order_by:
        return df
    df.createOrReplaceTempView("carelake_model_output")
    return spark.sql(f"SELECT * FROM carelake_model_output ORDER BY {order_by}")  # noqa: F821


def rank_superseded(bronze_table, key):
    """The earlier deliveries of every key delivered more than once, as the temp view `superseded`."""
    k = quote(key)  # noqa: F821
    bronze = "${lh_bronze.dbo." + bronze_table + "}"
    ranked = run_sql(  # noqa: F821
        f"""SELECT * FROM (
              SELECT *, row_number() OVER (PARTITION BY {k} ORDER BY _bronze_ingested_at DESC, _bronze_source_file DESC, _bronze_row DESC) AS recency
              FROM {bronze}
              WHERE xxhash64({k}) IN (SELECT xxhash64({k}) FROM {bronze} GROUP BY 1 HAVING count(*) > 1)
            ) WHERE recency > 1"""
    )
    cached(ranked).createOrReplaceTempView("superseded")  # noqa: F821


@model_step  # noqa: F821
def build_model(lakehouse, model, sql, params=None, superseded=None, order_by=None, partition_by=None):
    """Rebuilds lakehouse.dbo.model from its SQL; quarantines its refused and superseded rows."""
    if superseded:
        rank_superseded(*superseded)
    out = cached(run_sql(sql, params))  # noqa: F821
    rejects = "_reject_reason" in out.columns
    accepted = out.where("_reject_reason IS NULL").drop(*REFUSED_COLUMNS) if rejects else out
    write_table(ordered(accepted, order_by), lakehouse, model, "overwrite", partition_by)  # noqa: F821
    refused = []
    if rejects:
        refused.append(
            out.where("_reject_reason IS NOT NULL").select(*REFUSED_COLUMNS, F.col("_bronze_source_file").alias("_source_file"))
        )
    if superseded:
        rows = spark.table("superseded")  # noqa: F821
        refused.append(
            rows.select(
                F.lit("superseded").alias("_reject_reason"),
                F.concat(F.col(quote(superseded[1])).cast("string"), F.lit(" was delivered again later; the latest delivery is kept")).alias(  # noqa: F821
                    "_reject_detail"
                ),
                duckdb_json(rows).alias("_raw"),  # noqa: F821
                F.col("_bronze_source_file").alias("_source_file"),
            )
        )
    counts = {}
    if refused:
        union = refused[0]
        for more in refused[1:]:
            union = union.unionByName(more)
        write_quarantine(lakehouse, model, union, replace=True)  # noqa: F821
        counts = count_by_reason(union)  # noqa: F821
    print(f"{lakehouse}.dbo.{model}: {accepted.count()} rows{', quarantined ' + str(counts) if counts else ''}")
    uncache(out)


@model_step  # noqa: F821
def build_silver_emr_events(repeats_sql, sql):
    """silver emr_events in full from every bronze event (carelake's first or --full-refresh run)."""
    bronze = read_table("lh_bronze", "bronze_emr_events")  # noqa: F821
    bronze.createOrReplaceTempView("new_bronze_events")
    bronze.select("event_id").limit(0).createOrReplaceTempView("prior_event_ids")
    cached(run_sql(repeats_sql)).createOrReplaceTempView("emr_event_repeats")  # noqa: F821
    out = cached(run_sql(sql, {"bucket_count": CLINICIAN_BUCKETS}))  # noqa: F821
    accepted = out.where("_reject_reason IS NULL").drop(*REFUSED_COLUMNS)
    write_table(accepted, "lh_silver", "emr_events", "overwrite", ["clinician_bucket"])  # noqa: F821
    refused = out.where("_reject_reason IS NOT NULL").select(*REFUSED_COLUMNS, F.col("_bronze_source_file").alias("_source_file"))
    write_quarantine("lh_silver", "emr_events", refused, replace=True)  # noqa: F821
    print(f"lh_silver.dbo.emr_events: {accepted.count()} rows, quarantined {count_by_reason(refused)}")  # noqa: F821
    uncache(out)


@model_step  # noqa: F821
def ensure_drg_weights(sql, csv_text):
    """lh_silver.dbo.ref_ms_drg_weights from carelake's shipped CSV, unless the table exists."""
    import csv
    import io

    if table_exists("lh_silver", "ref_ms_drg_weights"):  # noqa: F821
        print("lh_silver.dbo.ref_ms_drg_weights: kept (it exists)")
        return
    records = list(csv.reader(io.StringIO(csv_text.strip())))
    header, rows = records[0], [r for r in records[1:] if r]
    schema = T.StructType([T.StructField(h, T.StringType()) for h in header])
    spark.createDataFrame(rows, schema).createOrReplaceTempView("drg_weights_csv")  # noqa: F821
    build_model("lh_silver", "ref_ms_drg_weights", sql, order_by="drg_code")
