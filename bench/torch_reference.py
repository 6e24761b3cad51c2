#!/usr/bin/env python3
"""PyTorch-from-Python reference for `quantlstm bench training`: the same four seed networks, the same shapes,
batch sizes, optimiser (Adam, MSE, global-norm clipping 1.0) and thread count, timed the same way.

Prints one figure a line, in the same format as `quantlstm bench training`, e.g.
    spy-analyser train batch=32 threads=1 263.1 samples/s
    spy-analyser infer batch=1024 threads=1 480.2 windows/s

Inputs are random (throughput does not depend on the values); quantlstm times real bundled windows of the same
shapes. Runs on Debian's python3-torch (apt-get install python3-torch); it is a benchmark, not a test.

usage: python3 bench/torch_reference.py [--threads N] [--steps 20] [--networks spy-analyser,weekly-12,...] [--cpu]

Set OPENBLAS_NUM_THREADS (or OMP_NUM_THREADS) to the same N: Debian's torch does its matrix products in the
system BLAS, whose thread pool torch.set_num_threads does not always control. bench/compare.sh does this.
"""
import argparse
import time

import torch
from torch import nn


class BiSeq(nn.Module):
    """An LSTM layer that returns the whole sequence (or its last step), like quantlstm's LstmLayer."""

    def __init__(self, inp, hidden, layers=1, bidirectional=False, dropout=0.0, sequences=True):
        super().__init__()
        self.lstm = nn.LSTM(inp, hidden, num_layers=layers, batch_first=True, bidirectional=bidirectional,
                            dropout=dropout)
        self.sequences = sequences
        self.bidirectional = bidirectional
        self.hidden = hidden

    def forward(self, x):
        out, (h, _) = self.lstm(x)
        if self.sequences:
            return out
        if self.bidirectional:  # forward's last step and the backward direction's state after the whole window
            return torch.cat([h[-2], h[-1]], dim=1)
        return h[-1]


def spy_analyser():
    return (60, 31), nn.Sequential(
        BiSeq(31, 128, bidirectional=True), nn.Dropout(0.2),
        BiSeq(256, 64, bidirectional=True), nn.Dropout(0.2),
        BiSeq(128, 32, sequences=False), nn.Dropout(0.2),
        nn.Linear(32, 16), nn.ReLU(), nn.Linear(16, 1))


def weekly12():
    return (24, 1), nn.Sequential(BiSeq(1, 256, layers=2, sequences=False), nn.Linear(256, 1))


def multi_asset():
    # the tuned network's largest configuration: 48 bars of price + RSI, LSTM 2 x 32, dropout 0.2 between layers
    return (48, 2), nn.Sequential(BiSeq(2, 32, layers=2, dropout=0.2, sequences=False), nn.Linear(32, 1))


def cross_sectional():
    # experiments/cross-sectional.yaml: lookback 20, 14 features, LSTM 32, dropout 0.1
    return (20, 14), nn.Sequential(BiSeq(14, 32, sequences=False), nn.Dropout(0.1), nn.Linear(32, 1))


NETWORKS = {"spy-analyser": spy_analyser, "weekly-12": weekly12, "multi-asset": multi_asset,
            "cross-sectional": cross_sectional}


def train_rate(model, shape, batch, steps, warmup):
    torch.manual_seed(1)
    xs = torch.rand(max(steps, warmup), batch, *shape)
    ys = torch.rand(max(steps, warmup), batch, 1)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.MSELoss()
    model.train()

    def step(i):
        opt.zero_grad()
        loss = loss_fn(model(xs[i]), ys[i])
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        return loss.item()

    for i in range(warmup):
        step(i)
    t0, c0 = time.perf_counter(), time.process_time()
    for i in range(steps):
        step(i)
    return steps * batch / (time.perf_counter() - t0), steps * batch / (time.process_time() - c0)


def infer_rate(model, shape, batch, windows):
    torch.manual_seed(2)
    x = torch.rand(windows, *shape)
    model.eval()
    with torch.no_grad():
        for _ in range(max(1, min(10, 2048 // batch))):  # warm-up, as quantlstm bench training
            model(x[:batch])
        t0, c0 = time.perf_counter(), time.process_time()
        for i in range(0, windows - batch + 1, batch):
            model(x[i:i + batch]).numpy()
        done = (windows // batch) * batch
        return done / (time.perf_counter() - t0), done / (time.process_time() - c0)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--steps", type=int, default=20, help="timed training steps per network")
    p.add_argument("--warmup", type=int, default=10, help="untimed training steps first (as quantlstm bench training)")
    p.add_argument("--windows", type=int, default=2048, help="windows per inference measurement")
    p.add_argument("--networks", default=",".join(NETWORKS))
    p.add_argument("--batches", default="32,1024", help="inference batch sizes")
    p.add_argument("--cpu", action="store_true", help="also print each figure per second of process CPU time")
    a = p.parse_args()

    def show(what, rates, unit):
        print(f"{what} threads={a.threads} {rates[0]:.1f} {unit}/s", flush=True)
        if a.cpu:
            print(f"{what} threads={a.threads} cpu {rates[1]:.1f} {unit}/cpu-s", flush=True)

    torch.set_num_threads(a.threads)
    for name in a.networks.split(","):
        shape, model = NETWORKS[name]()
        show(f"{name} train batch=32", train_rate(model, shape, 32, a.steps, a.warmup), "samples")
        for batch in (int(b) for b in a.batches.split(",")):
            show(f"{name} infer batch={batch}", infer_rate(model, shape, batch, max(a.windows, batch)), "windows")


if __name__ == "__main__":
    main()
