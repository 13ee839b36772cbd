"""compose: the extractive answerer. Every sentence it writes is a template filled with target-table
fields or verbatim quotes, so it cannot state a number the plan does not."""

from __future__ import annotations

import re

from assistant.answer import phrases as P
from assistant.models import (Answer, Chunk, Citation, ClarifyRoute, Fact, ParsedDoc, RefusalRoute, RetrievalRoute,
                              SmalltalkRoute, Span, Target, TargetRoute)
from assistant.retrieve import HybridRetriever, ScoredSentence, sentence_spans
from assistant.route import Decision

CLAUSE = re.compile(r"[^，；。！？]+[，；。！？]?")
NOT_A_GOAL = ("date", "ordinal", "period")  # figures the plan states as facts, not targets
ENUMERATION = re.compile(r"、|等")
# The unit a figure of each measure is written with, to tell whether a sentence states such a figure.
MEASURE_UNITS = {"growth_rate": "%", "share": "%", "amount": "元", "threshold": "元", "count": "个户家座眼项",
                 "length": "公里", "area": "亩", "capacity": "千瓦吨", "energy": "千瓦时", "volume": "吨",
                 "date": "年月日"}
CLAIMED_NUMBER = re.compile(r"\d+(?:\.\d+)?\s*(%|％|亿元|万元|个|户|家|公里|万亩|座|眼)")


def states_figure_of(text: str, measure: str | None) -> bool:
    """Whether `text` holds a number written with the unit of `measure` (any number when measure is None)."""
    units = MEASURE_UNITS.get(measure or "", "")
    return any(not units or (m.group(2) and any(u in m.group(2) for u in units))
               for m in re.finditer(r"(\d+(?:\.\d+)?)(%|[^\d\s，。；、]{1,3})?", text))


def is_heading(s: ScoredSentence) -> bool:
    text = s.span.text.rstrip("。：")
    return text in (s.chunk.section_title, s.chunk.topic)


