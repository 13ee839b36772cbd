"""verdict, table rows: the rows of the target table a figure rule looks at (the figures of a place, the same
thing's other figures, the rows a text names, a claim's wrong figure, each of a set, the previous answer's kind)
and a decline that shows the plan's own figure (a mixin: Judge holds the finder, the settings and the documents)."""

from __future__ import annotations

from assistant.decisions import Decline, DeclineReason
from assistant.evidence_models import Evidence, SentenceHit
from assistant.figures import same_figure
from assistant.models import Target
from assistant.session import Turn
from assistant.targets.extract import NOT_QUANTITY
from assistant.targets.resolve import Resolution
from assistant.understand.types import Part, Stated
from assistant.vocab import CJK, KIND_WORDS, vocab


class TableRows:
    """Judge's look-ups in the target table."""

    def _figures_of(self, places: set[tuple[str, str, str]]) -> tuple[Target, ...]:
        """The rows of these (doc, chapter, section) places that are figures of a task (not a date, ordinal or period)."""
        return tuple(t for t in self.finder.table.rows() if (t.doc, t.chapter, t.section) in places
                     and t.kind not in NOT_QUANTITY)

    def _siblings(self, row: Target) -> list[Target]:
        """20万千瓦/80万千瓦时储能电站: the plan's figures of the same thing (its power and its energy)."""
        return [t for t in self.finder.table.rows() if t.doc == row.doc and t.quote == row.quote
                and KIND_WORDS.sub("", t.indicator) == KIND_WORDS.sub("", row.indicator)] or [row]

    def _rows_said(self, said: list[str], focus: tuple[str, ...]) -> list[Target]:
        """The rows these sentences give of what the question names (风电, not the storage station beside it)."""
        named = [f for f in focus if f not in vocab().instance_words]
        return [t for t in self.finder.table.rows() if any(t.quote in x for x in said)
                and (not named or any(f in t.quote or f in t.indicator for f in named))]

    def _ranked_alike(self, row: Target, question: str, focus: tuple[str, ...]) -> tuple[Target, ...]:
        """The rows of `row`'s kind its sentence gives of what the question names (风电, not the storage station),
        of the stage the question names when it names one (要开工的: 开工建设)."""
        said = [h.span.text for h in self.finder.structure.sentences_with(row.doc, row.chapter, row.section, row.quote)]
        rows = [t for t in self._rows_said(said, focus) if t.kind == row.kind and t.doc == row.doc]
        staged = [t for t in rows if any(st in question and st in t.qualifier for st in vocab().stage)]
        return tuple(staged if len(staged) >= 2 else rows)

    def _named_rows(self, text: str) -> list[Target]:
        """The rows whose indicator (or an alias of four characters or more) the text names in full."""
        return [t for t in self.finder.table.rows()
                if any(len(n) >= 4 and CJK.match(n) and n in text for n in (t.indicator, *t.aliases))]

    def _confused(self, premise: tuple[Stated, ...], row: Target, ev: Evidence) -> tuple[Target, ...]:
        """The rows a claim's wrong figure belongs to, in the sentence of the row it was checked against (50万千瓦风电
        项目全容量发电: 50万千瓦 is the bidding project's, which starts construction): shown beside the correction."""
        sentence = next((h.span.text for h in ev.sentences if row.quote in h.span.text), "")
        asked = " ".join(f for c in ev.concepts for f in c.forms)

        def kin(t: Target) -> bool:  # of the thing the question names (风电), not only of the same sentence
            pairs = {t.indicator[i:i + 2] for i in range(len(t.indicator) - 1)}
            return any(row.indicator[i:i + 2] in pairs and row.indicator[i:i + 2] in asked
                       for i in range(len(row.indicator) - 1))

        return tuple(t for t in self.finder.table.rows() if sentence and t.id != row.id and t.quote in sentence
                     and any(same_figure(x, t) for x in premise) and kin(t))

    def _as_before(self, res: Resolution, previous: Turn) -> Resolution:
        """那固投呢 after a growth target: of the rows that fit the new subject, the one of the kind of figure the
        previous answer gave (its growth rate, not its amount)."""
        kinds = {t.kind for f in previous.answer.facts for t in self.finder.table.rows()
                 if (t.indicator, t.doc) == (f.indicator, f.doc)}
        same = [c for c in res.candidates if c.target.kind in kinds]
        if len({(c.target.indicator, c.target.value_text()) for c in same}) != 1:
            return res
        return res.model_copy(update={"status": "match", "candidates": (same[0],)})

    @staticmethod
    def _quoted_before(res: Resolution, previous: Turn) -> Resolution:
        """What the plan says about consumption, then "any number for above-size businesses?" (限上 or 规上): after
        an answer in sentences, the one row that fits of the places it quoted."""
        places = {(c.doc, c.chapter, c.section) for c in previous.answer.citations}
        same = [c for c in res.candidates if (c.target.doc, c.target.chapter, c.target.section) in places]
        if previous.answer.facts or len({(c.target.indicator, c.target.value_text()) for c in same}) != 1:
            return res
        return res.model_copy(update={"status": "match", "candidates": (same[0],)})

    def _each(self, part: Part, ev: Evidence) -> tuple[Target, ...]:
        """开工建设的两个风电项目装机分别是多少: the rows of the best sentence of the kind asked whose own clause
        holds every concept the question names (风电项目, 开工): the set it describes, each of them."""
        best = ev.sentences[0] if ev.sentences else None
        if best is None or best.coverage < self.settings.answer_coverage or not part.kinds:
            return ()
        top = max((c.weight for c in ev.concepts), default=0.0)
        named = [c for c in ev.concepts if c.known and not c.soft and not c.place and c.weight >= 0.5 * top]
        # 主要预期指标的增速都列一下: the items under the best sentence's lead (主要预期目标是：A；B；…) are the set,
        # the lead naming what they are
        lead = self.finder.lead(best)
        group = [best] + [h for h in ev.sentences if lead and h is not best and h.place == best.place
                          and h.coverage >= self.settings.answer_coverage and self.finder.lead(h) == lead]
        return tuple(t for t in self.finder.table.rows()
                     if (t.doc, t.chapter, t.section) == best.place and any(t.quote in h.span.text for h in group)
                     and t.kind in part.kinds and all(any(f in f"{lead} {t.quote}" for f in c.forms) for c in named)
                     )[:8]

    def _alike_rows(self, answering: tuple[SentenceHit, ...], focus: tuple[str, ...]) -> tuple[Target, ...]:
        """The rows of the most common kind among the figures these sentences give of what the question names
        (风电, not the storage station in the same sentence), if two or more."""
        rows = [t for t in self._rows_said([h.span.text for h in answering[:2]], focus) if t.kind not in NOT_QUANTITY]
        kinds = [t.kind for t in rows]
        kind = max(set(kinds), key=kinds.count) if kinds else None
        same = tuple(t for t in rows if t.kind == kind)
        return same if len(same) >= 2 else ()

    def _shown_before(self, previous: Turn) -> tuple[Target, ...]:
        """The figures the previous answer showed inside the sentences it quoted (a list's items): their rows."""
        return self._shown_in(self._quoted_sentences(previous), previous.answer.answer)

    def _quoted_sentences(self, previous: Turn) -> list[str]:
        """The plan's whole sentences the previous answer quoted from, one per citation."""
        return [h.span.text for c in previous.answer.citations
                for h in self.finder.structure.sentences_with(c.doc, c.chapter, c.section, c.quote)[:1]]

    def _same_sentence(self, previous: Turn) -> tuple[Target, ...]:
        """同一句里还有啥目标: the figures the sentences the previous answer quoted set, but those it gave."""
        said = self._quoted_sentences(previous)
        given = {(f.doc, f.indicator) for f in previous.answer.facts}
        return tuple(t for t in self.finder.table.rows() if any(t.quote in x for x in said)
                     and (t.doc, t.indicator) not in given and t.kind not in NOT_QUANTITY)

    def _shown_in(self, sentences: list[str], shown: str) -> tuple[Target, ...]:
        """The figures of a task these sentences frame that an answer shows (力争…突破460亿元 in a list's item)."""
        return tuple(t for t in self.finder.table.rows() if any(t.quote in x for x in sentences)
                     and f"{t.value_text()}{t.unit}" in shown and t.kind not in NOT_QUANTITY)

    def _with_row(self, part: Part, reason: DeclineReason, row: Target, related: SentenceHit | None = None,
                  focus: tuple[str, ...] = ()) -> Decline:
        """Declined, with the plan's own figure shown: its sentence, quoted from the row's clause."""
        said = self.finder.structure.sentences_with(row.doc, row.chapter, row.section, row.quote)
        return Decline(part=part, reason=reason, related=said[0] if said else related, focus=(row.quote, *focus))
