#!/usr/bin/env bash
# Search quality of quantlstm's samplers next to Optuna's, same protocol: Branin and Hartmann-6 minimised,
# seeds 0..N-1, one fresh study per seed, one worker; median (and quartiles) of the best value after T/2 and T
# trials; then, per function and sampler, whether the two tools' medians differ by more than the seeds explain
# (permutation p-value and bootstrap interval, bench/tpe_significance.py). Needs Debian's python3-optuna (and
# python3-cmaes for Optuna's CMA-ES).
# Usage, from the repository root: bash bench/tpe-side-by-side.sh [SEEDS] [TRIALS]   (defaults 20 100)
set -euo pipefail
seeds="${1:-20}"
trials="${2:-100}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "## machine: $(nproc) cores, $(uname -m), $(date -u '+%F %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "## quantlstm: ./quantlstm bench tpe --seeds $seeds --trials $trials"
./quantlstm bench tpe --seeds "$seeds" --trials "$trials" --per-seed "$tmp/ours.csv"
echo "## Optuna: /usr/bin/python3 bench/optuna_tpe.py --seeds $seeds --trials $trials"
/usr/bin/python3 bench/optuna_tpe.py --seeds "$seeds" --trials "$trials" --per-seed "$tmp/optuna.csv"
echo "## medians compared (budget half = $((trials / 2)) trials, full = $trials; diff < 0: quantlstm lower = better)"
/usr/bin/python3 bench/tpe_significance.py "$tmp/ours.csv" "$tmp/optuna.csv"
