"""items: what of a sentence to quote. A list answer gives whole items (clauses) that answer the asked sub-topic,
most relevant first, at most MAX_ITEMS; a long sentence is quoted from the clause that holds what was asked
(from its governing verb), not whole. Every piece is a verbatim substring of the plan."""

from __future__ import annotations

import re

from assistant.evidence_models import SentenceHit
from assistant.vocab import vocab

MAX_ITEMS = 8
LONG = 60  # characters: longer sentences are quoted in part
CONTINUES = ("也是", "又是", "还是", "同时也是", "同时是")  # clauses that continue the one before with its subject
CLAUSE = re.compile(r"[^，；。！？：]+[，；。！？：]?")


def _clauses(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in CLAUSE.finditer(text) if m.group(0).strip("，；。！？： ")]


def _holds(clause: str, terms: tuple[str, ...]) -> bool:
    return any(t in clause for t in terms)


def quote_of(focus: tuple[str, ...], hit: SentenceHit) -> str:
    """The sentence, or for a long one the run of clauses holding the question's words, extended back to the
    clause's governing verb (力争…) so the figure keeps its framing."""
    text = hit.span.text
    if len(text) <= LONG or not focus:
        return text
    spans = _clauses(text)
    keep = [i for i, (a, b) in enumerate(spans) if _holds(text[a:b], focus)]
    if not keep:
        return text
    first, last = keep[0], keep[-1]
    opening = text[spans[0][0]:spans[0][1]]
    if keep == [0] and (opening.lstrip().startswith(vocab().opener) or not re.search(r"\d", opening)):
        # 围绕X，深入实施… / 深入学习运用“千万工程”经验，持续深化…: the opening clause names the topic, the rest says
        # what is done about it
        return text
    while last + 1 < len(spans) and text[spans[last + 1][0]:].lstrip().startswith(CONTINUES):
        last += 1  # 2026年是开局之年，也是建城70周年: the same subject goes on
    governing = tuple(vocab().governing)
    for i in range(first, -1, -1):  # 力争A，B突破35家: the verb two clauses back governs B
        if text[spans[i][0]:spans[i][1]].lstrip().startswith(governing):
            first = i
            break
    quote = text[spans[first][0]:spans[last][1]].strip().rstrip("，；：")
    return quote if len(quote) >= 6 else text


def list_items(focus: tuple[str, ...], hits: tuple[SentenceHit, ...]) -> list[tuple[SentenceHit, str]]:
    """(source sentence, item) pairs: the clauses of the best sentences that name the asked sub-topic, or every
    clause of a sentence that is about it as a whole; most relevant first."""
    out: list[tuple[float, int, SentenceHit, str]] = []
    seen: set[str] = set()
    for rank, hit in enumerate(hits):
        text = hit.span.text
        clauses = _clauses(text)
        named = [(a, b) for a, b in clauses if _holds(text[a:b], focus)]
        colon = next((i for i, (a, b) in enumerate(clauses) if text[a:b].rstrip().endswith("：")), None)
        if colon is not None and colon == len(clauses) - 1:  # A，B，C：(an addressee line): the line is the list
            chosen = clauses
        elif colon is not None:  # 目标是：A；B: what follows the colon is the list
            chosen = clauses[colon + 1:]
        elif named[:1] == clauses[:1]:
            # 深入推进城市更新，投资…，完成…: a sentence that opens on the asked topic is about it as a whole
            chosen = clauses
        else:
            chosen = named if named and len(named) < len(clauses) else clauses
        for k, (a, b) in enumerate(chosen):
            if text[a:b].rstrip().endswith("：") and b < len(text):  # 目标是：the head of an enumeration, not an item
                continue
            item = text[a:b].strip().rstrip("，；。！？：")
            if len(item) < 4 or item in seen or _other_stage(item, focus):
                continue
            seen.add(item)
            hits_in = sum(t in item for t in focus)
            out.append((-(hits_in + hit.coverage), (k, rank), rank * 100 + a, hit, item))
    # of items alike in relevance, each sentence's first clause before any sentence's second: a section's seven
    # tasks are seven lead clauses, not all the clauses of its first three sentences
    out.sort(key=lambda x: (x[0], x[1]))
    best = out[:MAX_ITEMS]
    best.sort(key=lambda x: x[2])  # in the plan's order, once chosen
    return [(h, item) for *_, h, item in best]


def _other_stage(item: str, focus: tuple[str, ...]) -> bool:
    """今年要开工的风电项目有哪些: a stage asked (开工); an item at another stage (…全容量发电) is not one of them."""
    stages = vocab().stage
    asked = [s for s in focus if s in stages]
    said = [s for s in stages if s in item]
    return bool(asked and said) and not any(a in s or s in a for a in asked for s in said)


def lead_clause(hit: SentenceHit) -> str:
    """What a sentence does, by its lead clause (深化国资国企改革 of 深化国资国企改革，推动…); an opening clause that
    only frames (围绕X, 以X为牵引) gives way to the next. A heading is given whole."""
    text = hit.span.text
    if hit.heading:
        return text.rstrip("。：")
    v = vocab()
    for a, b in _clauses(text):
        clause = text[a:b].strip().rstrip("，；。！？：")
        if len(clause) >= 4 and not clause.startswith(v.opener) and not clause.endswith(v.frame_end):
            return clause
    return text.rstrip("。：")
