#!/usr/bin/env bash
# Old / current / new sweep engines in ONE JVM, alternating sweep by sweep (each jar in its own class loader),
# timed by the worker thread's CPU time: under other processes' load the comparison holds better than separate
# JVMs timed by the wall clock. Usage: bench/sweep-ab/run.sh name=/path/to/quantlstm.jar ... (each jar with its
# lib/ beside it). -Drounds=N (default 9) timed sweeps per engine after 3 warm-ups; -Donly=BINARY etc. one method.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac -d "$work" "$here/AB.java"
args=()
props=()
for a in "$@"; do
  case "$a" in
    -D*) props+=("$a") ;;
    *=*) name=${a%%=*}; jar=${a#*=}
         mkdir -p "$work/$name"
         javac -cp "$jar" -d "$work/$name" "$here/Runner.java"
         args+=("$name=$work/$name:$jar") ;;
  esac
done
echo "# $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx3g "${props[@]}" -cp "$work" AB "${args[@]}"
echo "# $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
