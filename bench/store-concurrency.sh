#!/bin/bash
# Issue 16: a 1.5 M-row import with readers in other processes, then five re-imports (file size after each).
# Usage: bench/store-concurrency.sh   (from the repository root, after `mvn -B -o -q -pl quantlstm-core -am compile`)
set -u
cd "$(dirname "$0")/.."
W=${TMPDIR:-/tmp}/quantlstm-store-bench; rm -rf "$W"; mkdir -p "$W"
(cd quantlstm-core && mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$W/cp.txt" -Dmdep.includeScope=runtime >/dev/null)
Q="java -Xmx2g -cp quantlstm-core/target/classes:$(cat "$W/cp.txt") org.quantlstm.cli.Main"
python3 - "$W" <<'PY'
import datetime, sys
for name, off in (('big', 0), ('big2', 0.5)):
    with open('%s/%s.csv' % (sys.argv[1], name), 'w') as f:
        f.write("Datetime,Ticker,Open,High,Low,Close,Volume\n")
        for k in range(10):
            t = datetime.datetime(2000, 1, 3); n = 0
            while n < 150000:
                if t.weekday() < 5:
                    c = 100 + (n % 1000) * 0.01 + off
                    f.write("%s,T%d,%.2f,%.2f,%.2f,%.2f,%d\n" % (t.strftime("%Y-%m-%d %H:%M:%S"), k, c, c + 1, c - 1, c, 1000 + n % 777))
                    n += 1
                t += datetime.timedelta(hours=1)
PY
D="$W/store"
echo "loadavg before: $(cat /proc/loadavg)"
$Q --data-dir "$D" data import quantlstm-core/src/test/resources/hostile/daily-data.csv --symbol KEEP >/dev/null 2>&1
s=$(date +%s.%N)
( $Q --data-dir "$D" data import "$W/big.csv" --interval 1h >"$W/imp.out" 2>&1; echo "import rc=$? $(echo "$(date +%s.%N) - $s" | bc) s" ) &
IMP=$!
for i in 1 2 3 4 5 6; do
  sleep 4
  a=$(date +%s.%N); $Q --data-dir "$D" data show KEEP --tail 0 >"$W/show$i.out" 2>&1; rc=$?
  echo "show$i rc=$rc took $(echo "$(date +%s.%N) - $a" | bc) s waited=$(grep -c 'waiting for the store' "$W/show$i.out")"
done
wait $IMP
tail -1 "$W/imp.out"
echo "size after import: $(stat -c %s "$D/market.duckdb")"
for f in big big big2 big big2; do
  a=$(date +%s.%N); $Q --data-dir "$D" data import "$W/$f.csv" --interval 1h >"$W/re.out" 2>&1; rc=$?
  echo "re-import $f rc=$rc took $(echo "$(date +%s.%N) - $a" | bc) s size $(stat -c %s "$D/market.duckdb")"
done
echo "loadavg after: $(cat /proc/loadavg)"
