"""evidence_models: what the evidence step hands on: the concepts a question names, the sentences scored against
them, and the table's resolution (frozen models; the finder that builds them is assistant/evidence.py)."""

from __future__ import annotations

from assistant.models import Frozen, Span
from assistant.targets.resolve import Resolution
from assistant.understand.types import Part


class Concept(Frozen):
    """One thing the question names, with the wordings under which the plans may hold it."""

    label: str
    forms: tuple[str, ...]
    weight: float
    known: bool  # somewhere in the plans
    soft: bool = False  # an everyday word the plans never use (患者): weighs less than a name would
    place: bool = False  # a place: context for a question, not its topic (the capital of Mongolia)


class SentenceHit(Frozen):
    doc: str
    chapter: str
    section: str
    topic: str = ""
    span: Span
    coverage: float  # weighted share of the question's concepts the sentence accounts for
    matched: tuple[str, ...] = ()  # labels of the concepts it holds
    rank: int = 0  # rank of its passage in retrieval (0 = best)
    heading: bool = False  # the section's or topic's own title sentence: it names a topic, the ones under it answer

    @property
    def place(self) -> tuple[str, str, str]:
        return self.doc, self.chapter, self.section


class Evidence(Frozen):
    part: Part
    concepts: tuple[Concept, ...]
    sentences: tuple[SentenceHit, ...]  # best first
    resolution: Resolution | None = None  # the target table's answer, for figure questions

    @property
    def coverage(self) -> float:
        return self.sentences[0].coverage if self.sentences else 0.0

    @property
    def known_share(self) -> float:
        """Weighted share of the question's concepts (everyday words aside) found anywhere in the plans."""
        firm = [c for c in self.concepts if not c.soft]
        total = sum(c.weight for c in firm)
        return sum(c.weight for c in firm if c.known) / total if total else 1.0

    @property
    def has_topic(self) -> bool:
        """Something the plans know besides places: 蒙古国的首都 names a place the plans know, and nothing else."""
        return any(c.known and not c.place for c in self.concepts) or not self.concepts

    @property
    def unknown(self) -> tuple[str, ...]:
        return tuple(c.label for c in self.concepts if not c.known)

    @property
    def focus(self) -> tuple[str, ...]:
        """The plans' wordings of the question's strongest concepts: what a list item or a quote must hold."""
        if not self.concepts:
            return ()
        top = max(c.weight for c in self.concepts)
        # 主要靠哪个项目: the noun a which-question asks for is what the answer's items name, however common it is
        asked = {c.label for c in self.concepts if any(w + c.label in self.part.text for w in WHICH)}
        return tuple(dict.fromkeys(f for c in self.concepts if c.known and (c.weight >= 0.5 * top or c.label in asked)
                                   for f in c.forms))


WHICH = ("哪些", "哪个", "哪几个", "哪几", "哪一个", "哪一项", "哪项", "什么")
