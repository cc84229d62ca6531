#!/usr/bin/env bash
# A local Spark Connect server with Delta Lake, for the Spark engine's tests and for development.
#
#   bash scripts/spark-server.sh start    start it (unless it already answers) and wait for its port
#   bash scripts/spark-server.sh stop     stop it (TERM, then KILL after a grace period)
#   bash scripts/spark-server.sh status   say whether it runs; exit 0 when it does and answers
#   bash scripts/spark-server.sh remote   print its connection string, token included
#                                         (sc://localhost:PORT/;token=…), for CARELAKE_SPARK_REMOTE
#
# It runs the Spark of the project's venv (pyspark, see scripts/requirements-test.txt: the Spark
# Connect server jar ships in pyspark/jars), with the Delta jar matching the venv's delta-spark and
# Spark versions (io.delta:delta-spark_<spark major.minor>_2.13:<delta>) resolved from Maven Central into an
# Ivy cache that outlives the clone (so CI downloads it once per machine), on local[2] with a
# modest driver memory, bound to loopback only; a result stream is closed after 4 MiB (Spark's
# default is 1 GiB), so clients reattach on every large result, as they must on a real cluster. It requires a bearer token (CARELAKE_SPARK_TOKEN,
# else a random one kept in .spark/server-PORT.token, readable by its owner only); Spark reads it
# from SPARK_CONNECT_AUTHENTICATE_TOKEN, so it never shows in the process list. Environment:
#   CARELAKE_SPARK_PORT         port (default 15002); one server per port, so several can coexist
#   CARELAKE_SPARK_IVY          Ivy cache (default ~/.cache/carelake/ivy)
#   CARELAKE_SPARK_MEMORY       driver memory (default 2g)
#   CARELAKE_SPARK_TOKEN        bearer token clients must present (default: a random one)
#   CARELAKE_SPARK_WAIT         seconds to wait for the port (default 300: the first start downloads jars)
# State (pid file, log, warehouse) lives in .spark/ (git-ignored); the log is .spark/server-PORT.log.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${CARELAKE_SPARK_PORT:-15002}
ivy=${CARELAKE_SPARK_IVY:-$HOME/.cache/carelake/ivy}
memory=${CARELAKE_SPARK_MEMORY:-2g}
wait_seconds=${CARELAKE_SPARK_WAIT:-300}
state=$PWD/.spark
pid_file=$state/server-$port.pid
log_file=$state/server-$port.log
token_file=$state/server-$port.token

port_answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

running_pid() {
  [ -f "$pid_file" ] || return 1
  local pid
  pid=$(cat "$pid_file")
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

spark_home() {
  if [ ! -x .venv/bin/python ]; then
    echo "spark-server: no .venv; run bash scripts/setup-python.sh first" >&2
    exit 1
  fi
  .venv/bin/python -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))'
}

# The Delta artifact built for the venv's Spark, as delta-spark's own pip helper names it.
delta_package() {
  .venv/bin/python -c 'import importlib.metadata as m; s = m.version("pyspark").split("."); d = m.version("delta-spark"); print(f"io.delta:delta-spark_{s[0]}.{s[1]}_2.13:{d}")'
}

java_home() {
  if [ -n "${JAVA_HOME:-}" ]; then echo "$JAVA_HOME"; return; fi
  local java
  java=$(command -v java) || { echo "spark-server: no java on PATH; install Java 17 (apt-get install openjdk-17-jre-headless)" >&2; exit 1; }
  dirname "$(dirname "$(readlink -f "$java")")"
}

start() {
  if pid=$(running_pid) && port_answers; then
    echo "spark-server: already running (pid $pid) at sc://127.0.0.1:$port"
    return
  fi
  if port_answers; then
    echo "spark-server: port $port is taken by another process; pick another with CARELAKE_SPARK_PORT=…" >&2
    exit 1
  fi
  mkdir -p "$state" "$ivy"
  (umask 077 && printf '%s' "${CARELAKE_SPARK_TOKEN:-$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')}" >"$token_file")
  local home package started
  home=$(spark_home)
  package=$(delta_package)
  started=$(date +%s)
  # setsid: the server gets its own process group, so stop can end the JVM and its launcher.
  SPARK_HOME=$home JAVA_HOME=$(java_home) SPARK_LOCAL_IP=127.0.0.1 TZ=UTC \
    SPARK_CONNECT_AUTHENTICATE_TOKEN=$(cat "$token_file") \
    setsid "$home/bin/spark-submit" \
    --class org.apache.spark.sql.connect.service.SparkConnectServer \
    --name carelake-spark-connect \
    --master 'local[2]' \
    --driver-memory "$memory" \
    --packages "$package" \
    --conf "spark.jars.ivy=$ivy" \
    --conf spark.connect.grpc.binding.address=127.0.0.1 \
    --conf "spark.connect.grpc.binding.port=$port" \
    --conf spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension \
    --conf spark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog \
    --conf spark.sql.session.timeZone=UTC \
    --conf spark.driver.host=127.0.0.1 \
    --conf spark.driver.bindAddress=127.0.0.1 \
    --conf spark.ui.enabled=false \
    --conf spark.sql.shuffle.partitions=4 \
    --conf spark.databricks.delta.snapshotPartitions=2 \
    --conf spark.connect.execute.reattachable.senderMaxStreamSize=4m \
    --conf "spark.sql.warehouse.dir=$state/warehouse-$port" \
    --conf "spark.driver.extraJavaOptions=-Duser.timezone=UTC -Dderby.system.home=$state/derby-$port" \
    </dev/null >"$log_file" 2>&1 &
  echo $! >"$pid_file"
  local pid=$!
  local deadline=$((started + wait_seconds))
  while ! port_answers; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "spark-server: the server exited while starting; the end of $log_file:" >&2
      tail -n 30 "$log_file" >&2
      rm -f "$pid_file"
      exit 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "spark-server: no answer on port $port after ${wait_seconds}s; stopping it. The end of $log_file:" >&2
      tail -n 30 "$log_file" >&2
      stop
      exit 1
    fi
    sleep 1
  done
  echo "spark-server: started (pid $pid) at sc://127.0.0.1:$port in $(($(date +%s) - started))s; log $log_file"
}

stop() {
  local pid
  if ! pid=$(running_pid); then
    rm -f "$pid_file"
    echo "spark-server: not running on port $port"
    return
  fi
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pid_file" "$token_file"
  echo "spark-server: stopped (pid $pid)"
}

status() {
  local pid
  if pid=$(running_pid) && port_answers; then
    echo "spark-server: running (pid $pid) at sc://127.0.0.1:$port"
  elif port_answers; then
    echo "spark-server: port $port answers, but not a server started here"
    return 2
  else
    echo "spark-server: not running on port $port"
    return 1
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  remote)
    # localhost: Spark's rule lets a token travel without TLS only to localhost (loopback).
    echo "sc://localhost:$port/;token=$(cat "$token_file" 2>/dev/null || echo missing-start-the-server)"
    ;;
  *)
    echo "usage: bash scripts/spark-server.sh start|stop|status|remote (port: CARELAKE_SPARK_PORT, default 15002)" >&2
    exit 2
    ;;
esac
