"""decisions: what the verdict hands to render, one frozen model per kind of decision (matched exhaustively there):
from the table, from the plan's text, several years compared, which figure is meant, or declined with a reason."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field

from assistant.evidence_models import SentenceHit
from assistant.models import Frozen, Target
from assistant.understand.types import Part, Stated, Understanding

DeclineReason = Literal["out_of_scope", "not_in_plan", "no_figure", "other_place", "other_year", "outcome", "compare",
                        "no_entity", "ranking", "portion", "sub_period", "multi_year", "unsafe", "off_topic", "no_place"]


class FromTable(Frozen):
    """A figure, from the target table."""

    kind: Literal["table"] = "table"
    part: Part
    rows: tuple[Target, ...]
    premise: tuple[Stated, ...] = ()  # figures the question stated that the plan does not: corrected
    wrong_year: bool = False  # the question put the figure in a year its plan is not for: corrected
    wrong_place: str = ""  # the question put the plan's figure in another place's plan (锡林浩特…15亿元，对吧): corrected
    reframed: bool = False  # the question framed the plan's figure otherwise (确保增长6% for 6%左右): corrected


class FromText(Frozen):
    """An answer in the plan's own sentences."""

    kind: Literal["text"] = "text"
    part: Part
    intent: Literal["fact", "where", "list", "who", "figure", "correction", "unquantified", "outline", "overview"]
    sentences: tuple[SentenceHit, ...]
    focus: tuple[str, ...] = ()  # the plans' wording of what was asked: what items and quotes must hold


class Compare(Frozen):
    """The same figure in several years' documents, side by side: the comparison is arithmetic on their rows."""

    kind: Literal["compare"] = "compare"
    part: Part
    rows: tuple[Target, ...]  # one per year found, in year order
    missing: tuple[int, ...] = ()  # years named whose documents lack the figure (or are not loaded)


class Clarify(Frozen):
    kind: Literal["clarify"] = "clarify"
    part: Part
    rows: tuple[Target, ...]


class Decline(Frozen):
    kind: Literal["decline"] = "decline"
    part: Part | None = None
    reason: DeclineReason
    detail: str = ""
    related: SentenceHit | None = None  # what the plan does say on the topic, verbatim
    focus: tuple[str, ...] = ()


Decision = Annotated[Union[FromTable, FromText, Compare, Clarify, Decline], Field(discriminator="kind")]


class Verdict(Frozen):
    understanding: Understanding
    decisions: tuple[Decision, ...] = ()
    docs: tuple[str, ...] = ()  # the documents answered from, when a question could mean several
    default_doc: str = ""  # set when no year was named and the newest plan was taken among several

    @property
    def answered(self) -> bool:
        return any(not isinstance(d, Decline) for d in self.decisions)


def merge(decisions: list[Decision]) -> tuple[Decision, ...]:
    """Parts answered by the very same evidence are one answer (跨境电商和互市贸易…: one sentence names both)."""
    out: list[Decision] = []
    for d in decisions:
        key = _evidence_key(d)
        if key and any(_evidence_key(o) == key for o in out):
            continue
        if isinstance(d, Decline) and d.related is None and any(
                isinstance(o, Decline) and (o.reason, o.detail) == (d.reason, d.detail) for o in out):
            continue  # 全称是什么？和企业债有什么区别？: "the plan does not say" once, not once a part
        out.append(d)
    # 要引进哪些具体项目，有名单吗: the plan names none (一批标志性项目); its one sentence, cut into clauses, is no list
    named_none = {(d.related.doc, d.related.span.start) for d in out
                  if isinstance(d, Decline) and d.reason == "no_entity" and d.related is not None}
    return tuple(d for d in out if not (isinstance(d, FromText) and d.intent == "list" and named_none
                                        and {(h.doc, h.span.start) for h in d.sentences} <= named_none))


def _evidence_key(d: Decision) -> tuple | None:
    if isinstance(d, FromTable):
        return ("rows", tuple(r.id for r in d.rows))
    if isinstance(d, FromText):
        return ("text", d.intent, tuple((h.doc, h.span.start) for h in d.sentences))
    if isinstance(d, (Clarify, Compare)):
        return (d.kind, tuple(r.id for r in d.rows))
    if isinstance(d, Decline) and d.related is not None:  # 进口和出口各占多少: one decline, said once
        return ("decline", d.reason, d.related.doc, d.related.span.start)
    return None


def weighed(decisions: tuple[Decision, ...]) -> tuple[Decision, ...]:
    """Two things weighed (风电和光伏哪个多): with one of them declined, the plan cannot weigh them; the other's figure
    alone would answer as if it could. What the plan does not give is said instead."""
    declined = tuple(d for d in decisions if isinstance(d, Decline))
    return declined if declined and len(declined) < len(decisions) else decisions


def in_order(decisions: tuple[Decision, ...], order: str) -> tuple[Decision, ...]:
    """The figures asked in an order (从高到低排一下): set in it, when they are numbers of one unit; else as found."""
    if not all(isinstance(d, FromTable) for d in decisions):
        return decisions
    rows = [r for d in decisions for r in d.rows]
    if len(rows) < 2 or len({r.unit for r in rows}) != 1 or any(isinstance(r.value, str) for r in rows):
        return decisions
    down = order != "asc"
    ranked = (d.model_copy(update={"rows": tuple(sorted(d.rows, key=lambda r: r.value, reverse=down))})
              for d in decisions)
    return tuple(sorted(ranked, key=lambda d: d.rows[0].value, reverse=down))
