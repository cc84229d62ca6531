"""Runs exported carelake notebooks (.ipynb) on a local PySpark session with delta-spark.

Usage: run_notebooks.py REQUEST_JSON, where the request is
  {"runs": [{"dir": str, "notebook": "carelake_run_all", "parameters": {...}}, ...]}
Each run executes the notebook's code cells in order, in a fresh namespace holding `spark`, with
the parameters assigned right after its `parameters`-tagged cell (as Fabric, Databricks jobs and
papermill do). The platforms' notebook-running API is provided as it behaves there:
`notebookutils.notebook.run(name, timeout, parameters)` (Fabric, also as `mssparkutils`) and
`dbutils.notebook.run("./name", timeout, parameters)` with `dbutils.widgets` (Databricks) run
the named notebook of the same folder the same way. One Spark session serves every run. Exit
code 0 when every run finished; otherwise the traceback is printed and the code is 1.
"""

import json
import os
import sys
import time
import traceback

from delta import configure_spark_with_delta_pip
from pyspark.sql import SparkSession


def start_spark():
    builder = (
        SparkSession.builder.master("local[2]")
        .appName("carelake-notebooks")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.driver.memory", "1g")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        # Tiny tables: the cost is fixed per query (see spark_worker.py).
        .config("spark.driver.extraJavaOptions", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1")
        .config("spark.sql.codegen.wholeStage", "false")
        .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
        .config("spark.sql.adaptive.enabled", "false")
        .config("spark.databricks.delta.snapshotPartitions", "1")
        .config("spark.sql.warehouse.dir", os.path.join(os.environ.get("CARELAKE_SPARK_DIR", "/tmp"), "warehouse"))
    )
    spark = configure_spark_with_delta_pip(builder).getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


class Widgets:
    """dbutils.widgets: values set by the caller win over the notebook's defaults."""

    def __init__(self, given):
        self.values = {k: str(v) for k, v in given.items()}

    def text(self, name, default, label=None):
        self.values.setdefault(name, default)

    def get(self, name):
        return self.values[name]


class Runner:
    def __init__(self, spark, folder):
        self.spark = spark
        self.folder = folder

    def run(self, name, timeout_seconds=0, parameters=None):
        name = name[2:] if name.startswith("./") else name
        started = time.time()
        execute(self.spark, os.path.join(self.folder, name + ".ipynb"), parameters or {})
        print(f"[{name}: {time.time() - started:.1f} s]", file=sys.stderr)
        return None


class Namespace:
    def __init__(self, runner):
        self.notebook = runner


class DbUtils:
    def __init__(self, runner, widgets):
        self.notebook = runner
        self.widgets = widgets


def execute(spark, path, parameters):
    with open(path, encoding="utf-8") as f:
        notebook = json.load(f)
    runner = Runner(spark, os.path.dirname(path))
    platform = notebook["metadata"]["kernelspec"]["name"]
    scope = {"spark": spark, "__name__": "__main__"}
    if platform == "synapse_pyspark":
        scope["notebookutils"] = Namespace(runner)
    else:
        scope["dbutils"] = DbUtils(runner, Widgets(parameters))
    for i, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        exec(compile(source, f"{os.path.basename(path)}[{i}]", "exec"), scope)  # noqa: S102 - the notebook under test
        if "parameters" in cell.get("metadata", {}).get("tags", []) and platform == "synapse_pyspark":
            scope.update(parameters)
    FAILED.extend(scope.get("FAILED_MODELS", []))


FAILED = []


def main():
    request = json.loads(sys.argv[1])
    # Notebook output (prints) goes to stderr; stdout stays for the final line.
    out = sys.stdout
    sys.stdout = sys.stderr
    spark = start_spark()
    try:
        for run in request["runs"]:
            execute(spark, os.path.join(run["dir"], run["notebook"] + ".ipynb"), run.get("parameters", {}))
    except Exception:  # noqa: BLE001 - reported to the test
        traceback.print_exc()
        out.write(json.dumps({"ok": False}) + "\n")
        spark.stop()
        sys.exit(1)
    out.write(json.dumps({"ok": True, "failed": FAILED}) + "\n")
    spark.stop()


main()
