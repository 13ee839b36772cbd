"""review: the hand-checked overlay (`knowledge/targets.toml`) applied to extracted rows.

The extractor names rows heuristically and emits every figure; a person reviews once and records, per
row id, the canonical name, synonyms (Chinese and English) and kind, plus the figures that are not
targets with a reason. A stale id in the file is a warning, never a crash: the table must still build
when the plan text changes under a reviewed file.
"""

from __future__ import annotations

import logging
import tomllib
import warnings
from pathlib import Path

from pydantic import ValidationError

from assistant.models import Frozen, Target
from assistant.targets.extract import figure_span

log = logging.getLogger(__name__)
OVERRIDABLE = {"indicator", "aliases", "indicator_en", "kind", "qualifier", "topic", "period", "outcome"}


class IgnoreRule(Frozen):
    """A figure that is not a target: by row `id`, or by its `text` inside a verbatim `context`."""

    id: str = ""
    text: str = ""
    context: str = ""
    reason: str


class Review(Frozen):
    rows: dict[str, dict] = {}
    ignore: tuple[IgnoreRule, ...] = ()


def _warn(msg: str) -> None:
    log.warning(msg)
    warnings.warn(msg, stacklevel=3)


def load_review(path: Path | None) -> Review:
    if path is None or not Path(path).exists():
        return Review()
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    rules = []
    for raw in data.get("ignore", []):
        try:
            rules.append(IgnoreRule(**raw))
        except ValidationError as e:
            _warn(f"{path}: ignore entry {raw!r} skipped ({e.errors()[0]['msg']}); each needs a reason")
    return Review(rows=data.get("rows", {}), ignore=tuple(rules))


def context_spans(text: str, rule: IgnoreRule) -> list[tuple[int, int]]:
    """Offsets of `rule.text` in every occurrence of `rule.context` in `text`."""
    spans = []
    if not rule.text or not rule.context or rule.text not in rule.context:
        return spans
    inner = rule.context.index(rule.text)
    at = text.find(rule.context)
    while at >= 0:
        spans.append((at + inner, at + inner + len(rule.text)))
        at = text.find(rule.context, at + 1)
    return spans


def is_ignored(row: Target, rules: tuple[IgnoreRule, ...]) -> IgnoreRule | None:
    """The rule that drops this row; a context rule is checked against the row's own quote."""
    s, e = figure_span(row)
    for rule in rules:
        if rule.id and rule.id == row.id:
            return rule
        for a, b in context_spans(row.quote, rule):
            if row.start + a == s and row.start + b == e:
                return rule
    return None


def apply_review(rows: list[Target], path: Path | None) -> list[Target]:
    review = load_review(path)
    known = {r.id for r in rows}
    for key in review.rows:
        if key not in known:
            _warn(f"{path}: reviewed id {key!r} matches no extracted row (plan text changed?)")
    for rule in review.ignore:
        if rule.id and rule.id not in known:
            _warn(f"{path}: ignored id {rule.id!r} matches no extracted row")
    out = []
    for row in rows:
        if is_ignored(row, review.ignore):
            continue
        patch = review.rows.get(row.id, {})
        bad = set(patch) - OVERRIDABLE
        if bad:
            _warn(f"{path}: {row.id}: cannot override {sorted(bad)}; only {sorted(OVERRIDABLE)}")
        patch = {k: (tuple(v) if k == "aliases" else v) for k, v in patch.items() if k in OVERRIDABLE}
        try:
            out.append(row.model_copy(update=patch) if not patch else Target(**{**row.model_dump(), **patch}))
        except ValidationError as e:
            _warn(f"{path}: {row.id}: override rejected ({e.errors()[0]['msg']}); kept the extracted row")
            out.append(row)
    return out
