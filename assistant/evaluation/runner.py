"""runner: ask every item's turns (one fresh session per item), score them, aggregate.

`run(items, ask)` takes any `ask(question, session_id) -> Answer` — `Assistant.ask`, the baseline, or a fake.
An exception from `ask` fails that turn with the error as the reason; the run goes on.

Aggregates (overall, per type, per language): turn-level metrics are averaged over the turns where they apply
(a multi-turn item contributes each turn); pass rate and adversarial pass rate are over items (an item passes
when all its turns pass); refusal precision/recall count turns (refused vs expected to be refused); latency
median/p95 are over single `ask` calls, in milliseconds. A metric with nothing to measure is None.
"""

from __future__ import annotations

import statistics
import time
import uuid
from collections import Counter
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Protocol

from pydantic import BaseModel, ConfigDict

from assistant.evaluation.dataset import Dataset, EvalItem, Unscorable
from assistant.evaluation.scoring import TurnScore, score_turn
from assistant.models import Answer

AskFn = Callable[[str, str | None], Answer]
METRICS = (
    "pass_rate", "numeric_exact", "qualifier", "keyword_recall", "citation_accuracy", "hit_at_1", "hit_at_5",
    "mrr", "refusal_precision", "refusal_recall", "adversarial_pass", "clarify_pass",
    "latency_median_ms", "latency_p95_ms",
)
HIGHER_IS_BETTER = {m: not m.startswith("latency") for m in METRICS}
_TURN_METRICS = {"numeric_exact": "numeric_exact", "qualifier": "qualifier", "keyword_recall": "keyword_recall",
                 "citation_accuracy": "citation_accuracy", "hit_at_1": "hit_at_1", "hit_at_5": "hit_at_5",
                 "mrr": "rr", "clarify_pass": "clarify"}


class Progress(Protocol):
    def __call__(self, done: int, total: int, item_id: str) -> None: ...


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TurnResult(_M):
    question: str
    answer: str = ""
    route: str = ""
    refused: bool = False
    citations: list[str] = []  # "chapter section" in order
    facts: list[str] = []
    expected: dict[str, Any] = {}
    gold: str | None = None
    checks: dict[str, bool | float | None] = {}
    refusal_expected: bool | None = None
    passed: bool = False
    why: list[str] = []
    latency_ms: float = 0.0
    error: str = ""


class ItemResult(_M):
    id: str
    type: str
    lang: str
    persona: str
    question: str
    answer: str  # the last turn's answer
    route: str
    expected: dict[str, Any]
    passed: bool
    why: list[str]
    latency_ms: float
    turns: list[TurnResult]


class Scores(_M):
    n_items: int = 0
    n_turns: int = 0
    metrics: dict[str, float | None] = {}
    counts: dict[str, int] = {}  # how many turns/items each metric was measured on


class RunResult(_M):
    name: str = "ours"
    started_at: str = ""
    duration_s: float = 0.0
    dataset: str = ""
    items: list[ItemResult] = []
    unscorable: list[Unscorable] = []
    overall: Scores = Scores()
    by_type: dict[str, Scores] = {}
    by_lang: dict[str, Scores] = {}

    def unscorable_reasons(self) -> dict[str, int]:
        return dict(Counter(u.reason.split(" (")[0] for u in self.unscorable))

    def item(self, item_id: str) -> ItemResult | None:
        return next((i for i in self.items if i.id == item_id), None)


def _place(c) -> str:
    return f"{c.chapter} {c.section}".strip()


