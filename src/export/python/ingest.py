# Bronze ingestion, as carelake's ingest-landing-dataset.ts: every new landing file of a dataset
# is staged, typed by the bronze model, its accepted rows appended to the bronze table (with the
# _bronze_* columns, partitioned by _bronze_load_date) and its refused rows (the model's
# _reject_reason, plus malformed CSV rows) appended to lh_bronze quarantine. Both writes carry
# the txn carelake uses (carelake/<model>/<file>#<content hash>, version 1), so a file already
# ingested, by these notebooks or by carelake itself, is not ingested twice.
from pyspark.sql import functions as F

LANDING = read_landing_listing()  # noqa: F821 - from the landing cell


@model_step  # noqa: F821
def ingest_landing(model, prefix, columns, typed, sql):
    files = list_landing_files(LANDING, prefix)  # noqa: F821
    for name, uri, fmt, digest in files:
        txn = (f"carelake/{model}/{name}#{digest}", 1)
        malformed = stage_file(uri, fmt, columns, typed)  # noqa: F821
        out = cached(run_sql(sql, {"source_time_zone": source_time_zone}))  # noqa: F821
        kept = out.where("_reject_reason IS NULL")
        accepted = kept.select(
            *[quote(c) for c in kept.columns if c not in ("_line", "_reject_reason", "_reject_detail", "_raw")],  # noqa: F821
            F.lit(INGESTED_AT).cast("timestamp").alias("_bronze_ingested_at"),  # noqa: F821
            F.lit(name).cast("string").alias("_bronze_source_file"),
            F.lit(BATCH_ID).cast("string").alias("_bronze_batch_id"),  # noqa: F821
            F.col("_line").cast("bigint").alias("_bronze_row"),
            F.lit(LOAD_DATE).cast("date").alias("_bronze_load_date"),  # noqa: F821
        )
        write_table(accepted, "lh_bronze", model, "append", ["_bronze_load_date"], txn=txn)  # noqa: F821
        refused = out.where("_reject_reason IS NOT NULL").select(
            "_reject_reason", "_reject_detail", "_raw", F.lit(name).alias("_source_file")
        ).unionByName(
            malformed.select(
                F.lit("malformed_row").alias("_reject_reason"),
                F.col("_detail").alias("_reject_detail"),
                "_raw",
                F.lit(name).alias("_source_file"),
            )
        )
        write_quarantine("lh_bronze", model, refused, txn=txn)  # noqa: F821
        rows_in = out.count() + malformed.count()
        rejected = count_by_reason(refused)  # noqa: F821
        print(f"{model} ← {name}: {rows_in} rows in = {rows_in - sum(rejected.values())} loaded + {sum(rejected.values())} quarantined {rejected or ''}")
        uncache(out)
    if not table_exists("lh_bronze", model):  # noqa: F821
        # No landing file yet: the table still exists (empty), so downstream models bind.
        empty = ", ".join(f"CAST(NULL AS STRING) AS {quote(c)}" for c in columns)  # noqa: F821
        spark.sql(f"SELECT CAST(NULL AS BIGINT) AS _line, {empty} WHERE false").createOrReplaceTempView("staged")  # noqa: F821
        model_rows = run_sql(sql, {"source_time_zone": source_time_zone}).drop("_line", "_reject_reason", "_reject_detail", "_raw")  # noqa: F821
        empty_table = model_rows.select(
            "*",
            F.lit(None).cast("timestamp").alias("_bronze_ingested_at"),
            F.lit(None).cast("string").alias("_bronze_source_file"),
            F.lit(None).cast("string").alias("_bronze_batch_id"),
            F.lit(None).cast("bigint").alias("_bronze_row"),
            F.lit(None).cast("date").alias("_bronze_load_date"),
        )
        write_table(empty_table, "lh_bronze", model, "append", ["_bronze_load_date"])  # noqa: F821
        print(f"{model}: no landing file yet, created empty")
