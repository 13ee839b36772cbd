"""attribution: whether a sentence gives the asked subject what was asked (a figure, an organisation, a location), read clause by clause. A sentence that names the subject in one clause and a figure in another answers
nothing about the subject: the classic near-miss of a question that names the plan's own project."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.vocab import vocab

# the stretches of a sentence between commas, semicolons, colons and list marks: one clause, or one listed item
SEGMENT = re.compile(r"[^，,；;。：:、！？!?]+")
TITLE = re.compile(r"《[^》]*》")
LEADS = "由在于与和的"  # words that lead into a name inside a greedy match
FRAME_WORDS = ("全年", "年度", "今年", "累计", "实现", "全市", "共", "再", "推动", "推进", "力争")


def attributed(text: str, subject: tuple[str, ...], pattern: re.Pattern, accept=lambda m: True,
               named_apart: bool = False) -> bool:
    """Whether `text` gives the subject what `pattern` finds (a figure, an organisation, a location): the subject is
    named in the match's own clause, or in the clause just before when the match's clause names no subject first (…达克沙地综合治理二期等项目，确保完成
    88万亩…). 构建“边境仓+海外仓”物流网络，…，超5000万元企业突破35家 gives no count of 边境仓. With `named_apart`,
    the subject is named in the match's own listed item, outside the match: 中华美食街等项目建设 names the street,
    not where it is. A title (《2026年…计划》) is a name, not a figure."""
    text = TITLE.sub(lambda m: " " * len(m.group(0)), text)
    before = so_far = ""  # the clause before (a comma between); this clause's items up to here
    for seg in SEGMENT.finditer(text):
        piece = seg.group(0)
        found = [m for m in pattern.finditer(piece) if accept(m)]
        if found and (not subject or (_names(piece, subject, [_own(m) for m in found]) if named_apart
                                      else _names(so_far + piece, subject, [])
                                      or (any(_bare(piece[:m.start()]) for m in found) and _names(before, subject, [])))):
            return True
        mark = text[seg.end():seg.end() + 1]
        if mark == "、":
            so_far += piece + "|"
        else:
            before, so_far = (so_far + piece if mark in ("，", ",") else ""), ""
    return False


def _bare(lead: str) -> bool:
    """A clause that reaches its figure with framing words only (确保完成88万亩…): it speaks of the subject named
    before it. One that names a subject first (力争全年进出口贸易额突破460亿元) speaks of that."""
    return len(re.findall(r"[\u4e00-\u9fff]", _framing().sub("", lead))) < 2


@lru_cache(maxsize=1)
def _framing() -> re.Pattern:
    v = vocab()
    words = sorted({*v.governing, *v.bound_before, *v.stage, *FRAME_WORDS}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _own(m: re.Match) -> tuple[int, int]:
    """The span of the name a match holds, without what leads into it (锦裕项目由中铁集团: 中铁集团)."""
    lead = max(m.group(0).rfind(c) for c in LEADS)
    return (m.start() + lead + 1 if lead >= 0 else m.start()), m.end()


def _names(piece: str, subject: tuple[str, ...], found: list[tuple[int, int]]) -> bool:
    """Whether `piece` names one of `subject` outside the spans `found`."""
    for word in subject:
        at = piece.find(word)
        while at >= 0:
            if not any(a <= at and at + len(word) <= b for a, b in found):
                return True
            at = piece.find(word, at + 1)
    return False


def named_of_kind(text: str, kind: tuple[str, ...], pattern: re.Pattern, generic: bool = False) -> bool:
    """Whether `text` names things as instances of the kind asked (百汇源等骨干企业 for which backbone enterprises):
    the names before 等 are the answer, the kind after it is the question's own word. A bare kind (企业) counts
    only when `generic` (the sentence is the one the question is about)."""
    return any(f in m.group(0)[m.group(0).index("等"):] for m in pattern.finditer(text) if "等" in m.group(0)
               for f in kind if len(f) >= (2 if generic else 3))

