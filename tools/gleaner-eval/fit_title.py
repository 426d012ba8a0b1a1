#!/usr/bin/env python3
"""Fits the weights of copied text's title (TITLE_WEIGHTS in src/text/title.rs).

    cargo run --release -p gleaner-eval -- --input text \\
        --title-features /tmp/title.tsv tests/data/copied/wcxb
    python3 tools/gleaner-eval/fit_title.py /tmp/title.tsv

The rows are the lines gleaner scores as each half-A page's title (half B
is never written). The model is a conditional logit: on each page, the
probability of a line being the title is the softmax of its score, and the
weights maximise the expected title's probability (gradient descent, with
a small L2 penalty). It prints the pages it gets right, in sample and by
two-fold cross-validation within half A, and the weights as Rust.
Needs numpy.
"""
import hashlib
import sys
from collections import defaultdict

import numpy as np

L2, ITERATIONS, RATE = 0.001, 800, 0.5


def read(path):
    pages = defaultdict(lambda: ([], []))
    for line in open(path, encoding="utf-8"):
        page, label, features, _ = line.rstrip("\n").split("\t", 3)
        pages[page][0].append([float(x) for x in features.split(",")])
        pages[page][1].append(float(label))
    return {p: (np.array(x), np.array(y)) for p, (x, y) in pages.items()}


def fit(pages):
    data = [(x, y / y.sum()) for x, y in pages.values() if y.sum() > 0]
    w = np.zeros(data[0][0].shape[1])
    for _ in range(ITERATIONS):
        grad = np.zeros_like(w)
        for x, y in data:
            s = x @ w
            p = np.exp(s - s.max())
            grad += x.T @ (p / p.sum() - y)
        w -= RATE * (grad / len(data) + L2 * w)
    return w


def right(w, pages):
    return sum(int(y[int(np.argmax(x @ w))] > 0) for x, y in pages.values())


def main():
    pages = read(sys.argv[1])
    fold = {p: int(hashlib.sha1(p.encode()).hexdigest()[1], 16) % 2 for p in pages}
    halves = [{p: v for p, v in pages.items() if fold[p] == k} for k in (0, 1)]
    crossed = right(fit(halves[0]), halves[1]) + right(fit(halves[1]), halves[0])
    w = fit(pages)
    reachable = sum(int(y.sum() > 0) for _, y in pages.values())
    print(f"pages {len(pages)}, expected title among the lines {reachable}")
    print(f"right: in sample {right(w, pages)}, two-fold cross-validation {crossed}")
    print("const TITLE_WEIGHTS: [f32; TITLE_FEATURES] = [")
    print("    " + ", ".join(f"{x:.3}" for x in w) + ",")
    print("];")


if __name__ == "__main__":
    main()
