#!/usr/bin/env python
"""Calibrate the scope threshold: the share of a question's nouns the plan never mentions at which it is
declined as out of scope. Prints refusal precision / recall and pass rate per threshold; asserts nothing.

    python scripts/calibrate_refusals.py [--dataset evals/dataset.jsonl]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.settings import apply_offline_env  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dataset", default=str(ROOT / "evals" / "dataset.jsonl"))
    ap.add_argument("--ratios", default="0.25,0.34,0.5,0.67,0.75,1.01")
    args = ap.parse_args()
    apply_offline_env()
    from assistant.evaluation.dataset import load_dataset
    from assistant.evaluation.runner import run
    from assistant.service import Assistant

    bot = Assistant.load()
    dataset = load_dataset(args.dataset)
    print(f"{args.dataset}: {len(dataset.items)} items\n")
    print(f"{'unknown share ≥':>15} {'refusal P':>9} {'refusal R':>9} {'pass':>6}")
    for ratio in map(float, args.ratios.split(",")):
        bot.router.unknown_ratio = ratio
        m = run(dataset, bot.ask).overall.metrics
        print(f"{ratio:>15.2f} {m.get('refusal_precision') or 0:>9.3f} {m.get('refusal_recall') or 0:>9.3f} "
              f"{m.get('pass_rate') or 0:>6.3f}")


if __name__ == "__main__":
    main()
