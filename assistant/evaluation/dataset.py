"""dataset: eval JSON Lines (CONTRACT.md §4) → validated `EvalItem`s, tolerantly.

A line that cannot be scored (bad JSON, unknown type, a shape that does not fit its type, a draft still marked
`needs_review`) becomes an `Unscorable` record with the reason; loading never raises for content problems.
Extension type: `clarify` with expected `{"clarify": true}` — an answer with route "clarify" passes.
`compound` (CONTRACT.md §4): `{"all_of": [{value, unit, qualifier}, …]}`, every figure stated with its qualifier.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

ItemType = Literal[
    "numeric", "factual", "list", "citation_only", "unanswerable", "out_of_scope",
    "multi_turn", "adversarial", "clarify", "compound",
]
ITEM_TYPES: tuple[str, ...] = ItemType.__args__  # type: ignore[attr-defined]
REFUSE_TYPES = ("unanswerable", "out_of_scope")
_CJK = re.compile(r"[\u4e00-\u9fff]")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class Place(_Model):
    chapter: str
    section: str = ""

    @field_validator("chapter", "section", mode="before")
    @classmethod
    def _strip(cls, v: Any) -> Any:
        return v.strip() if isinstance(v, str) else ("" if v is None else v)

    def __str__(self) -> str:
        return f"{self.chapter}{self.section}" if self.section else self.chapter


class Expected(_Model):
    """One turn's expectation: the union of every shape in §4; a field absent from the line stays None."""

    value: float | int | str | None = None
    unit: str | None = None
    qualifier: str | None = None
    must_include: tuple[str, ...] = ()
    any_of: tuple[str, ...] = ()
    cite_only: bool = False
    topic_keyword: str | None = None
    refuse: bool = False
    clarify: bool = False
    reject_premise: bool = False
    must_not_affirm: str | None = None
    refuse_part: bool | str = False  # CONTRACT §4: true, or a short description of the part to decline
    citation: Place | None = None  # per-turn gold citation inside multi_turn
    per_turn: tuple["Expected", ...] = ()
    all_of: tuple["Expected", ...] = ()  # compound: several figures asked at once

    @field_validator("must_include", "any_of", mode="before")
    @classmethod
    def _listify(cls, v: Any) -> Any:
        if v is None:
            return ()
        return (v,) if isinstance(v, str) else v

    @property
    def has_value(self) -> bool:
        return self.value is not None and self.value != ""

    @property
    def figures(self) -> tuple["Expected", ...]:
        """The figures a correct answer states: the compound's parts, or this shape's own value."""
        return self.all_of or ((self,) if self.has_value else ())

    @property
    def has_keywords(self) -> bool:
        return bool(self.must_include or self.any_of)


class EvalItem(_Model):
    id: str
    lang: Literal["zh", "en"]
    persona: str = "eval"
    type: ItemType
    turns: tuple[str, ...] = Field(min_length=1)
    expected: Expected
    gold_citation: Place | None = None
    notes: str = ""
    line: int = 0

    @field_validator("turns", mode="before")
    @classmethod
    def _turns(cls, v: Any) -> Any:
        return (v,) if isinstance(v, str) else v

    @property
    def question(self) -> str:
        return " ⟶ ".join(self.turns)

    def turn_expectations(self) -> list[tuple[Expected, Place | None]]:
        """(expected, gold place) per turn; the last turn's place falls back to `gold_citation`."""
        if self.type == "multi_turn":
            pairs = [(e, e.citation) for e in self.expected.per_turn]
        else:
            pairs = [(self.expected, self.expected.citation)]
        last_exp, last_place = pairs[-1]
        pairs[-1] = (last_exp, last_place or self.gold_citation)
        return pairs

    def expects_refusal(self, turn: int = -1) -> bool:
        exp = self.turn_expectations()[turn][0]
        return exp.refuse or self.type in REFUSE_TYPES


class Unscorable(_Model):
    line: int
    id: str = ""
    reason: str


