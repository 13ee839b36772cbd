"""documents: which loaded documents a question part is about. A year it names picks the documents of that year;
none named, the newest plan. Outcomes (实际完成, 去年) come from execution reports, never from a plan."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.models import Frozen, ParsedDoc
from assistant.understand.types import Part

NEXT = re.compile(r"明年|后年|next year|following year", re.I)

PLAN = "plan"
REPORT = "report"


class Scope(Frozen):
    docs: tuple[str, ...] = ()  # the documents to look in ("" = every document)
    missing: tuple[int, ...] = ()  # years named that no document covers
    outcome_unavailable: bool = False  # an outcome was asked and no report covers it
    chosen_by_default: bool = False  # no year named: the newest plan was taken


GENERIC_TITLE = re.compile(r"\d{4}年|国民经济和社会发展|计划执行情况|计划|的报告|报告|关于|政府工作|执行情况|[《》“”]")


def names(d: ParsedDoc) -> tuple[str, ...]:
    """What a question may call a document by: the place its title names (二连浩特市, 二连浩特)."""
    return _title_names(d.title)


@lru_cache(maxsize=4096)
def _title_names(title: str) -> tuple[str, ...]:
    name = GENERIC_TITLE.sub("", title).strip()
    if len(name) < 2:
        return ()
    stem = re.sub(r"(市|县|旗|盟|区)$", "", name)
    return tuple(dict.fromkeys(n for n in (name, stem) if len(n) >= 2))


def named(text: str, docs: tuple[ParsedDoc, ...]) -> tuple[ParsedDoc, ...]:
    """The documents whose place the text names, when the loaded documents are of several places."""
    if len({names(d)[0] for d in docs if names(d)}) < 2:
        return ()
    return tuple(d for d in docs if any(n in text for n in names(d)))


def pick(part: Part, docs: tuple[ParsedDoc, ...]) -> Scope:
    by_name = named(part.text, docs)
    docs = by_name or docs  # 澄川市2031年…: that city's documents, then the year among them
    plans = sorted((d for d in docs if d.genre == PLAN), key=lambda d: d.year)
    reports = [d for d in docs if d.genre != PLAN]
    newest = plans[-1] if plans else (docs[-1] if docs else None)
    if part.years:
        chosen = [d for d in docs if d.year in part.years and (d.genre == PLAN) != part.outcome]
        if part.outcome and not chosen:
            return Scope(outcome_unavailable=True)
        missing = tuple(y for y in part.years if not any(d.year == y for d in docs))
        if missing and not chosen:
            return Scope(missing=missing)
        return Scope(docs=tuple(d.doc for d in chosen), missing=missing)
    if part.other_period and NEXT.search(part.text):  # 明年: the plan after the newest one
        year = newest.year + 1 if newest else 0
        chosen = [d for d in plans if d.year == year]
        return Scope(docs=tuple(d.doc for d in chosen)) if chosen else Scope(missing=(year,))
    if part.outcome or part.other_period:
        # 去年 / 实际完成: last year's outcome, from a report on the year before the newest plan
        year = newest.year - 1 if newest else 0
        chosen = [d for d in reports if d.year == year]
        if not chosen:
            return Scope(outcome_unavailable=part.outcome, missing=() if part.outcome else (year,))
        return Scope(docs=tuple(d.doc for d in chosen))
    if len(docs) <= 1 or newest is None:
        return Scope()
    return Scope(docs=(newest.doc,), chosen_by_default=True)
