# Expectations, as carelake's quality/evaluate-expectations.ts and write-expectation-results.ts:
# every model's declared rules (not_null, unique, range, accepted_values, row), checked on its
# table after the run, one row per table, column and rule appended to
# lh_gold.dbo.dq_expectation_results with the run's id and time. A breach is recorded, never
# raised: the run's tables stay written, and the results table says what to look at.
from pyspark.sql import functions as F


def failure_count(e):
    """A column expression counting the rows that break rule e (one aggregation per table)."""
    if e["rule"] == "row":
        return F.sum(F.when(~F.coalesce(F.expr(e["sql"]), F.lit(True)), 1).otherwise(0))
    column = F.col(quote(e["column"]))  # noqa: F821
    if e["rule"] == "not_null":
        return F.sum(F.when(column.isNull(), 1).otherwise(0))
    if e["rule"] == "unique":
        # Each NULL and each extra copy of a value: count(*) - count(DISTINCT col).
        return F.count(F.lit(1)) - F.countDistinct(column)
    if e["rule"] == "range":
        low = column < F.lit(e["min"]) if e.get("min") is not None else F.lit(False)
        high = column > F.lit(e["max"]) if e.get("max") is not None else F.lit(False)
        return F.sum(F.when(low | high, 1).otherwise(0))
    if e["rule"] == "accepted_values":
        return F.sum(F.when(column.isNotNull() & ~column.cast("string").isin(list(e["values"])), 1).otherwise(0))
    raise ValueError(f"unknown expectation rule {e['rule']}")


def write_expectation_results(expectations):
    """expectations: [(lakehouse, table, [rule, ...])] in carelake's table order."""
    rows = []
    for lakehouse, name, rules in expectations:
        if not rules or not table_exists(lakehouse, name):  # noqa: F821
            continue
        counts = read_table(lakehouse, name).agg(  # noqa: F821
            *[F.coalesce(failure_count(e), F.lit(0)).alias(f"r{i}") for i, e in enumerate(rules)]
        ).first()
        for i, e in enumerate(rules):
            failures = counts[f"r{i}"]
            rows.append((f"{lakehouse}.dbo.{name}", e["column"], e["rule"], e["level"], int(failures)))
            if failures and e["level"] == "error":
                print(f"expectation breached: {lakehouse}.dbo.{name}.{e['column']} {e['rule']}: {failures} row(s)")
    results = spark.createDataFrame(  # noqa: F821
        rows, "table_name string, column_name string, rule string, level string, failures bigint"
    ).select(
        F.lit(BATCH_ID).cast("string").alias("run_id"),  # noqa: F821
        F.lit(INGESTED_AT).cast("timestamp").alias("evaluated_at"),  # noqa: F821
        "table_name",
        "column_name",
        "rule",
        "level",
        "failures",
        (F.col("failures") == 0).alias("passed"),
    )
    write_table(  # noqa: F821
        ordered(results, "table_name, column_name, rule"),  # noqa: F821
        "lh_gold",
        "dq_expectation_results",
        "append",
        txn=(f"carelake/dq_expectation_results/{BATCH_ID}", 1),  # noqa: F821
    )
    print(f"lh_gold.dbo.dq_expectation_results: {len(rows)} result(s), {sum(1 for r in rows if r[4])} breached")
