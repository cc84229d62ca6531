"""The seed notebook's sessionization method on local PySpark, for `npm run bench -- spark`.

Written for the benchmark from the seed's description (cells 3-6), not copied: join events to
the clinician dimension, lag() over a window partitioned by clinician and ordered by time, a
new-session flag when the gap in whole seconds exceeds the threshold, a running sum of the flag
as the session number, groupBy with first/min/max/count/collect_list, and a Delta overwrite.
The seed's own quirks are kept on purpose (ties in time are unordered, collect_list order is
whatever the shuffle gives): this measures the seed as written, not carelake's semantics.

usage: seed_sessionize.py EVENTS_DELTA_DIR DIM_DELTA_DIR OUT_DELTA_DIR
prints one JSON line: {"jvm_ms", "ms", "rows", "maxRssMB"}
"""

import json
import os
import resource
import sys
import time


def peak_rss_mb(pid: int) -> int:
    """Peak resident memory (VmHWM) of a live process, in MiB; 0 when unreadable."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def main() -> None:
    events_dir, dim_dir, out_dir = sys.argv[1:4]
    started = time.perf_counter()
    from delta import configure_spark_with_delta_pip
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql.window import Window

    builder = (
        SparkSession.builder.master("local[2]")
        .appName("seed-sessionization-bench")
        .config("spark.driver.memory", os.environ.get("CARELAKE_BENCH_SPARK_MEMORY", "8g"))
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        # The settings of scripts/spark-server.sh, so that the seed and carelake on Spark run on
        # the same Spark: 4 shuffle partitions for 2 cores, Delta state in 2 partitions.
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.databricks.delta.snapshotPartitions", "2")
        .config("spark.jars.ivy", os.environ.get("CARELAKE_SPARK_IVY", os.path.expanduser("~/.cache/carelake/ivy")))
    )
    spark = configure_spark_with_delta_pip(builder).getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    jvm_ready = time.perf_counter()

    events = spark.read.format("delta").load(events_dir)
    clinicians = spark.read.format("delta").load(dim_dir)
    joined = events.join(
        clinicians.select("clinician_id", "clinician_role", "session_threshold_minutes"),
        on="clinician_id",
        how="inner",
    )
    by_clinician = Window.partitionBy("clinician_id").orderBy("event_timestamp")
    flagged = (
        joined.withColumn("prev_ts", F.lag("event_timestamp", 1).over(by_clinician))
        .withColumn(
            "gap_seconds",
            F.when(F.col("prev_ts").isNull(), 0).otherwise(
                F.unix_timestamp("event_timestamp") - F.unix_timestamp("prev_ts")
            ),
        )
        .withColumn(
            "new_session",
            F.when(
                F.col("prev_ts").isNull()
                | (F.col("gap_seconds") > F.col("session_threshold_minutes") * 60),
                1,
            ).otherwise(0),
        )
        .withColumn("session_no", F.sum("new_session").over(by_clinician))
        .withColumn("session_id", F.concat(F.col("clinician_id"), F.lit("_S"), F.col("session_no")))
    )
    sessions = flagged.groupBy("session_id", "clinician_id").agg(
        F.first("clinician_role").alias("clinician_role"),
        F.first("session_threshold_minutes").alias("session_threshold_minutes"),
        F.min("event_timestamp").alias("session_start_time"),
        F.max("event_timestamp").alias("session_end_time"),
        F.count("*").alias("event_count"),
        F.collect_list("event_type").alias("event_types_in_session"),
    ).withColumn(
        "session_duration_seconds",
        F.unix_timestamp("session_end_time") - F.unix_timestamp("session_start_time"),
    )
    sessions.write.format("delta").mode("overwrite").save(out_dir)
    done = time.perf_counter()
    rows = spark.read.format("delta").load(out_dir).count()
    jvm_pid = spark.sparkContext._gateway.proc.pid  # the local JVM that py4j started
    rss = peak_rss_mb(jvm_pid) + resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    spark.stop()
    print(
        json.dumps(
            {
                "jvm_ms": (jvm_ready - started) * 1000,
                "ms": (done - jvm_ready) * 1000,
                "rows": rows,
                "maxRssMB": rss,
            }
        )
    )


if __name__ == "__main__":
    main()
