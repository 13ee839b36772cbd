"""The guard, applied to every answer on every route before it is sent: each number in the answer is found in a
cited quote (English renderings of a quoted figure count: 51.28亿元 → RMB 5.128 billion), each fact's figure is in
its own quote, each quote is verbatim in the plan at the place it cites, and each [n] points to a citation whose
quote shares words with what it marks. The table is not trusted over the plan's text."""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.models import Answer, ParsedDoc
from assistant.render.figures import english_numbers

MARKER = re.compile(r"\[(\d+)\]")
NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
CN_RUN = re.compile(r"[一二三四五六七八九十百千]+")
PLACE_REF = re.compile(r"\b(chapter|section)\s+\d+", re.I)
QUOTED_FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s*(万千瓦时|万千瓦|千瓦时|千瓦|亿元|万元|元|万亩|亩|万吨|吨|公里|%|周年)")


def _contains_number(source: str, number: str) -> bool:
    # 10 must not be "found" inside 2010 or 10.5: match whole numbers only
    return re.search(rf"(?<![\d.]){re.escape(number)}(?![\d]|\.\d)", source) is not None


def _derived(quotes: list[str]) -> set[str]:
    """Numbers an answer may write for what the quotes say in other words: unit conversions (51.28亿元 → 5.128
    billion), dates' parts, and numbers the quotes write in characters (十五五 → 15, 十六届 → 16)."""
    out: set[str] = set()
    for q in quotes:
        for m in QUOTED_FIGURE.finditer(q):
            out |= english_numbers(m.group(1), m.group(2))
        for m in re.finditer(r"(\d{4})年(\d{1,2})月(\d{1,2})日", q):
            out |= {str(int(x)) for x in m.groups()}
        for run in CN_RUN.findall(q):
            out |= {n for n in (_cn(run), _cn(run[:-1])) if n}
    # a comparison's arithmetic: the difference of two quoted figures of the same unit (8% vs 10%: 2)
    figures = [(Decimal(m.group(1)), m.group(2)) for q in quotes for m in QUOTED_FIGURE.finditer(q)]
    for i, (a, ua) in enumerate(figures):
        for b, ub in figures[i + 1:]:
            if ua == ub and a != b:
                diff = f"{abs(a - b):f}"
                out.add(diff.rstrip("0").rstrip(".") if "." in diff else diff)
    return out


def _cn(run: str) -> str | None:
    import warnings

    import cn2an

    if not run:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return str(cn2an.cn2an(run, "strict"))
        except (ValueError, KeyError, IndexError, TypeError):
            return None


def unsupported_numbers(answer: Answer, allowed: tuple[str, ...] = ()) -> list[str]:
    """Numbers in the answer text that no cited quote contains or converts to (markers [n] and place references
    excluded)."""
    text = PLACE_REF.sub(" ", MARKER.sub(" ", answer.answer))
    quotes = [c.quote for c in answer.citations]
    derived = _derived(quotes)
    out = []
    for raw in NUMBER.findall(text):
        n = raw.replace(",", "")
        if n in allowed or n in derived or any(_contains_number(q, n) for q in quotes):
            continue
        out.append(raw)
    return out


def unsupported_facts(answer: Answer) -> list[str]:
    """Facts whose figure their own quote does not state (a table value edited away from the plan's text)."""
    out = []
    for f in answer.facts:
        figure = f"{f.value}{f.unit}" if not isinstance(f.value, str) else str(f.value)
        if isinstance(f.value, float) and f.value.is_integer():
            figure = f"{int(f.value)}{f.unit}"
        if figure not in f.quote.replace(" ", ""):
            out.append(f"{f.indicator}={figure}")
    return out


def bad_markers(answer: Answer) -> list[int]:
    """[n] markers that point to no citation."""
    return [n for n in map(int, MARKER.findall(answer.answer)) if not 1 <= n <= len(answer.citations)]


def unsupported_markers(answer: Answer) -> list[int]:
    """[n] markers whose statement shares nothing (no two-character run, no number) with quote n."""
    out = []
    pos = 0
    for m in MARKER.finditer(answer.answer):
        n = int(m.group(1))
        claim = answer.answer[pos:m.start()]
        pos = m.end()
        if not 1 <= n <= len(answer.citations):
            continue
        quote = answer.citations[n - 1].quote
        shared = any(claim[i:i + 2] in quote for i in range(len(claim) - 1) if claim[i:i + 2].strip())
        if claim.strip() and not shared:
            out.append(n)
    return out


def misplaced_quotes(answer: Answer, docs: dict[str, ParsedDoc]) -> list[str]:
    """Quotes not verbatim in the plan at the chapter and section they cite."""
    out = []
    for c in answer.citations:
        doc = docs.get(c.doc)
        place = doc.place(c.chapter, c.section) if doc else None
        # a place's heading is part of it (a chapter without sections starts after its heading line)
        held = place is not None and (c.quote in doc.text[place[0]:place[1]] or (c.quote == place[2] and c.quote in doc.text))
        if not held or "\n\n" in c.quote:
            out.append(c.quote[:30])
    return out


def violations(answer: Answer, docs: dict[str, ParsedDoc] | str, allowed: tuple[str, ...] = ()) -> list[str]:
    """Every reason the answer must not be sent; empty when it may. `docs` may be the plan text alone (older
    callers), in which case quotes are checked against the whole text."""
    problems = [f"number {n} is in no cited quote" for n in unsupported_numbers(answer, allowed)]
    problems += [f"fact {f} is not what its quote says" for f in unsupported_facts(answer)]
    problems += [f"marker [{n}] points to no citation" for n in bad_markers(answer)]
    problems += [f"marker [{n}] is not supported by its quote" for n in unsupported_markers(answer)]
    if isinstance(docs, str):
        problems += [f"quote is not verbatim in the plan: {c.quote[:30]}" for c in answer.citations if c.quote not in docs]
    else:
        problems += [f"quote is not verbatim at its place in the plan: {q}" for q in misplaced_quotes(answer, docs)]
    return problems
