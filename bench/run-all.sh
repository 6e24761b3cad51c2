#!/usr/bin/env bash
# Re-measures the headline figures of docs/BENCHMARKS.md in one go. Run it on a quiet machine from the
# repository root: bash bench/run-all.sh [path to sp500_daily_2013_2025.csv.gz]  > bench-output.txt
set -euo pipefail
sp500="${1:-../shared/data/sp500_daily_2013_2025.csv.gz}"
mvn -q -B -o -DskipTests -pl quantlstm-core -am package
touch quantlstm-core/target/.built
(cd quantlstm-core && mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test)
c=quantlstm-core/target
cp="$c/classes:$c/test-classes:$(cat $c/cp.txt)"
export OMP_WAIT_POLICY=PASSIVE TORCH_CPP_LOG_LEVEL=ERROR
echo "## machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -m), $(date -u +%F), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "## features"; java -Xmx2g -cp "$cp" org.quantlstm.bench.FeaturesBench "$sp500" 2 5
echo "## bench training (1 thread, 3 repeats)"; ./quantlstm bench training --threads 1 --repeat 3 --cpu
echo "## bench training (2 threads, 3 repeats)"; ./quantlstm bench training --threads 2 --repeat 3 --cpu
echo "## bench backtest"; ./quantlstm bench backtest
echo "## store"; java -Xmx3g -cp "$cp" org.quantlstm.bench.StoreBench "$sp500" AAPL 3
echo "## cold data show"; for i in 1 2 3 4 5; do /usr/bin/time -f "%e s wall, %U s user" ./quantlstm --data-dir /tmp/qbench-empty data show SPY >/dev/null; done
echo "## run spy-analyser (wall, including training)"; /usr/bin/time -f "%e s wall, %U s user, %M KB max RSS" ./quantlstm run --no-progress --runs-dir /tmp/qbench-runs | tail -4
echo "## load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
# against PyTorch from Python (needs python3-torch; not part of CI): bash bench/compare.sh