class ExtractiveComposer:
    def __init__(self, retriever: HybridRetriever, docs: tuple[ParsedDoc, ...], top_k: int = 5):
        self.retriever = retriever
        self.docs = {d.doc: d for d in docs}
        self.top_k = top_k
        first = docs[0]
        self.title = first.title
        self.year = first.year

    # ------------------------------------------------------------------ entry point
    def compose(self, d: Decision) -> Answer:
        r = d.route
        if isinstance(r, SmalltalkRoute):
            text = P.SMALLTALK[(r.intent, d.lang)].format(title=self.title, title_en="city's development plan")
            return Answer(answer=text, route="smalltalk", refused=False)
        if isinstance(r, RefusalRoute):
            return self.refusal(d, r)
        if isinstance(r, TargetRoute):
            answer = self.target(d, r.targets[0])
        elif isinstance(r, ClarifyRoute):
            answer = self.clarify(d, r.candidates)
        else:
            answer = self.retrieval(d, r)
        if d.injection and not answer.refused:
            answer = answer.model_copy(update={"answer": f"{P.INJECTION_NOTE[d.lang]}{answer.answer}"})
        return answer

    # ------------------------------------------------------------------ routes
    def target(self, d: Decision, t: Target) -> Answer:
        value = t.value_text()
        fr = P.framed(value, t.unit, t.qualifier)
        cite = self._cite_target(t)
        if d.lang == "en":
            name = t.indicator_en or t.indicator
            q = P.QUALIFIER_EN.get(t.qualifier, t.qualifier)
            text = f"The plan's figure for {name} ({t.indicator}) is {q + ' ' if q else ''}{value}{P.UNIT_EN.get(t.unit, t.unit)} ({fr}) [1]. Plan text: “{t.quote}”."
        else:
            verb = "：计划目标为" if t.kind not in NOT_A_GOAL else "为"
            text = f"{t.indicator}{verb}{fr}[1]。原文：“{t.quote}”。"
        premise = self._premise(d, t, fr)
        return Answer(answer=premise + text, route="target", refused=False, citations=(cite,), facts=(Fact.from_target(t),))

    def clarify(self, d: Decision, candidates: tuple[Target, ...]) -> Answer:
        lines = [P.CLARIFY[d.lang]]
        for n, t in enumerate(candidates, 1):
            name = f"{t.indicator_en} ({t.indicator})" if d.lang == "en" and t.indicator_en else t.indicator
            lines.append(f"- {name}：{P.framed(t.value_text(), t.unit, t.qualifier)} [{n}]")
        return Answer(answer="\n".join(lines), route="clarify", refused=False,
                      citations=tuple(self._cite_target(t) for t in candidates),
                      facts=tuple(Fact.from_target(t) for t in candidates))

    def refusal(self, d: Decision, r: RefusalRoute, question: str | None = None) -> Answer:
        detail = r.detail.split(": ", 1)[1] if r.reason == "out_of_scope" and ": " in r.detail else ""
        text = P.REFUSAL[(r.reason, d.lang)].format(
            title=self.title, year=self.year, detail=f"“{detail}”" if detail else "相关内容", place=r.detail,
            detail_en=f" ({detail})" if detail and d.lang == "en" else "")
        citations: tuple[Citation, ...] = ()
        if r.reason == "no_figure":  # say what the plan does say on the topic, if anything
            hits = [s for s in self.retriever.sentences(d.question, self.retriever.search(d.question, 3), 1) if s.overlap > 0]
            if hits and states_figure_of(hits[0].span.text, r.measure) and hits[0].coverage >= 0.6:
                # the table missed it, but the text states such a figure: show the sentence, verbatim
                return self.retrieval(d, RetrievalRoute(intent="factual"))
            if hits:
                citations = (self._cite_span(hits[0].span, hits[0].chunk),)
                text += f"{P.RELATED[d.lang]}“{hits[0].span.text}”[1]"
        return Answer(answer=text, route="refusal", refused=True, citations=citations)

    def retrieval(self, d: Decision, r: RetrievalRoute) -> Answer:
        passages = self.retriever.search(d.question, self.top_k)
        best = self.retriever.sentences(d.question, passages, 6)
        if best and best[0].overlap == 0 and d.lang == "en":  # no glossary term: let the dense model choose
            best = self.retriever.dense_sentences(d.question, passages[:2], 3)
        if not best or best[0].overlap == 0:
            return self.refusal(d, RefusalRoute(reason="not_in_plan" if best else "out_of_scope",
                                                detail="no passage shares the question's terms"))
        if r.intent == "list":
            return self._list(d, best)
        # a heading (扩大清洁能源产业规模。) names the topic; the sentences under it answer
        best = [s for s in best if s.overlap > 0 and not is_heading(s)] or best
        top = best[0]
        c = top.chunk
        place = P.chapter_place(c.chapter, c.chapter_title, c.section, c.section_title, d.lang)
        picked = [top] + [s for s in best[1:2] if s.overlap >= top.overlap * 0.6 and s.span != top.span]
        citations = tuple(self._cite_span(s.span, s.chunk) for s in picked)
        quotes = "".join(f"“{s.span.text}”[{n}]" for n, s in enumerate(picked, 1))
        if r.intent == "where":
            text = (f"This is in {place} of the plan: {quotes}" if d.lang == "en" else f"这部分内容在计划{place}：{quotes}")
        else:
            text = (f"According to the plan ({place}): {quotes}" if d.lang == "en" else f"根据计划{place}：{quotes}")
        return Answer(answer=text, route="retrieval", refused=False, citations=citations)

    # ------------------------------------------------------------------ helpers
    def _list(self, d: Decision, best: list[ScoredSentence]) -> Answer:
        """Every item the plan names in the place that answers: the clauses of the best sentences that name
        the question's terms, an enumeration that follows them, and the rest of the best passage (it is
        short, and in this genre its other sentences are the other items). Deduplicated, each cited."""
        terms = [t for t in self.retriever.lexicon.tokens(d.question) if len(t) >= 2]
        top = best[0].chunk
        items: dict[int, tuple[Span, Chunk]] = {}  # by start offset: each clause once

        def add_clauses(sentence: Span, chunk: Chunk, keep) -> None:
            found = list(CLAUSE.finditer(sentence.text))
            for n, m in enumerate(found):
                clause = m.group(0).rstrip("，；。！？").strip()
                if clause and keep(n, found):
                    start = sentence.start + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
                    items.setdefault(start, (Span(text=clause, start=start, end=start + len(clause)), chunk))

        def names_a_term(n, found):
            # a matching clause, or the enumeration right after one (…新场景，统筹推进A、B等项目建设)
            return any(t in found[n].group(0) for t in terms) or (
                n > 0 and any(t in found[n - 1].group(0) for t in terms) and ENUMERATION.search(found[n].group(0)))

        for span in sentence_spans(self.docs[top.doc], top):  # the best passage is short: all of it
            add_clauses(span, top, lambda n, found: True)
        for s in [b for b in best if b.overlap >= best[0].overlap * 0.5][:3]:
            if (s.chunk.chapter, s.chunk.section) == (top.chapter, top.section):
                add_clauses(s.span, s.chunk, names_a_term)
            for cont in self._continuation(s):  # 目标是：A；B；C。 — the items after the colon
                add_clauses(cont, s.chunk, lambda n, found: True)
        items = [items[k] for k in sorted(items)]
        citations = tuple(self._cite_span(span, chunk) for span, chunk in items)
        c = items[0][1]
        place = P.chapter_place(c.chapter, c.chapter_title, c.section, c.section_title, d.lang)
        head = f"The plan lists ({place}):" if d.lang == "en" else f"计划{place}提到："
        body = "\n".join(f"- {span.text}[{n}]" for n, (span, _) in enumerate(items, 1))
        return Answer(answer=f"{head}\n{body}", route="retrieval", refused=False, citations=citations)

    def _continuation(self, s: ScoredSentence) -> list[Span]:
        """The sentences after `s` that continue its enumeration (it ends in ； or holds a ：), up to the 。."""
        if not (s.span.text.endswith("；") or "：" in s.span.text):
            return []
        section = self.docs[s.chunk.doc].section(s.chunk.chapter, s.chunk.section)
        spans = [x for p in section.paragraphs for x in p.sentences] if section else []
        out = []
        for x in (x for x in spans if x.start > s.span.start):
            out.append(x)
            if not x.text.endswith("；"):
                break
        return out

    def _premise(self, d: Decision, t: Target, fr: str) -> str:
        """A figure in the question that differs from the plan's is corrected, never echoed as true."""
        claimed = [m.group(0) for m in CLAIMED_NUMBER.finditer(d.question)]
        wrong = [c for c in claimed if not re.search(rf"(?<![\d.]){re.escape(t.value_text())}(?![\d])", c)]
        if not wrong:
            return ""
        return P.PREMISE[d.lang].format(framed=fr, claimed="所述数字" if d.lang == "zh" else "the figure in the question") + "\n"

    def _cite_target(self, t: Target) -> Citation:
        sec = self.docs[t.doc].section(t.chapter, t.section)
        title = sec.title if sec else t.chapter
        return Citation(doc=t.doc, chapter=t.chapter, section=t.section, title=title, quote=t.quote)

    def _cite_span(self, span: Span, chunk: Chunk) -> Citation:
        return Citation(doc=chunk.doc, chapter=chunk.chapter, section=chunk.section,
                        title=chunk.section_title or chunk.chapter_title, quote=span.text)
