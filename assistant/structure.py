"""structure: the places of the plans around a sentence found (its paragraph, the enumeration it opens, what a heading
heads, its section's sentences and headings), and the sentences of a place that hold a quote. Read by the verdict to
widen or narrow what answers; no scoring here."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.evidence_models import SentenceHit
from assistant.models import ParsedDoc, Section, Span


@dataclass(frozen=True)
class PlanStructure:
    docs: tuple[ParsedDoc, ...]

    def _section(self, doc: str, chapter: str, section: str) -> Section | None:
        d = next((x for x in self.docs if x.doc == doc), None)
        return d.section(chapter, section) if d else None

    def _section_of(self, hit: SentenceHit) -> Section | None:
        return self._section(hit.doc, hit.chapter, hit.section)

    def continuation(self, hit: SentenceHit) -> tuple[SentenceHit, ...]:
        """The sentences after one that opens an enumeration (目标是：A；B；C。), up to its 。: the rest of the list."""
        if not (hit.span.text.endswith("；") or "：" in hit.span.text):
            return ()
        sec = self._section_of(hit)
        if sec is None:
            return ()
        out = []
        for x in (x for p in sec.paragraphs for x in p.sentences if x.start > hit.span.start):
            out.append(hit.model_copy(update={"span": x, "heading": False}))
            if not x.text.endswith("；"):
                break
        return tuple(out)

    def body(self, hit: SentenceHit) -> tuple[SentenceHit, ...]:
        """The sentences under a heading sentence: its section's (or bold topic's) body, in the plan's order."""
        sec = self._section_of(hit)
        if sec is None:
            return ()
        paras = [p for p in sec.paragraphs if not hit.topic or p.topic == hit.topic]
        return tuple(hit.model_copy(update={"span": x, "heading": False}) for p in paras for x in p.sentences
                     if x.start != hit.span.start and x.text.rstrip("。：") not in (sec.section_title, p.topic))

    def place_text(self, hit: SentenceHit) -> str:
        """The text of a hit's whole section with its headings: what the sentence is said under."""
        d = next((x for x in self.docs if x.doc == hit.doc), None)
        place = d.place(hit.chapter, hit.section) if d else None
        return d.text[place[0]:place[1]] if place else hit.span.text

    def place_sentences(self, hit: SentenceHit) -> tuple[SentenceHit, ...]:
        """Every sentence of a hit's section but its heading, in the plan's order."""
        sec = self._section_of(hit)
        if sec is None:
            return (hit,)
        return tuple(hit.model_copy(update={"span": x, "heading": False}) for p in sec.paragraphs
                     for x in p.sentences if x.text.rstrip("。：") not in (sec.section_title, p.topic))

    def place_headings(self, hit: SentenceHit) -> tuple[SentenceHit, ...]:
        """The headings inside a hit's section (its bold lead-ins and 1. / （1） headings), in the plan's order."""
        sec = self._section_of(hit)
        spans = sorted((*sec.topics, *sec.subheadings), key=lambda x: x.start) if sec else []
        return tuple(hit.model_copy(update={"span": x, "heading": True, "topic": x.text.rstrip("。")}) for x in spans)

    def sentences_with(self, doc: str, chapter: str, section: str, quote: str) -> tuple[SentenceHit, ...]:
        """The sentences of a place that hold (or are held by) a quote: where a previous answer came from."""
        sec = self._section(doc, chapter, section)
        if sec is None:
            return ()
        spans = [s for p in sec.paragraphs for s in p.sentences if quote in s.text or s.text in quote]
        return tuple(SentenceHit(doc=doc, chapter=chapter, section=section, span=s, coverage=1.0) for s in spans)

    def outline(self, doc: str, chapter: str, section: str) -> tuple[SentenceHit, ...]:
        """A place named by its numbers, as its title and what it holds: a chapter's section titles; else the place's
        own headings (bold lead-ins, 1. / （1）); else its sentences. () when the plan has no such place."""
        d = next((x for x in self.docs if x.doc == doc), None)
        ch = next((c for c in d.chapters if c.chapter == chapter), None) if d else None
        if d is None or ch is None:
            return ()
        sec = d.section(chapter, section) if section else None
        if section and sec is None:
            return ()
        if sec is None and any(s.section for s in ch.sections):
            head = self._title_hit(d, chapter, "", ch.title, ch.start, ch.end)
            return (head, *(self._title_hit(d, chapter, s.section, s.section_title, s.start, s.end)
                            for s in ch.sections if s.section))
        sec = sec or ch.sections[0]
        title = sec.section_title or ch.title
        head = self._title_hit(d, chapter, sec.section, title, ch.start if not sec.section else sec.start, sec.end)
        heads = self.place_headings(head)
        return (head, *(heads if len(heads) > 1 else self.place_sentences(head)))

    @staticmethod
    def _title_hit(d: ParsedDoc, chapter: str, section: str, title: str, start: int, end: int) -> SentenceHit:
        at = d.text.find(title, start, end)
        span = Span(text=title, start=at, end=at + len(title))
        return SentenceHit(doc=d.doc, chapter=chapter, section=section, span=span, coverage=1.0, heading=True)
