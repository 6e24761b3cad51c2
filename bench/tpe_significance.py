#!/usr/bin/python3
"""Are two samplers' best values different, or is it the seeds? Reads the per-seed CSVs written by
`./quantlstm bench tpe --per-seed A.csv` and `bench/optuna_tpe.py --per-seed B.csv` (columns
function,sampler,seed,best_half,best) and prints, per function, sampler and budget, both medians, their
difference (A - B; negative = A found lower values, i.e. better, since both minimise), a two-sided permutation
p-value for that difference (20,000 random relabellings of the pooled seeds, fixed RNG seed) and a 95 %
bootstrap interval of it (20,000 resamples of each side). numpy only.
Usage: /usr/bin/python3 bench/tpe_significance.py ours.csv optuna.csv"""
import csv
import sys

import numpy as np


def load(path):
    out = {}
    with open(path) as fh:
        for r in csv.DictReader(fh):
            key = (r["function"], r["sampler"])
            out.setdefault(key, ([], []))
            out[key][0].append(float(r["best_half"]))
            out[key][1].append(float(r["best"]))
    return out


def compare(a, b, rng, n=20000):
    a, b = np.asarray(a), np.asarray(b)
    d = np.median(a) - np.median(b)
    pooled = np.concatenate([a, b])
    hits = 0
    for _ in range(n):
        p = rng.permutation(pooled)
        if abs(np.median(p[:len(a)]) - np.median(p[len(a):])) >= abs(d) - 1e-12:
            hits += 1
    boots = np.median(rng.choice(a, (n, len(a))), axis=1) - np.median(rng.choice(b, (n, len(b))), axis=1)
    lo, hi = np.percentile(boots, [2.5, 97.5])
    return d, (hits + 1) / (n + 1), lo, hi


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: tpe_significance.py OURS.csv OPTUNA.csv")
    ours, theirs = load(sys.argv[1]), load(sys.argv[2])
    rng = np.random.default_rng(12345)
    print("function sampler budget  median(ours) median(optuna)  diff  p(permutation)  95% bootstrap of diff")
    for key in ours:
        if key not in theirs:
            continue
        for col, label in ((0, "half"), (1, "full")):
            a, b = ours[key][col], theirs[key][col]
            d, p, lo, hi = compare(a, b, rng)
            print("%s %s %s  %.3f %.3f  %+.3f  p=%.2f  [%+.3f, %+.3f]  (%d vs %d seeds)" % (
                key[0], key[1], label, np.median(a), np.median(b), d, p, lo, hi, len(a), len(b)), flush=True)


if __name__ == "__main__":
    main()
