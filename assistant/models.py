"""Frozen pydantic models: the contracts between the pipeline's steps and the public `Answer` shape.

parse → `ParsedDoc` (tree with offsets) → chunk → `Chunk` → index/retrieve → `Passage`
targets → `Target` rows → route → `Route` (a discriminated union) → answer → `Answer` (CONTRACT.md §2).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# What kind of document a manifest entry is: a year's plan, the report on a year's execution
# (…计划执行情况的报告), or the government work report.
Genre = Literal["plan", "report", "work_report"]
# Unnumbered parts in front of chapter 一: the notice, a plan's preamble (总体要求), a report's opening (前言).
FRONT_CHAPTERS = ("通知", "总体要求", "前言")


# ---------------------------------------------------------------- the parsed plan


class Span(Frozen):
    """A verbatim piece of the repaired plan text: `text == doc.text[start:end]`."""

    text: str
    start: int
    end: int


class Paragraph(Frozen):
    start: int
    end: int
    topic: str = ""  # the bold lead-in (`**推动对外贸易提质增量。**`) this paragraph part sits under
    sentences: tuple[Span, ...]
    # Sub-headings inside a section (1. and （1）): structure, not citation places. `sub` is the number path
    # (`2.` or `2.（1）`), `sub_title` the innermost sub-heading's title.
    sub: str = ""
    sub_title: str = ""


class Section(Frozen):
    """A citable place: chapter + section. Chapters without sections hold one Section with section=""."""

    doc: str
    chapter: str  # 通知, 总体要求 (前言 in a report), 一 … 七
    chapter_title: str
    section: str  # （一） … or ""
    section_title: str
    start: int
    end: int
    topics: tuple[Span, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    subheadings: tuple[Span, ...] = ()  # the 1. / （1） headings inside, number and title verbatim
    period: str = ""  # the year this section's figures are for: its heading's year, else the document's

    @property
    def title(self) -> str:
        return self.section_title or self.chapter_title

    @property
    def heading_path(self) -> str:
        parts = [self.chapter_title if self.chapter in FRONT_CHAPTERS else f"{self.chapter}、{self.chapter_title}"]
        if self.section:
            parts.append(f"{self.section}{self.section_title}")
        return " > ".join(parts)


class Chapter(Frozen):
    chapter: str
    title: str
    start: int
    end: int
    sections: tuple[Section, ...]


class ParsedDoc(Frozen):
    doc: str
    title: str
    year: int = 0  # the manifest's year: a plan's plan year, a report's year reported on
    genre: Genre = "plan"
    date: str = ""  # issue date from the manifest (YYYY-MM-DD), if given
    text: str  # the plan with page-break artefacts undone; every offset points into it
    chapters: tuple[Chapter, ...]
    repairs: tuple[int, ...] = ()  # offsets in `text` where a page-break artefact was joined
    warnings: tuple[str, ...] = ()  # what the parser could not place

    @property
    def sections(self) -> tuple[Section, ...]:
        return tuple(s for c in self.chapters for s in c.sections)

    def section(self, chapter: str, section: str = "") -> Section | None:
        return next((s for s in self.sections if s.chapter == chapter and s.section == section), None)

    def place(self, chapter: str, section: str = "") -> tuple[int, int, str] | None:
        """(start, end, title) of a citable place: a section, or a chapter as a whole (its heading and
        everything under it) when cited with section "" and it has no such section."""
        sec = self.section(chapter, section)
        if sec is not None:
            return sec.start, sec.end, sec.title
        ch = next((c for c in self.chapters if c.chapter == chapter), None) if section == "" else None
        return (ch.start, ch.end, ch.title) if ch else None

    def section_at(self, offset: int) -> Section | None:
        return next((s for s in self.sections if s.start <= offset < s.end), None)


# ---------------------------------------------------------------- chunks and retrieval


class Chunk(Frozen):
    id: str  # content hash: indexing the same chunk twice changes nothing
    doc: str
    chapter: str
    chapter_title: str
    section: str
    section_title: str
    topic: str = ""
    heading_path: str
    text: str
    start: int
    end: int
    # Plan context (multi-document): which year and genre the text is about, and its sub-heading.
    year: int = 0  # the document's year
    genre: Genre = "plan"
    period: str = ""  # the year the text's figures are for (Section.period)
    sub: str = ""
    sub_title: str = ""

    def embedding_text(self) -> str:
        """What gets embedded: the heading path gives a short chunk its context."""
        topic = f" > {self.topic}" if self.topic else ""
        sub = f" > {self.sub}{self.sub_title}" if self.sub else ""
        return f"{self.heading_path}{sub}{topic}\n{self.text}"


class Passage(Frozen):
    """A retrieved chunk with its fused score and the per-retriever ranks that produced it."""

    chunk: Chunk
    score: float
    dense_rank: int | None = None
    lexical_rank: int | None = None


# ---------------------------------------------------------------- the target table


DECLINE_QUALIFIERS = ("下降", "减少", "回落")
TargetKind = Literal[
    "growth_rate", "amount", "count", "capacity", "energy", "length", "area", "share",
    "threshold", "volume", "date", "ordinal", "period", "other",
]


class Target(Frozen):
    id: str  # stable key: survives re-extraction, used by the reviewed overlay file
    doc: str
    chapter: str
    section: str
    topic: str = ""
    indicator: str  # short canonical Chinese name, e.g. 地区生产总值增速
    aliases: tuple[str, ...] = ()  # Chinese synonyms, abbreviations and English names
    indicator_en: str = ""
    value: Decimal | str  # exact as written; a string where the plan gives a word (千)
    unit: str
    qualifier: str = ""  # 左右, 以上, 突破, 力争, 完成, 达 …
    kind: TargetKind
    period: str = "2026"  # set at extraction: the year the figure is for (Section.period)
    outcome: bool = False  # a reported result (an execution report's 完成/增长/下降), not a goal
    quote: str  # verbatim, contains the value and unit
    start: int
    end: int
    context: str = ""  # the section title and sentence around the quote: words a question may use for it

    def value_json(self) -> float | int | str:
        if isinstance(self.value, Decimal):
            return int(self.value) if self.value == self.value.to_integral_value() else float(self.value)
        return self.value

    def value_text(self) -> str:
        return str(self.value_json())

    def signed_value(self) -> Decimal | None:
        """The value as a signed change where the wording says it fell (下降3.2% → -3.2); None for words."""
        if not isinstance(self.value, Decimal):
            return None
        return -self.value if self.qualifier in DECLINE_QUALIFIERS else self.value


# ---------------------------------------------------------------- the public answer (CONTRACT.md §2)


RouteName = Literal["target", "retrieval", "clarify", "refusal", "smalltalk"]


class Citation(Frozen):
    doc: str
    chapter: str
    section: str
    title: str
    quote: str
    year: int | None = None  # optional extension: the year of the document (its plan year, or the year reported on)


class Fact(Frozen):
    indicator: str
    value: float | int | str
    unit: str
    qualifier: str
    doc: str
    chapter: str
    section: str
    quote: str

    year: int | None = None  # optional extension: the year the figure is for
    outcome: bool | None = None  # optional extension: a reported result (an execution report), not a target

    @classmethod
    def from_target(cls, t: Target) -> "Fact":
        return cls(indicator=t.indicator, value=t.value_json(), unit=t.unit, qualifier=t.qualifier,
                   doc=t.doc, chapter=t.chapter, section=t.section, quote=t.quote,
                   year=int(t.period) if t.period.isdigit() else None, outcome=t.outcome or None)


class Answer(Frozen):
    answer: str
    route: RouteName
    refused: bool
    citations: tuple[Citation, ...] = ()
    facts: tuple[Fact, ...] = ()
    session_id: str = ""
    # Optional extensions (CONTRACT.md: extend with optional fields, never rename).
    resolved_question: str | None = Field(default=None, description="the question as understood after follow-up resolution")
    answerer: str | None = Field(default=None, description="extractive, or llm:<model>")


# ---------------------------------------------------------------- routing: a refusal is a route, not an exception


class TargetRoute(Frozen):
    kind: Literal["target"] = "target"
    targets: tuple[Target, ...]


class ClarifyRoute(Frozen):
    kind: Literal["clarify"] = "clarify"
    candidates: tuple[Target, ...]


class RetrievalRoute(Frozen):
    kind: Literal["retrieval"] = "retrieval"
    intent: Literal["factual", "list", "where"] = "factual"


class RefusalRoute(Frozen):
    kind: Literal["refusal"] = "refusal"
    reason: Literal["not_in_plan", "out_of_scope", "unsafe", "no_figure", "other_place"]
    detail: str = ""
    measure: str | None = None  # for no_figure: the kind of figure asked for (growth_rate, amount, …)


class SmalltalkRoute(Frozen):
    kind: Literal["smalltalk"] = "smalltalk"
    intent: Literal["greeting", "thanks", "capabilities"] = "greeting"


Route = Annotated[
    Union[TargetRoute, ClarifyRoute, RetrievalRoute, RefusalRoute, SmalltalkRoute],
    Field(discriminator="kind"),
]