class Dataset(_Model):
    path: str = ""
    items: tuple[EvalItem, ...] = ()
    unscorable: tuple[Unscorable, ...] = ()

    def limit(self, n: int | None) -> "Dataset":
        return self if n is None else self.model_copy(update={"items": self.items[: max(n, 0)]})


def _shape_problem(item: EvalItem) -> str | None:
    """Why an item that parsed cannot be scored, or None."""
    exp = item.expected
    t = item.type
    if t == "multi_turn":
        if not exp.per_turn:
            return "multi_turn without expected.per_turn"
        if len(exp.per_turn) != len(item.turns):
            return f"multi_turn has {len(item.turns)} turns but {len(exp.per_turn)} per_turn entries"
        for n, e in enumerate(exp.per_turn, 1):
            if not (e.figures or e.has_keywords or e.refuse or e.clarify or e.cite_only or e.citation):
                return f"multi_turn per_turn[{n}] has nothing to score"
        return None
    if t == "numeric" and not exp.has_value:
        return "numeric without expected.value"
    if t == "compound" and (not exp.all_of or not all(e.has_value for e in exp.all_of)):
        return "compound without {value, unit, qualifier} figures in expected.all_of"
    if t in ("factual", "list") and not exp.has_keywords:
        return f"{t} without expected.must_include / any_of"
    if t == "citation_only" and not (item.gold_citation or exp.citation):
        return "citation_only without gold_citation"
    if t == "clarify" and not exp.clarify:
        return "clarify without expected.clarify: true"
    if t == "adversarial":
        if not exp.must_not_affirm and not exp.refuse_part:
            return "adversarial without must_not_affirm or refuse_part"
        if not (exp.has_value or exp.has_keywords or exp.refuse or exp.refuse_part):
            return "adversarial without a value, keywords, refuse or refuse_part to score"
    return None


def parse_line(raw: str, line: int) -> EvalItem | Unscorable:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        return Unscorable(line=line, reason=f"malformed JSON ({e.msg} at column {e.colno})")
    if not isinstance(data, dict):
        return Unscorable(line=line, reason=f"a JSON {type(data).__name__}, not an object")
    item_id = str(data.get("id", "") or f"line{line}")
    if data.get("needs_review"):
        return Unscorable(line=line, id=item_id, reason="draft item still marked needs_review")
    if data.get("type") not in ITEM_TYPES:
        return Unscorable(line=line, id=item_id, reason=f"unknown type {data.get('type')!r}")
    data = {**data, "id": item_id, "line": line}
    if not data.get("lang"):  # tolerate a missing language: infer it from the question
        turns = data.get("turns") or [""]
        data["lang"] = "zh" if _CJK.search(str(turns[0])) else "en"
    if data.get("expected") is None:
        data["expected"] = {}
    try:
        item = EvalItem.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        return Unscorable(line=line, id=item_id, reason=f"invalid field {where}: {err['msg']}")
    problem = _shape_problem(item)
    return Unscorable(line=line, id=item_id, reason=problem) if problem else item


def parse_lines(lines: list[str], path: str = "") -> Dataset:
    items: list[EvalItem] = []
    bad: list[Unscorable] = []
    seen: set[str] = set()
    for n, raw in enumerate(lines, 1):
        if not raw.strip() or raw.lstrip().startswith("//"):
            continue
        parsed = parse_line(raw, n)
        if isinstance(parsed, EvalItem) and parsed.id in seen:
            parsed = Unscorable(line=n, id=parsed.id, reason="duplicate id")
        if isinstance(parsed, Unscorable):
            bad.append(parsed)
        else:
            seen.add(parsed.id)
            items.append(parsed)
    return Dataset(path=path, items=tuple(items), unscorable=tuple(bad))


def load_dataset(path: Path | str) -> Dataset:
    """Raises OSError when the file cannot be read; content problems become `Unscorable` records."""
    path = Path(path)
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    return parse_lines(text.splitlines(), str(path))
