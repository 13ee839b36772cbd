"""documents: which loaded documents a question part is about. A year it names picks the documents of that year;
none named, the newest plan. Outcomes (实际完成, 去年) come from execution reports, never from a plan."""

from __future__ import annotations

import re

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


def pick(part: Part, docs: tuple[ParsedDoc, ...]) -> Scope:
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
