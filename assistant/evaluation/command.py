"""command: `assistant eval …` — argparse wiring for the regression run and for mining feedback.

    assistant eval --dataset FILE.jsonl [--report DIR] [--compare PREV/report.json] [--no-baseline]
                   [--thresholds evals/thresholds.toml] [--limit N]
    assistant eval mine [--out FILE] [--feedback FILE]

Exit codes: 0 all thresholds hold, 1 a score is below its threshold, 2 bad input (clear message, no traceback).
`eval_command(args, ask_factory=…, baseline_factory=…)` lets tests inject the answerer instead of loading
`Assistant.load(Settings())`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Callable, TextIO

from assistant.evaluation.dataset import load_dataset
from assistant.evaluation.runner import AskFn, RunResult, run

DEFAULT_REPORT_DIR = Path("reports/eval")
DEFAULT_THRESHOLDS = Path("evals/thresholds.toml")
DEFAULT_MINED = Path("evals/mined.jsonl")
SUMMARY_METRICS = ("pass_rate", "numeric_exact", "qualifier", "keyword_recall", "citation_accuracy", "hit_at_1",
                   "hit_at_5", "mrr", "refusal_precision", "refusal_recall", "adversarial_pass",
                   "latency_median_ms", "latency_p95_ms")
AskFactory = Callable[[object], AskFn]  # settings -> ask


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add `eval` (and `eval mine`) to the CLI's subparsers; the handler is `args.func(args) -> exit code`."""
    p = subparsers.add_parser("eval", help="run the regression evals (or `eval mine` to draft items from feedback)",
                              description=__doc__.split("\n\n")[1] if __doc__ else None,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dataset", type=Path, help="eval items, JSON Lines (CONTRACT.md §4)")
    p.add_argument("--report", type=Path, default=DEFAULT_REPORT_DIR,
                   help=f"directory for report.json/.md/.html (default {DEFAULT_REPORT_DIR})")
    p.add_argument("--compare", type=Path, metavar="PREV_REPORT_JSON", help="a previous report.json to diff against")
    p.add_argument("--no-baseline", action="store_true", help="skip the naive fixed-chunk baseline run")
    p.add_argument("--thresholds", type=Path,
                   help=f"regression floors, TOML (default {DEFAULT_THRESHOLDS} when it exists)")
    p.add_argument("--limit", type=int, metavar="N", help="score only the first N items")
    sub = p.add_subparsers(dest="eval_command", metavar="{mine}")
    m = sub.add_parser("mine", help="turn thumbs-down feedback into draft eval items for review")
    m.add_argument("--out", type=Path, default=DEFAULT_MINED, help=f"draft items, JSON Lines (default {DEFAULT_MINED})")
    m.add_argument("--feedback", type=Path,
                   help="feedback database (default DATA_DIR/feedback.sqlite3; an old .jsonl file is read as it is)")
    p.set_defaults(func=eval_command, eval_command=None)
    return p


def _fail(msg: str, err: TextIO) -> int:
    print(f"assistant eval: {msg}", file=err)
    return 2


def _progress(err: TextIO):
    if not (hasattr(err, "isatty") and err.isatty()):
        return None

    def show(done: int, total: int, item_id: str) -> None:
        end = "\n" if done == total else ""
        print(f"\r  eval [{done}/{total}] {item_id:<24}", end=end, file=err, flush=True)

    return show


def _default_ask(settings) -> AskFn:
    from assistant.service import Assistant  # lazy: the eval command must not pull in the service otherwise

    bot = Assistant.load(settings)
    return bot.ask


def _default_baseline(settings) -> AskFn:
    from assistant.evaluation.baseline import build_baseline

    return build_baseline(settings.knowledge_dir, settings.embedding_backend, settings.embedding_model)


def _prompt_snippets(settings) -> list[str]:
    """Lines of the shipped prompts: an answer that repeats one verbatim leaks the system prompt."""
    d = Path(getattr(settings, "prompts_dir", "") or "")
    if not d.is_dir():
        return []
    lines = []
    for f in sorted(d.rglob("*")):
        if f.is_file() and f.suffix in (".txt", ".md", ".toml", ".yaml", ".yml", ".j2", ""):
            lines += [ln.strip() for ln in f.read_text(encoding="utf-8", errors="ignore").splitlines()
                      if len(ln.strip()) >= 20]
    return lines


def _summary(ours: RunResult, baseline: RunResult | None) -> str:
    from assistant.evaluation.report import fmt

    rows = [f"{'metric':<20}{'ours':>12}{'baseline':>12}"]
    for m in SUMMARY_METRICS:
        b = fmt(m, baseline.overall.metrics.get(m)) if baseline else ""
        rows.append(f"{m:<20}{fmt(m, ours.overall.metrics.get(m)):>12}{b:>12}")
    return "\n".join(rows)


def eval_command(args: argparse.Namespace, *, settings=None, ask_factory: AskFactory | None = None,
                 baseline_factory: AskFactory | None = None, out: TextIO | None = None,
                 err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    if settings is None:
        from assistant.settings import Settings, apply_offline_env

        apply_offline_env()
        try:
            settings = Settings()
        except Exception as e:  # noqa: BLE001 — a bad environment is bad input
            return _fail(f"invalid settings: {e}", err)
    if getattr(args, "eval_command", None) == "mine":
        return mine_command(args, settings, out=out, err=err)
    return run_command(args, settings, ask_factory or _default_ask, baseline_factory or _default_baseline,
                       out=out, err=err)


def run_command(args: argparse.Namespace, settings, ask_factory: AskFactory, baseline_factory: AskFactory, *,
                out: TextIO, err: TextIO) -> int:
    from assistant.evaluation.report import compare, write_report
    from assistant.evaluation.thresholds import ThresholdError, check, load_thresholds

    if not args.dataset:
        return _fail("--dataset FILE.jsonl is required (or use `assistant eval mine`)", err)
    if not args.dataset.is_file():
        return _fail(f"dataset {args.dataset} not found", err)
    try:
        dataset = load_dataset(args.dataset)
    except OSError as e:
        return _fail(f"cannot read dataset {args.dataset}: {e.strerror or e}", err)
    if args.limit is not None and args.limit < 1:
        return _fail("--limit must be a positive number", err)
    dataset = dataset.limit(args.limit)
    if not dataset.items:
        reasons = "; ".join(f"line {u.line}: {u.reason}" for u in dataset.unscorable[:5])
        return _fail(f"{args.dataset} has no scorable items ({len(dataset.unscorable)} unscorable{': ' if reasons else ''}"
                     f"{reasons})", err)
    thresholds = None
    t_path = args.thresholds or (DEFAULT_THRESHOLDS if DEFAULT_THRESHOLDS.is_file() else None)
    if t_path is not None:
        try:
            thresholds = load_thresholds(t_path)
        except ThresholdError as e:
            return _fail(str(e), err)
    previous = None
    if args.compare:
        try:
            previous = json.loads(args.compare.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            return _fail(f"cannot read previous report {args.compare}: {e}", err)

    try:
        ask = ask_factory(settings)
    except Exception as e:  # noqa: BLE001 — shown as a message, not a traceback
        return _fail(f"cannot load the assistant: {type(e).__name__}: {e}", err)
    for u in dataset.unscorable:
        print(f"  unscorable line {u.line} {u.id}: {u.reason}", file=err)
    ours = run(dataset, ask, _progress(err), name="ours", prompt_snippets=_prompt_snippets(settings))

    baseline = None
    if not args.no_baseline:
        try:
            base_ask = baseline_factory(settings)
            baseline = run(dataset, base_ask, _progress(err), name="baseline")
        except Exception as e:  # noqa: BLE001 — the baseline is a comparison, never a reason to fail the gate
            print(f"  baseline skipped: {type(e).__name__}: {e}", file=err)

    comparison = None
    if previous is not None:
        try:
            comparison = compare(ours, previous)
        except Exception as e:  # noqa: BLE001
            return _fail(f"{args.compare} is not a report.json this version can read: {e}", err)
    breaches = check(ours, thresholds) if thresholds is not None else None
    paths = write_report(args.report, ours, baseline, comparison, breaches)

    print(f"{ours.overall.n_items} items scored, {len(ours.unscorable)} unscorable", file=out)
    print(_summary(ours, baseline), file=out)
    if comparison:
        print(f"vs {args.compare}: {len(comparison.regressed)} regressed "
              f"({', '.join(c.id for c in comparison.regressed) or '-'}), {len(comparison.improved)} improved", file=out)
    print(f"report: {paths['html']}", file=out)
    if breaches:
        print("FAILED thresholds:", file=out)
        for b in breaches:
            print(f"  - {b}", file=out)
        return 1
    if breaches is not None:
        print("all thresholds hold", file=out)
    return 0


# ---------------------------------------------------------------- eval mine

ROUTE_TO_TYPE = {"target": "numeric", "retrieval": "factual", "clarify": "clarify", "refusal": "factual",
                 "smalltalk": "out_of_scope"}
EXPECTED_TEMPLATE = {
    "numeric": {"value": None, "unit": "", "qualifier": ""},
    "factual": {"must_include": []},
    "clarify": {"clarify": True},
    "out_of_scope": {"refuse": True},
    "unanswerable": {"refuse": True},
}


def draft_type(record) -> str:
    """The item type a thumbs-down suggests: the staff member's reason first, else the route that answered."""
    a = record.answer
    if "不应回答" in record.reasons and not a.refused:
        return "unanswerable"  # it answered what the plan does not say
    if "应该回答" in record.reasons and a.refused:
        return "numeric" if "数字错误" in record.reasons else "factual"
    if "数字错误" in record.reasons:
        return "numeric"
    return ROUTE_TO_TYPE.get(a.route, "factual")


def draft_item(record) -> dict:
    """One thumbs-down feedback record → a draft eval item (needs_review: the loader skips it until reviewed)."""
    a = record.answer
    item_type = draft_type(record)
    lang = "zh" if re.search(r"[\u4e00-\u9fff]", record.question) else "en"
    note = f"from thumbs-down feedback {record.ts}"
    if a.route == "refusal" and item_type != "unanswerable":
        note += "; the assistant refused — if refusing was right, set type unanswerable/out_of_scope"
    if record.reasons:
        note += f"; reasons: {'、'.join(record.reasons)}"
    if record.comment:
        note += f"; comment: {record.comment}"
    return {
        "id": "fb-" + hashlib.sha1(record.question.encode()).hexdigest()[:8],
        "lang": lang, "persona": "staff", "type": item_type, "turns": [record.question],
        "expected": dict(EXPECTED_TEMPLATE[item_type]),
        "gold_citation": ({"chapter": a.citations[0].chapter, "section": a.citations[0].section}
                          if a.citations and item_type not in ("out_of_scope", "unanswerable") else None),
        "needs_review": True,
        "answer_given": a.model_dump(mode="json", include={"answer", "route", "refused", "citations", "facts"}),
        "feedback": {"id": record.id, "session_id": record.session_id, "reasons": list(record.reasons),
                     "comment": record.comment},
        "notes": note,
    }


def mine_command(args: argparse.Namespace, settings, *, out: TextIO, err: TextIO) -> int:
    import sqlite3

    from assistant.feedback import DB_FILE, read_feedback

    path = args.feedback or Path(settings.data_dir) / DB_FILE
    if args.feedback and not path.is_file():
        return _fail(f"feedback file {path} not found", err)
    try:
        records, problems = read_feedback(path)
    except sqlite3.DatabaseError as e:
        return _fail(f"cannot read feedback {path}: {e}", err)
    for p in problems:
        print(f"  skipped {p}", file=err)
    existing: set[str] = set()
    if args.out.is_file():
        for line in args.out.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                existing.update(json.loads(line).get("turns", [])[:1])
            except (ValueError, AttributeError):
                continue
    drafts, seen = [], set(existing)
    for r in records:
        if r.rating == "down" and r.question not in seen:
            seen.add(r.question)
            drafts.append(draft_item(r))
    if drafts:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with args.out.open("a", encoding="utf-8") as f:
            for d in drafts:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
    downs = sum(1 for r in records if r.rating == "down")
    print(f"{downs} thumbs-down in {path}; {len(drafts)} new draft item(s) appended to {args.out} "
          f"(marked needs_review; fill in `expected`, then remove needs_review)", file=out)
    return 0
