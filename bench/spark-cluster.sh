#!/usr/bin/env bash
# A Spark standalone cluster on this machine (one master, two 1-core workers on 127.0.0.1) and a spark-submit of
# the assembly jar to it, as on a real cluster: the workers have only Spark's jars, the application reaches the
# executors inside the assembly jar. Without a Spark installation, SPARK_HOME is made from the module's Maven
# dependencies (Spark 4.0.1, Scala 2.13) and spark-submit is `java -cp "$SPARK_HOME/jars/*" ...SparkSubmit`, the
# command the spark-submit script runs.
# Usage: bash bench/spark-cluster.sh [run arguments...]   (default: run weekly-12 --epochs 1 on 3 stocks)
set -euo pipefail
cd "$(dirname "$0")/.."
W=${TMPDIR:-/tmp}/quantlstm-spark-cluster
rm -rf "$W"; mkdir -p "$W/home/jars" "$W/work1" "$W/work2"
[[ -f quantlstm-spark/target/quantlstm-spark-assembly.jar ]] || mvn -q -B -DskipTests package
[[ -f quantlstm-spark/target/spark-classpath.txt ]] || mvn -q -B -DskipTests -Dquantlstm.assembly.skip=true package
tr ':' '\n' < quantlstm-spark/target/spark-classpath.txt | while read -r j; do ln -s "$j" "$W/home/jars/"; done
# ...and those Spark shares with the application (Maven lists them under the application's scope)
for j in quantlstm-spark/target/lib/{slf4j-api,jackson-annotations,jackson-core,jackson-databind,commons-codec,commons-compress,commons-io,commons-logging}-[0-9]*.jar; do
  ln -sf "$PWD/$j" "$W/home/jars/"
done
# Spark's log binding (left out of the application, which logs nowhere)
log4j=$(ls ~/.m2/repository/org/apache/logging/log4j/log4j-slf4j2-impl/*/log4j-slf4j2-impl-*.jar 2>/dev/null | tail -1 || true)
[[ -z "$log4j" ]] || ln -sf "$log4j" "$W/home/jars/"
export SPARK_HOME="$W/home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 OMP_WAIT_POLICY=PASSIVE
opens="-XX:+IgnoreUnrecognizedVMOptions"
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done
spark=(java -Xmx512m $opens -cp "$SPARK_HOME/jars/*")
port=${SPARK_MASTER_PORT:-7177}
"${spark[@]}" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0 >"$W/master.log" 2>&1 &
pids=($!)
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null' EXIT
up=0
for i in $(seq 1 240); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && { up=1; break; }; sleep 0.5; done
[[ $up == 1 ]] || { echo "the master did not start; see $W/master.log" >&2; exit 1; }
for w in 1 2; do
  "${spark[@]}" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 1g --webui-port 0 \
    --work-dir "$W/work$w" "spark://127.0.0.1:$port" >"$W/worker$w.log" 2>&1 &
  pids+=($!)
done
args=("$@")
[[ ${#args[@]} -gt 0 ]] || args=(run weekly-12 --engine spark --epochs 1 --no-progress --set data.tickers=TSLA,NVDA,PEP
  --set portfolio.history_start=2020-01-01 --set portfolio.max_weight=0.6 --runs-dir "$W/runs")
echo "cluster: spark://127.0.0.1:$port, 2 workers x 1 core; logs in $W" >&2
/usr/bin/time -f "spark-submit: %e s wall" java -Xmx2g $opens -Dai.djl.offline=true -Djava.awt.headless=true \
  -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit --master "spark://127.0.0.1:$port" \
  --conf spark.driver.host=127.0.0.1 --conf spark.executor.memory=1g --conf spark.cores.max=2 \
  --class org.quantlstm.spark.SparkMain quantlstm-spark/target/quantlstm-spark-assembly.jar "${args[@]}"
