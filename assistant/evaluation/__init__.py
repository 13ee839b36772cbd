"""Regression evals: load a JSONL dataset, ask every item, score, compare with a naive baseline, report, gate.

dataset → `Dataset` (items + unscorable) · scoring → per-turn checks · runner → `run(items, ask) -> RunResult`
baseline → `build_baseline(...)` · report → `write_report`, `compare` · thresholds → `check` · command → `register`
"""

from assistant.evaluation.dataset import Dataset, EvalItem, Unscorable, load_dataset
from assistant.evaluation.runner import ItemResult, RunResult, run

__all__ = ["Dataset", "EvalItem", "ItemResult", "RunResult", "Unscorable", "load_dataset", "run"]
