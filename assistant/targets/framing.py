"""framing: a figure's quote and qualifier as the plan frames it (CONTRACT.md §4).

The quote is the figure's clause (cut at ，；。：, not at 、, so an enumeration keeps the stage verb at its end:
50万千瓦风电竞配、2万千瓦分散式风电项目开工建设), extended back to the governing verb when one governs a run of figure
clauses (力争全年进出口贸易额突破460亿元，超5000万元企业突破35家). The qualifier is the framing words in text order,
joined by …: governing verb, the bound beside the number, the stage (力争…突破, 确保…完成, 开工建设, 左右).
"""

from __future__ import annotations

import re

from assistant.models import ParsedDoc, Span, Target
from assistant.targets.extract import figure_span
from assistant.vocab import vocab

CLAUSE = re.compile(r"[^，；。：！？]+")
HAS_FIGURE = re.compile(r"\d")
NOT_TARGETS = ("date", "ordinal", "period", "other", "threshold")  # stated facts, not goals: no governing verb
BOUND_GAP = 1  # characters allowed between a bound and the number (达到 10, 突破20)


def _sentence(doc: ParsedDoc, start: int) -> Span | None:
    for sec in doc.sections:
        if sec.start <= start < sec.end:
            for p in sec.paragraphs:
                for s in p.sentences:
                    if s.start <= start < s.end:
                        return s
    return None


def frame(doc: ParsedDoc, t: Target) -> Target:
    """The row with its quote extended to its clause and governing verb, and its qualifier in contract notation."""
    sentence = _sentence(doc, t.start)
    if sentence is None or t.outcome:  # a report's outcome keeps its reporting verb (完成, 增长, 下降)
        return t
    fig_start, fig_end = figure_span(t)
    rel = fig_start - sentence.start
    clauses = [(m.start(), m.end()) for m in CLAUSE.finditer(sentence.text)]
    at = next((i for i, (a, b) in enumerate(clauses) if a <= rel < b), None)
    if at is None:
        return t
    v = vocab()
    governing = tuple(v.governing)
    first = at
    gov = ""
    if t.kind not in NOT_TARGETS:
        own = sentence.text[clauses[at][0]:clauses[at][1]].lstrip()
        if own.startswith(governing):
            gov = next(g for g in governing if own.startswith(g))
        else:
            for i in range(at - 1, -1, -1):  # 力争A突破X，B突破Y: the verb two clauses back governs Y
                text = sentence.text[clauses[i][0]:clauses[i][1]].lstrip()
                if not HAS_FIGURE.search(text):
                    break
                if text.startswith(governing):
                    first, gov = i, next(g for g in governing if text.startswith(g))
                    break
    a, b = clauses[first][0], clauses[at][1]
    quote_text = sentence.text[a:b].strip()
    a += len(sentence.text[a:b]) - len(sentence.text[a:b].lstrip())
    clause = sentence.text[clauses[at][0]:clauses[at][1]]
    c0 = clauses[at][0]
    before = clause[:rel - c0]
    after = clause[rel - c0 + (fig_end - fig_start):]
    words: list[str] = [gov] if gov else []
    lead = before.lstrip()
    if lead.startswith("完成") and not gov.endswith("完成"):
        words.append("完成")  # 完成A、B及C等…建设: the clause's verb frames every figure in it
    bound = next((w for w in sorted(v.bound_before, key=len, reverse=True)
                  if before.rstrip()[-len(w) - BOUND_GAP:].find(w) >= 0 and w not in words and w != "新增"), "")
    if bound == "完成" and "完成" in words:
        bound = ""
    if bound:
        words.append(bound)
    after_bound = next((w for w in v.bound_after if after.startswith(w)), "")
    if after_bound:
        words.append(after_bound)
    stage = next((w for w in sorted(v.stage, key=len, reverse=True) if w != "完成" and clause.rstrip().endswith(w)), "")
    if stage and t.kind not in NOT_TARGETS:
        words.append(stage)
    qualifier = "…".join(dict.fromkeys(words))
    return t.model_copy(update={"quote": quote_text, "start": sentence.start + a, "end": sentence.start + a + len(quote_text),
                                "qualifier": qualifier})

