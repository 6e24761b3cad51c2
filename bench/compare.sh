#!/usr/bin/env bash
# quantlstm against PyTorch from Python on the same networks, shapes, batch sizes and thread counts.
# Runs `quantlstm bench training` and bench/torch_reference.py alternately (ours first in odd rounds, Python
# first in even rounds), then prints per figure the median and the range (min-max) of each side and the ratio of
# the medians, by wall time and by process CPU time (the CPU figure moves less when the machine is shared).
#
# usage: bash bench/compare.sh [--rounds 5] [--threads "1 2"] [--networks spy-analyser,weekly-12] [--steps 20] [--wait spin|passive]
#
# Python: Debian's python3-torch (apt-get install python3-torch), run as /usr/bin/python3 (override: PYTHON=...).
# Its matrix products go through the system BLAS. Debian's default libblas3 is the netlib reference BLAS, about
# 10x slower than OpenBLAS for these networks; a fair reference needs OpenBLAS. If the system has no
# OpenBLAS (apt-get install libopenblas0-pthread), this script unpacks the .deb (apt-get download, no root
# needed) under target/openblas and points only the Python runs at it. --reference-blas keeps the system's BLAS.
# Both sides run with the same OpenMP wait setting, --wait spin (default: GOMP_SPINCOUNT=20000 with
# OMP_WAIT_POLICY unset, what the quantlstm launcher sets) or --wait passive (OMP_WAIT_POLICY=PASSIVE, the
# launcher's setting before 2026-12-07). With libgomp's own default (long spinning) Python at 2 threads collapsed
# to 3-30 samples/s on this shared 2-core machine (docs/BENCHMARKS.md); PY_OMP_WAIT_POLICY=ACTIVE reproduces that.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rounds=5; threads="1 2"; networks=""; steps=20; reference_blas=0; wait=spin
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2;;
    --threads) threads="$2"; shift 2;;
    --networks) networks="$2"; shift 2;;
    --steps) steps="$2"; shift 2;;
    --reference-blas) reference_blas=1; shift;;
    --wait) wait="$2"; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
case "$wait" in
  spin) wait_env=(GOMP_SPINCOUNT=20000); unset OMP_WAIT_POLICY ;;
  passive) wait_env=(OMP_WAIT_POLICY=PASSIVE) ;;
  *) echo "compare.sh: --wait spin|passive" >&2; exit 2;;
esac
py="${PYTHON:-/usr/bin/python3}"
"$py" -c 'import torch' 2>/dev/null || { echo "compare.sh: $py has no torch (apt-get install python3-torch)" >&2; exit 2; }
py_env=()
sys_openblas=/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3
if [[ $reference_blas == 0 && ! -e $sys_openblas ]]; then
  local_blas=target/openblas/usr/lib/x86_64-linux-gnu/openblas-pthread
  if [[ ! -e $local_blas/libblas.so.3 ]]; then
    mkdir -p target/openblas-deb
    (cd target/openblas-deb && apt-get download libopenblas0-pthread >/dev/null 2>&1) \
      && dpkg -x target/openblas-deb/libopenblas0-pthread_*.deb target/openblas \
      || echo "# could not fetch OpenBLAS; Python runs on the system BLAS" >&2
  fi
  [[ -e $local_blas/libblas.so.3 ]] && py_env+=("LD_LIBRARY_PATH=$(pwd)/$local_blas")
fi
./quantlstm --version >/dev/null   # builds the jar once, outside the timings
out=$(mktemp -d)
net_opt=(); [[ -n $networks ]] && net_opt=(--networks "$networks")
ours() { env "${wait_env[@]}" ./quantlstm bench training --threads "$1" --steps "$steps" --cpu "${net_opt[@]}" 2>/dev/null | sed 's/^/ours /'; }
python() {
  env "${py_env[@]}" "${wait_env[@]}" OPENBLAS_NUM_THREADS="$1" OMP_NUM_THREADS="$1" MKL_NUM_THREADS="$1" \
    ${PY_OMP_WAIT_POLICY:+OMP_WAIT_POLICY="$PY_OMP_WAIT_POLICY"} \
    "$py" bench/torch_reference.py --threads "$1" --steps "$steps" --cpu \
    ${networks:+--networks "$networks"} | sed 's/^/python /'
}
echo "# $(nproc) cores, $(uname -m), $(date -u '+%F %T') UTC, load at start $(cut -d' ' -f1-3 /proc/loadavg), wait: ${wait_env[*]}"
echo "# python: $("$py" -c 'import torch,sys; print("torch", torch.__version__, "python", sys.version.split()[0])'), BLAS: $(env "${py_env[@]}" "$py" -c '
import torch
for l in open("/proc/self/maps"):
    if "blas" in l:
        print(l.split()[-1]); break
')"
for r in $(seq 1 "$rounds"); do
  for t in $threads; do
    if (( r % 2 )); then ours "$t"; python "$t"; else python "$t"; ours "$t"; fi >> "$out/all.txt"
  done
  echo "# round $r done, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  echo "load $(cut -d' ' -f1 /proc/loadavg)" >> "$out/load.txt"
done
echo "# load average (1 min) after each round: $(cut -d' ' -f2 "$out/load.txt" | tr '\n' ' ')"
grep -v '^[a-z]* #' "$out/all.txt" | awk '
  function median(s,   a, n, i, j, t) { n = split(s, a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    lo = a[1]; hi = a[n]; return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  { side = $1; v = $(NF - 1); unit = $NF; key = ""; for (i = 2; i <= NF - 2; i++) key = key (i > 2 ? " " : "") $i
    k = key " " unit; vals[side, k] = vals[side, k] " " v; if (!(k in seen)) { seen[k] = 1; order[++n] = k } }
  END {
    printf "%-48s %-14s %22s %22s %7s\n", "figure", "unit", "quantlstm median (range)", "python median (range)", "ratio"
    for (i = 1; i <= n; i++) { k = order[i]; if (!(("ours", k) in vals) || !(("python", k) in vals)) continue
      m1 = median(vals["ours", k]); l1 = lo; h1 = hi; m2 = median(vals["python", k]); l2 = lo; h2 = hi
      u = k; sub(/.* /, "", u); f = k; sub(/ [^ ]*$/, "", f)
      printf "%-48s %-14s %9.1f (%5.0f-%5.0f) %9.1f (%5.0f-%5.0f) %6.2fx\n", f, u, m1, l1, h1, m2, l2, h2, m1 / m2 }
  }'
echo "# raw figures: $out/all.txt"