def run_item(item: EvalItem, ask: AskFn, prompt_snippets: Iterable[str] = ()) -> ItemResult:
    session = str(uuid.uuid4())
    turns: list[TurnResult] = []
    snippets = tuple(prompt_snippets)
    for n, (question, (exp, gold)) in enumerate(zip(item.turns, item.turn_expectations())):
        t0 = time.perf_counter()
        answer, error = None, ""
        try:
            answer = ask(question, session)
        except Exception as e:  # noqa: BLE001 — a crash is a failed turn, not a failed run
            error = f"{type(e).__name__}: {e}"
        latency = (time.perf_counter() - t0) * 1000
        score: TurnScore = score_turn(answer, exp, gold, item_type=item.type, expects_refusal=item.expects_refusal(n),
                                      error=error, prompt_snippets=snippets)
        turns.append(TurnResult(
            question=question,
            answer=answer.answer if answer else "",
            route=answer.route if answer else "error",
            refused=score.refused,
            citations=[_place(c) for c in answer.citations] if answer else [],
            facts=[f"{f.indicator}={f.value}{f.unit}{f.qualifier}" for f in answer.facts] if answer else [],
            expected=exp.model_dump(exclude_defaults=True, exclude={"per_turn"}),
            gold=str(gold) if gold else None,
            checks=score.checks, refusal_expected=score.refusal_expected, passed=score.passed,
            why=score.why, latency_ms=round(latency, 2), error=error,
        ))
    last = turns[-1]
    multi = len(turns) > 1
    why = [f"turn {k}: {w}" if multi else w for k, t in enumerate(turns, 1) for w in t.why]
    return ItemResult(
        id=item.id, type=item.type, lang=item.lang, persona=item.persona, question=item.question,
        answer=last.answer, route=last.route,
        expected={**item.expected.model_dump(exclude_defaults=True),
                  "gold_citation": str(item.gold_citation) if item.gold_citation else None},
        passed=all(t.passed for t in turns), why=why,
        latency_ms=round(sum(t.latency_ms for t in turns), 2), turns=turns,
    )


def _mean(xs: list[float]) -> float | None:
    return sum(xs) / len(xs) if xs else None


def _p95(xs: list[float]) -> float | None:
    if not xs:
        return None
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, round(0.95 * len(s) + 0.5) - 1))]


def aggregate(items: list[ItemResult]) -> Scores:
    turns = [t for i in items for t in i.turns]
    metrics: dict[str, float | None] = {}
    counts: dict[str, int] = {}
    for name, key in _TURN_METRICS.items():
        vals = [float(t.checks[key]) for t in turns if t.checks.get(key) is not None]
        metrics[name], counts[name] = _mean(vals), len(vals)
    metrics["pass_rate"], counts["pass_rate"] = _mean([float(i.passed) for i in items]), len(items)
    adv = [float(i.passed) for i in items if i.type == "adversarial"]
    metrics["adversarial_pass"], counts["adversarial_pass"] = _mean(adv), len(adv)
    judged = [t for t in turns if t.refusal_expected is not None]
    refused = [t for t in judged if t.refused]
    should = [t for t in judged if t.refusal_expected]
    tp = sum(1 for t in refused if t.refusal_expected)
    metrics["refusal_precision"] = tp / len(refused) if refused else None
    metrics["refusal_recall"] = tp / len(should) if should else None
    counts["refusal_precision"], counts["refusal_recall"] = len(refused), len(should)
    lat = [t.latency_ms for t in turns if not t.error]
    metrics["latency_median_ms"] = statistics.median(lat) if lat else None
    metrics["latency_p95_ms"] = _p95(lat)
    counts["latency_median_ms"] = counts["latency_p95_ms"] = len(lat)
    ordered = {m: metrics.get(m) for m in METRICS}
    return Scores(n_items=len(items), n_turns=len(turns), metrics=ordered, counts={m: counts.get(m, 0) for m in METRICS})


def _group(items: list[ItemResult], key: str) -> dict[str, Scores]:
    keys = sorted({getattr(i, key) for i in items})
    return {k: aggregate([i for i in items if getattr(i, key) == k]) for k in keys}


def run(
    items: Dataset | Iterable[EvalItem],
    ask: AskFn,
    progress: Progress | None = None,
    *,
    name: str = "ours",
    prompt_snippets: Iterable[str] = (),
) -> RunResult:
    """Ask and score every item in order. `progress(done, total, item_id)` is called after each item."""
    unscorable: list[Unscorable] = []
    dataset = ""
    if isinstance(items, Dataset):
        unscorable, dataset, items = list(items.unscorable), items.path, list(items.items)
    items = list(items)
    snippets = tuple(prompt_snippets)
    started = datetime.now(timezone.utc)
    t0 = time.perf_counter()
    results: list[ItemResult] = []
    for n, item in enumerate(items, 1):
        results.append(run_item(item, ask, snippets))
        if progress:
            progress(n, len(items), item.id)
    return RunResult(
        name=name, started_at=started.isoformat(timespec="seconds"), duration_s=round(time.perf_counter() - t0, 3),
        dataset=dataset, items=results, unscorable=unscorable, overall=aggregate(results),
        by_type=_group(results, "type"), by_lang=_group(results, "lang"),
    )
