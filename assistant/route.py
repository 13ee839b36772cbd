"""route: a question → one `Route` (target table, clarify, retrieval, refusal, smalltalk).

Order matters: smalltalk, then hostile instructions (stripped; what remains is still answered), then
scope (other years, outcomes, topics the plan never mentions), then numbers (the target table decides:
one fit → target, two close fits → clarify, none → the plan gives no such figure), then retrieval.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.cues import (CJK, CONNECTIVE, FIGURE_WORD, INJECTION, LIST_CUE, NUMBER_CUE, OFF_TOPIC_TASK, OTHER_YEAR,
                            OUTCOME, SMALLTALK, STATED_FIGURE, WHERE_CUE)
from assistant.lexical import Lexicon
from assistant.targets.resolve import measure_of, normalise
from assistant.models import ClarifyRoute, RefusalRoute, RetrievalRoute, Route, SmalltalkRoute, TargetRoute

@dataclass(frozen=True)
class Decision:
    route: Route
    question: str  # after removing smuggled instructions
    lang: str
    injection: bool = False


def _asked_for(m: re.Match) -> str:
    """A stated figure turned into the question it implies (86个 → 多少个, 8% → 百分之多少)."""
    unit = m.group(2)
    return {"%": "百分之多少", "％": "百分之多少", "percent": "百分之多少"}.get(unit, f"多少{unit}")


def language(text: str) -> str:
    return "zh" if CJK.search(text) else "en"


def strip_injection(question: str) -> tuple[str, bool]:
    cleaned = INJECTION.sub(" ", question)
    if cleaned == question:
        return question, False
    cleaned = CONNECTIVE.sub("", re.sub(r"\s+", " ", cleaned).strip(" ，,。.;；"))
    return cleaned, True


class Router:
    def __init__(self, lexicon: Lexicon, resolve: Callable, plan_year: int, unknown_ratio: float = 0.5):
        self.lexicon = lexicon
        self.resolve = resolve  # question → targets.Resolution
        self.plan_year = plan_year
        self.unknown_ratio = unknown_ratio

    def decide(self, question: str) -> Decision:
        lang = language(question)
        for intent, pattern in SMALLTALK:
            if pattern.search(question.strip()) and len(question) <= 40:
                return Decision(SmalltalkRoute(intent=intent), question, lang)
        question, injected = strip_injection(question)
        if injected and not (self.lexicon.focus_terms(question) or NUMBER_CUE.search(question)):
            return Decision(RefusalRoute(reason="unsafe", detail="instructions inside the question"), question, lang, True)
        return Decision(self._plan_route(question), question, lang, injected)

    def _resolve(self, q: str, focus: list[str], all_known: bool):
        """The table's answer to q; retried without a stated figure (it may be a false premise), then as
        the plain plan terms the question names, when every term it names is one of the plan's."""
        res = self.resolve(q)
        if res.status == "none" and STATED_FIGURE.search(q):
            # 86个对吧 → 多少个: the figure says what kind of number is meant, unless the question says it
            # itself (那68个项目投多少钱: 多少钱), in which case the figure is only context
            asks = measure_of(normalise(STATED_FIGURE.sub(" ", q)))[0]
            q = STATED_FIGURE.sub(" " if asks else _asked_for, q)
            res = self.resolve(q)
        if res.status == "none" and focus and all_known:
            norm = normalise(q)
            cues = " ".join(norm[a:b] for a, b in measure_of(norm)[2])  # keep what is asked: 增长 / 多少个 / 总投资
            core = self.resolve(" ".join(focus) + " " + cues)
            if core.measure == res.measure:
                res = core
        return res

    def _other_places(self, q: str, target) -> list[str]:
        """Places the question names that the matched figure is not about (乌兰察布市的GDP目标)."""
        return [p for p in self.lexicon.places(q) if p not in target.quote]

    def _plan_route(self, q: str) -> Route:
        years = {int(y) for y in OTHER_YEAR.findall(q)} - {self.plan_year}
        if years:
            return RefusalRoute(reason="not_in_plan", detail=f"the plan sets targets for {self.plan_year}, not {sorted(years)}")
        if OUTCOME.search(q):
            return RefusalRoute(reason="not_in_plan", detail="the plan states targets, not outcomes")
        if OFF_TOPIC_TASK.search(q):
            return RefusalRoute(reason="out_of_scope", detail="not a question about the plan")
        focus = self.lexicon.focus_terms(q)
        unknown = [t for t in focus if not self.lexicon.known(t)]
        unknown_en = self.lexicon.unknown_english(q) if language(q) == "en" else []
        if focus and len(unknown) / len(focus) >= self.unknown_ratio:
            return RefusalRoute(reason="out_of_scope", detail=f"not mentioned in the plan: {'、'.join(unknown)}")
        if unknown_en and not self.lexicon.english_topics(q):  # English that names no topic of the plan
            return RefusalRoute(reason="out_of_scope", detail=f"not mentioned in the plan: {', '.join(unknown_en)}")
        if WHERE_CUE.search(q):
            return RetrievalRoute(intent="where")
        number_q = bool(NUMBER_CUE.search(q) or STATED_FIGURE.search(q))
        if number_q or (FIGURE_WORD.search(q) and not LIST_CUE.search(q)):
            res = self._resolve(q, focus, not unknown and len(unknown_en) <= 1)
            if res.status == "match" and (places := self._other_places(q, res.candidates[0].target)):
                return RefusalRoute(reason="other_place", detail="、".join(places))
            if res.status == "match":
                return TargetRoute(targets=(res.candidates[0].target,))
            if res.status == "ambiguous":
                return ClarifyRoute(candidates=tuple(c.target for c in res.candidates[:4]))
            if number_q and not LIST_CUE.search(q):
                return RefusalRoute(reason="no_figure", detail="the plan gives no figure for this", measure=res.measure)
        if LIST_CUE.search(q):
            return RetrievalRoute(intent="list")
        return RetrievalRoute(intent="factual")
