#!/usr/bin/env python
"""Calibrate the verdict's thresholds (Settings: answer_coverage, out_of_scope_known, row_coverage,
en_unknown_weight, complement_coverage) on eval sets.

For each value of one threshold (the others at their settings), runs the sets and prints refusal precision and
recall and pass rate, then the value with the best pass rate among those keeping refusal P and R ≥ --floor (the
middle of a plateau of equal scores). Asserts nothing: the chosen values go into Settings by hand, with the
table in the README.

    python scripts/calibrate_verdict.py --sets dataset,holdout,blind-a --knob answer_coverage --values 0.4,0.5,0.6
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.settings import apply_offline_env  # noqa: E402

KNOBS = ("answer_coverage", "out_of_scope_known", "row_coverage", "figure_text_coverage", "en_unknown_weight",
         "complement_coverage")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="dataset,holdout,blind-a", help="eval files under evals/, without .jsonl")
    ap.add_argument("--knob", choices=KNOBS, default="answer_coverage")
    ap.add_argument("--values", default="0.4,0.45,0.5,0.55,0.6,0.65")
    ap.add_argument("--floor", type=float, default=0.9, help="refusal precision and recall to keep")
    args = ap.parse_args()
    apply_offline_env()
    from assistant.embeddings import get_embeddings
    from assistant.evaluation.dataset import load_dataset
    from assistant.evaluation.runner import aggregate, run
    from assistant.ingest import ingest
    from assistant.service import Assistant
    from assistant.settings import get_settings

    base = get_settings()
    knowledge = ingest(base, get_embeddings(base.embedding_backend, base.embedding_model))
    sets = {name: load_dataset(ROOT / "evals" / f"{name}.jsonl") for name in args.sets.split(",")}
    print(f"{args.knob} on {', '.join(f'{k} ({len(v.items)})' for k, v in sets.items())}; now {getattr(base, args.knob)}\n")
    print(f"{args.knob:>20} {'refusal P':>9} {'refusal R':>9} {'pass':>6}  " + "  ".join(f"{k:>8}" for k in sets))
    rows = []
    for value in map(float, args.values.split(",")):
        bot = Assistant(base.model_copy(update={args.knob: value}), knowledge)
        results = {name: run(ds, bot.ask) for name, ds in sets.items()}
        m = aggregate([i for r in results.values() for i in r.items]).metrics
        p, r, ok = m.get("refusal_precision") or 0, m.get("refusal_recall") or 0, m.get("pass_rate") or 0
        rows.append((value, p, r, ok))
        per = "  ".join(f"{res.overall.metrics['pass_rate']:>8.3f}" for res in results.values())
        print(f"{value:>20.2f} {p:>9.3f} {r:>9.3f} {ok:>6.3f}  {per}")
    keep = [x for x in rows if x[1] >= args.floor and x[2] >= args.floor] or rows
    best = max(x[3] for x in keep)
    plateau = [x[0] for x in keep if x[3] == best]
    print(f"\nbest pass rate {best:.3f} at {args.knob} = {plateau[len(plateau) // 2]:.2f} (plateau {plateau})")


if __name__ == "__main__":
    main()
