#!/usr/bin/python3
"""Optuna's side of `bench/tpe-side-by-side.sh`: the same functions, seeds and trial counts as
`./quantlstm bench tpe`, printed in the same line format. Run with Debian's python3 (python3-optuna,
python3-cmaes): /usr/bin/python3 bench/optuna_tpe.py --seeds 20 --trials 100"""
import argparse
import math
import statistics
import time
import warnings

import numpy as np
import optuna

warnings.filterwarnings("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)

ALPHA = [1.0, 1.2, 3.0, 3.2]
A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
P = [[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
     [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]]


def branin(t):
    x1 = t.suggest_float("x1", -5, 10)
    x2 = t.suggest_float("x2", 0, 15)
    b, c, s = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - s) * math.cos(x1) + 10


def hartmann6(t):
    x = [t.suggest_float("x%d" % j, 0, 1) for j in range(6)]
    return -sum(ALPHA[i] * math.exp(-sum(A[i][j] * (x[j] - P[i][j]) ** 2 for j in range(6))) for i in range(4))


SAMPLERS = {
    "random": lambda seed: optuna.samplers.RandomSampler(seed=seed),
    "tpe": lambda seed: optuna.samplers.TPESampler(seed=seed),
    "tpe-multivariate": lambda seed: optuna.samplers.TPESampler(seed=seed, multivariate=True),
    "cmaes": lambda seed: optuna.samplers.CmaEsSampler(seed=seed),
}


def quartiles(v):
    q = np.percentile(v, [25, 50, 75])
    return q[0], q[1], q[2]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=20)
    ap.add_argument("--trials", type=int, default=100)
    ap.add_argument("--functions", default="branin,hartmann6")
    ap.add_argument("--samplers", default="random,tpe,tpe-multivariate,cmaes")
    ap.add_argument("--per-seed", default=None, help="also write every seed's best values to this CSV "
                    "(function,sampler,seed,best_half,best), as ./quantlstm bench tpe --per-seed does")
    a = ap.parse_args()
    rows = ["function,sampler,seed,best_half,best"]
    half = a.trials // 2
    print("optuna %s, numpy %s, %d seeds, %d trials" % (optuna.__version__, np.__version__, a.seeds, a.trials))
    for fname in a.functions.split(","):
        f = {"branin": branin, "hartmann6": hartmann6}[fname]
        for sname in a.samplers.split(","):
            at_half, at_end = [], []
            t0 = time.perf_counter()
            for seed in range(a.seeds):
                study = optuna.create_study(sampler=SAMPLERS[sname](seed))
                study.optimize(f, n_trials=a.trials)
                vals = [t.value for t in study.trials]
                at_half.append(min(vals[:half]))
                at_end.append(min(vals))
                rows.append("%s,%s,%d,%.17g,%.17g" % (fname, sname, seed, at_half[-1], at_end[-1]))
            ms = (time.perf_counter() - t0) * 1000 / (a.seeds * a.trials)
            q1, med, q3 = quartiles(at_end)
            print("%s %s median@%d=%.3f median@%d=%.3f q1@%d=%.3f q3@%d=%.3f ms/trial=%.2f   [optuna]" % (
                fname, sname, half, statistics.median(at_half), a.trials, med, a.trials, q1, a.trials, q3, ms),
                flush=True)
    if a.per_seed:
        with open(a.per_seed, "w") as fh:
            fh.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
