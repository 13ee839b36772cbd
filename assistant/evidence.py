"""evidence: for one question part, what the plans offer: the sentences that bear on it (hybrid retrieval, then each
sentence scored by how much of the question it accounts for) and the target rows that match it, with scores.

Coverage is the measure everything downstream uses: the question's content words (not how it asks) weighted by
how rare they are in the plans; a sentence covers a word when it holds the word or the plans' wording for it
(glossary, synonyms), its heading holds it (weaker), or most of the word's character pairs (weaker still).
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from assistant.evidence_models import Concept, Evidence, SentenceHit
from assistant.lexical import Lexicon
from assistant.models import Chunk, ParsedDoc, Span
from assistant.retrieve import HybridRetriever, sentence_spans
from assistant.structure import PlanStructure
from assistant.targets.resolve import Resolution, resolve
from assistant.targets.table import TargetTable
from assistant.understand.gloss_en import GLOSSED as GLOSSED_TERM
from assistant.understand.types import Part
from assistant.vocab import ACRONYM, CJK, vocab

HEADING_CREDIT = 0.7  # a word found only in the sentence's section or topic heading
PARTIAL_CREDIT = 0.7  # a word most of whose character pairs the sentence holds
SINGLE_CHAR_WEIGHT = 0.4  # one-character words (路, 井) say less than words
NOTICE = "通知"
SOFT_WEIGHT = 0.3  # an unknown everyday word, against a word the plans use
PLACE_WEIGHT = 0.5  # a place named, against a topic word
HEADING_ASKED = re.compile(r"标题|题目|章名|这一章|那一章|哪一章|chapter|heading|title", re.I)
# a word glossed at once by a Latin term (瑞茨REITs, 瑞茨（REITs）, 瑞茨 就是REITs)
GLOSSED = re.compile(r"\s*(?:就是|也就是|即|叫做?)?\s*[（(]?\s*([A-Za-z][A-Za-z-]+)")
PROPER_TAGS = frozenset({"nr", "nrt", "ns", "nt", "nz", "eng", "j", "nrfg", "x"})


@lru_cache(maxsize=8192)
def _bigrams(form: str) -> frozenset[str]:
    """The character pairs of a word's Chinese (partial matches); none for words under three characters."""
    han = "".join(ch for ch in form if CJK.match(ch))
    return frozenset(han[i:i + 2] for i in range(len(han) - 1)) if len(han) >= 3 else frozenset()


# the kind a village or a neighbourhood is (嘎查, 苏木, 社区): its own name alone is said of it too
VILLAGE_KIND = re.compile(r"(嘎查|苏木|社区|街道|村)$")


@dataclass
class EvidenceFinder:
    lexicon: Lexicon
    retriever: HybridRetriever
    docs: tuple[ParsedDoc, ...]
    table: TargetTable
    embed: Callable | None = None  # query embedder for the resolver's tie-breaks
    passages: int = 8
    row_coverage: float = 0.5  # Settings.row_coverage
    en_unknown_weight: float = SOFT_WEIGHT  # Settings.en_unknown_weight
    dense_max_chars: int = 200  # Settings.dense_max_question_chars: a longer text is not embedded

    @cached_property
    def structure(self) -> PlanStructure:
        """The places around a sentence found (assistant/structure.py)."""
        return PlanStructure(self.docs)

    @cached_property
    def _sentences(self) -> list[tuple[Span, Chunk | None, str]]:
        """Every sentence of every document, with its section heading text: the statistics' population."""
        out = []
        for d in self.docs:
            for sec in d.sections:
                heading = f"{sec.chapter_title} {sec.section_title}"
                for p in sec.paragraphs:
                    out += [(s, None, f"{heading} {p.topic}") for s in p.sentences]
        return out

    def lead(self, hit: SentenceHit) -> str:
        """The lead of the enumeration `hit` is an item of; for the lead's own sentence, the lead itself."""
        own = hit.span.text.split("：")[0] if "：" in hit.span.text else ""
        return self._lead_map.get((hit.place[0], hit.span.start), "") or own

    @cached_property
    def _lead_map(self) -> dict[tuple[str, int], str]:
        """(doc, sentence start) → the lead of the enumeration the sentence is an item of (text up to its ：)."""
        out: dict[tuple[str, int], str] = {}
        for d in self.docs:
            for sec in d.sections:
                for p in sec.paragraphs:
                    lead = ""
                    for s in p.sentences:
                        if lead:
                            out[(d.doc, s.start)] = lead
                        if "：" in s.text and s.text.endswith("；"):
                            lead = s.text.split("：")[0]
                        elif not s.text.endswith("；"):
                            lead = ""
        return out

    @cached_property
    def _df_text(self) -> list[str]:
        return [s.text for s, _, _ in self._sentences]

    def _weight(self, forms: tuple[str, ...]) -> tuple[float, bool]:
        """(idf over the plans' sentences, whether the plans know it at all); cached: questions repeat words."""
        hit = self._weights.get(forms)
        if hit is None:
            hit = self._weights[forms] = self._compute_weight(forms)
            if len(self._weights) > 20000:
                self._weights.clear()
        return hit

    @cached_property
    def _weights(self) -> dict[tuple[str, ...], tuple[float, bool]]:
        return {}

    @cached_property
    def _joined(self) -> tuple[str, list[int]]:
        """The sentences joined by newlines, and where each starts: a word's sentences are found by str.find over
        its occurrences, not by testing every sentence (a long question has hundreds of words)."""
        starts, at = [], 0
        for t in self._df_text:
            starts.append(at)
            at += len(t) + 1
        return "\n".join(self._df_text), starts

    def _df(self, forms: tuple[str, ...]) -> int:
        text, starts = self._joined
        found: set[int] = set()
        for f in forms:
            if not f or "\n" in f:
                continue
            i = text.find(f)
            while i >= 0:
                found.add(bisect.bisect_right(starts, i) - 1)
                i = text.find(f, i + 1)
        return len(found)

    def _compute_weight(self, forms: tuple[str, ...]) -> tuple[float, bool]:
        n = len(self._df_text)
        df = self._df(forms)
        known = df > 0 or any(f in self.lexicon.plan_text for f in forms)
        if not known:
            known = any(self._partial(f, self.lexicon.plan_text) >= 0.5 for f in forms)
        return math.log(1 + n / (1 + df)), known

    @staticmethod
    def _partial(form: str, text: str) -> float:
        grams = _bigrams(form)
        return sum(g in text for g in grams) / len(grams) if grams else 0.0

    def concepts(self, text: str) -> tuple[Concept, ...]:
        lex = self.lexicon
        out: list[Concept] = []
        places = set(vocab().places) | set(lex.places(text))
        _, uncovered_en = lex.glossary.english_covered(text) if re.search(r"[A-Za-z]{3,}", text) else ([], [])
        # The income (一般公共预算收入) target: the asker names the thing in the plans' own words (normalise.py put
        # them in place of their translation); their other everyday English words are word for word too, and weigh
        # nothing against a sentence
        glossed = any(t in lex.plan_text for t in GLOSSED_TERM.findall(text))
        # English: each glossary phrase is one concept in the plans' wording; other words stand for themselves
        generic: list[str] = []
        for phrase in dict.fromkeys(lex.glossary.phrases(text)):
            if all(vocab().is_stop(w) for w in phrase.split()):
                if not any(w in vocab().home for w in phrase.split()):  # the city's own name never becomes the topic
                    generic.append(phrase)
                continue
            forms = tuple(lex.glossary.gloss(phrase) or ())
            weight, known = self._weight(forms)
            out.append(Concept(label=phrase, forms=forms, weight=weight, known=known, place=phrase in places))
        names = _proper_names(text)
        for word in uncovered_en:
            if named := lex.places(word):
                # a southern Chinese city: a place (or its adjective) says where, and the part's places are checked
                # apart (verdict.py); it neither finds a sentence nor makes the question unknown
                forms = tuple(dict.fromkeys(n for p in named for n in lex.place_names(p)))
                out.append(Concept(label=word, forms=forms, weight=0.0, known=True, place=True))
                continue
            key = lex.glossary.variant(word)
            if key:  # invest → investment: the same concept in another form
                weight, known = self._weight(tuple(lex.glossary.gloss(key) or ()))
                out.append(Concept(label=word, forms=tuple(lex.glossary.gloss(key) or ()), weight=weight, known=known))
                continue
            weight, known = self._weight((word,))
            soft = not known and word not in names  # an everyday English word, not a name (Hohhot, Tesla)
            if soft and glossed:
                continue
            out.append(Concept(label=word, forms=(word,), weight=weight * (self.en_unknown_weight if soft else 1.0),
                               known=known, soft=soft))
        tags = lex.pos_tags(text)
        for word in lex.content_words(text):
            if not CJK.search(word) and "+" not in word:
                continue  # English words were read above, phrase by phrase (8+1+1 is a name, read here)
            if (not lex.glossary.synonym_forms(word) and word not in lex.plan_text and (at := text.find(word)) >= 0
                    and (m := GLOSSED.match(text, at + len(word))) and lex.glossary.phrases(m.group(1))):
                continue  # 瑞茨REITs, 瑞茨 就是REITs: a sound-spelling the caller glosses with the plans' own term
            forms = tuple(dict.fromkeys((word, *lex.glossary.synonym_forms(word))))
            if (stem := VILLAGE_KIND.sub("", word)) != word and len(stem) >= 2 and stem in lex.plan_text \
                    and not vocab().is_stop(stem):
                forms = (*forms, stem)  # 赛乌素嘎查: the plans name it by its own name too (赛乌素新型温室基地)
            weight, known = self._weight(forms)
            if len(word) == 1:
                weight *= SINGLE_CHAR_WEIGHT
            # a name the plans do not have (第一医院, 呼和浩特) weighs in full; an everyday word (患者, 市内) is
            # more likely a paraphrase of the plans' wording
            soft = not known and (tags.get(word, "n") not in PROPER_TAGS or bool(vocab().cue["office"].match(word)))
            if soft:
                weight *= SOFT_WEIGHT
            place = word in places or tags.get(word) == "ns"
            if place:  # a place says where, the topic says what: the place is checked apart (verdict.py)
                weight *= PLACE_WEIGHT
                # …and a sentence naming its grouping names it too (北京: 联动京津冀); not a city said for its country
                # (乌兰巴托 is no 蒙俄)
                forms = tuple(dict.fromkeys((*forms, *(r for r, members in vocab().regions.items() if word in members))))
            out.append(Concept(label=word, forms=forms, weight=weight, known=known, soft=soft, place=place))
        if not any(c.known for c in out) and not any(c.soft and CJK.search(c.label)
                                                     and tags.get(c.label, "").startswith(("n", "vn")) for c in out):
            # 主要预期目标有哪些, what are the main targets: the words that are generic elsewhere are the topic here
            # (not beside an everyday word the plans never use: 体育方面有什么安排 is about 体育, not any 安排)
            for phrase in generic:
                forms = tuple(lex.glossary.gloss(phrase) or ())
                weight, known = self._weight(forms)
                if known:
                    out.append(Concept(label=phrase, forms=forms, weight=weight, known=True))
            for word in dict.fromkeys(w for w in lex.segment_words(text) if w in vocab().zh_stop and len(w) >= 2
                                      and w not in vocab().zh_function
                                      and (not _asks_only(w) or lex.glossary.synonym_forms(w))):  # the glossary names its term
                forms = tuple(dict.fromkeys((word, *lex.glossary.synonym_forms(word))))
                weight, known = self._weight(forms)
                if known:
                    out.append(Concept(label=word, forms=forms, weight=weight, known=True))
        return tuple(out)

    def coverage(self, concepts: tuple[Concept, ...], sentence: str, heading: str = "") -> tuple[float, tuple[str, ...]]:
        total = sum(c.weight for c in concepts)
        if not total:
            return 0.0, ()
        got, matched = 0.0, []
        for c in concepts:
            if any(f in sentence for f in c.forms):
                credit = 1.0
            elif heading and any(f in heading for f in c.forms):
                credit = HEADING_CREDIT
            else:
                part = max((self._partial(f, sentence) for f in c.forms), default=0.0)
                credit = PARTIAL_CREDIT * part if part >= 0.5 else 0.0
            if credit:
                matched.append(c.label)
            got += c.weight * credit
        return got / total, tuple(matched)

    # ------------------------------------------------------------------ the step

    def gather(self, part: Part, docs: tuple[str, ...] | None = None) -> Evidence:
        """The evidence for one part; `docs` restricts it to those documents (a question naming a year)."""
        # the document's own place (澄川市, 二连浩特) and title (国民经济和社会发展计划) say which document, as a year
        # does: not what is asked
        query = self.lexicon.without_document_names(part.text)
        if part.whether_figure:  # 大气环境有没有给出可量化的指标，比如优良天数比例: the topic is 大气环境
            query = vocab().cue["example"].sub(" ", vocab().cue["whether_figure"].sub(" ", query))
        concepts = self.concepts(query)
        if not any(c.known for c in concepts):  # 国民经济和社会发展计划是谁下达的: then the title is the topic
            query = part.text
            concepts = self.concepts(query)
        if vocab().cue["year_role"].search(part.text):
            # 今年有什么特殊意义: what the plan says the year is, in its own "2026年是…" sentence
            years = part.years or tuple(sorted(d.year for d in self.docs
                                               if d.year and (docs is None or d.doc in docs))[-1:])
            top = max((c.weight for c in concepts), default=1.0)
            concepts += tuple(Concept(label=f"{y}年是", forms=(f"{y}年是",), weight=2 * top, known=True) for y in years)
        hits = self._sentence_hits(part, concepts, query, docs)
        resolution = None
        if part.ask == "figure":
            every = [t for t in self.table.rows() if docs is None or t.doc in docs]
            rows = every
            if part.scope:  # a follow-up inside the previous answer: its places' figures first
                places = {(p.doc, p.chapter, p.section) for p in part.scope}
                rows = [t for t in every if (t.doc, t.chapter, t.section) in places]
            measure = part.measure if part.measure else None
            kinds = frozenset(part.kinds) if part.measure else None
            ask = dict(segment=self.lexicon.segment, measure=measure, kinds=kinds,
                       min_coverage=self.row_coverage, forms=_forms_by_word(concepts),
                       soft=frozenset(c.label for c in concepts if c.soft))
            bare = query
            for x in part.stated:
                bare = bare.replace(x.text, " ")
            # A figure the question asserts is a premise to check, not the row's name (互市贸易额突破20亿元吧 is about
            # 互市贸易额, not the row that says 20亿元): the words decide first. A figure that points (那三十五家企业是
            # 进出口额超过多少的, 增长10%的是哪个指标) names the row: it decides first.
            order = ([query] if not part.stated
                     else [bare, query] if vocab().cue["premise"].search(query) else [query, bare])
            resolution = self._resolve(order, {**ask, "rows": rows})
            if resolution.status == "none" and rows is not every:
                # 其中计划实施多少个项目, after the growth of investment: a figure the previous place does not hold
                # is looked for in the whole plan, and taken when the plan settles it
                wider = self._resolve(order, {**ask, "rows": every})
                if wider.status == "match":
                    resolution = wider
        return Evidence(part=part, concepts=concepts, sentences=tuple(hits), resolution=resolution)

    def _resolve(self, order: list[str], ask: dict) -> Resolution:
        """The first reading in `order` the table settles; else the best found."""
        resolution = None
        for text in order:
            got = resolve(text, self.table, self.embed if len(text) <= self.dense_max_chars else None, **ask)
            if resolution is None or got.status == "match" or resolution.status == "none":
                resolution = got
            if resolution.status == "match":
                break
        return resolution

    def _sentence_hits(self, part: Part, concepts: tuple[Concept, ...], query: str,
                       docs: tuple[str, ...] | None) -> list[SentenceHit]:
        passages = self.retriever.search(query, self.passages, docs=docs)
        chunks: list[tuple[Chunk, int]] = [(p.chunk, r) for r, p in enumerate(passages)]
        if part.scope:  # a follow-up about the previous answer: its places first
            places = {(p.doc, p.chapter, p.section) for p in part.scope}
            chunks = [(c, -1) for c in self.retriever.chunks if (c.doc, c.chapter, c.section) in places] + (
                [] if part.at else chunks)  # a place named by its numbers (第一章第一节有哪些…): only there
        by_doc = {d.doc: d for d in self.docs}
        seen: set[tuple[str, int]] = set()
        hits: list[SentenceHit] = []
        meta = _about_the_document(part.text)
        for chunk, rank in chunks:
            doc = by_doc[chunk.doc]
            heading = f"{chunk.chapter_title} {chunk.section_title} {chunk.topic}"
            for span in sentence_spans(doc, chunk):
                if (chunk.doc, span.start) in seen:
                    continue
                seen.add((chunk.doc, span.start))
                # 主要预期目标是：A；B；C。 — B and C are items of what the lead names, as under a heading
                lead = self._lead_map.get((chunk.doc, span.start), "")
                cov, matched = self.coverage(concepts, span.text, f"{heading} {lead}")
                if chunk.chapter == NOTICE and not meta:
                    cov *= 0.5  # the notice's addressee and issuer lines name things; they do not say anything about them
                hits.append(SentenceHit(doc=chunk.doc, chapter=chunk.chapter, section=chunk.section, topic=chunk.topic,
                                        span=span, coverage=round(cov, 4), matched=matched, rank=max(rank, 0),
                                        heading=_is_heading(span.text, chunk)))
        if HEADING_ASKED.search(part.text):  # 那一章的标题: chapter headings answer too
            for d in self.docs if docs is None else [x for x in self.docs if x.doc in docs]:
                for ch in d.chapters:
                    if ch.chapter in ("通知", "总体要求") or not ch.title:
                        continue
                    at = d.text.find(ch.title, ch.start)
                    span = Span(text=ch.title, start=at, end=at + len(ch.title))
                    cov, matched = self.coverage(concepts, ch.title)
                    hits.append(SentenceHit(doc=d.doc, chapter=ch.chapter, section="", span=span,
                                            coverage=round(cov, 4), matched=matched, rank=0))
        # at equal coverage, the sentence holding more of the question's own words (政府债务风险 over 财政) first
        # (a concept held under the plan's own wording counts as held: 三北工程 as “三北”工程攻坚战)
        held = {(h.doc, h.span.start): sum(len(c.label) for c in concepts if c.label in h.span.text or (
            c.weight > 0 and CJK.match(c.label) and any(f in h.span.text for f in c.forms))) for h in hits}
        hits.sort(key=lambda h: (-h.coverage, -held[(h.doc, h.span.start)], h.rank, h.span.start))
        return hits


def _is_heading(text: str, chunk: Chunk) -> bool:
    bare = text.rstrip("。：:")
    return bool(bare) and bare in (chunk.section_title, chunk.topic)


def _forms_by_word(concepts: tuple[Concept, ...]) -> dict[str, tuple[str, ...]]:
    """The plans' wordings of each question word, for the table resolver (an English phrase's words each stand
    for the phrase's Chinese terms: government → 人民政府)."""
    out: dict[str, tuple[str, ...]] = {}
    for c in concepts:
        for key in {c.label, *re.findall(r"[a-z]+|[\u4e00-\u9fff]+", c.label)}:
            out[key] = tuple(dict.fromkeys(out.get(key, ()) + c.forms))
    return out


def _asks_only(word: str) -> bool:
    v = vocab()
    return word in v.zh_answer_kind or bool(v.cue["figure"].fullmatch(word) or v.cue["list"].fullmatch(word))


def _proper_names(text: str) -> set[str]:
    """Capitalised English words that do not start a sentence, and acronyms: names (Hohhot, Tesla, CPI)."""
    out = {m.group(0).lower() for m in ACRONYM.finditer(text)}
    for m in re.finditer(r"(?<![.?!:]\s)(?<!^)\b([A-Z][a-z][A-Za-z\-']+)", text.strip()):
        out.add(m.group(1).lower())
    return out


def _about_the_document(text: str) -> bool:
    """Questions about the document itself (who issued it, when, which session approved it) may be answered by
    the notice in front of it."""
    return bool(re.search(r"下达|印发|发布|公布|发文|审议|批准|通过|人大|人代会|人民代表大会|通知|哪个部门|谁发|发的|issued|approv\w*|"
                          r"published|congress|session|notice|issuer|who (issued|published)", text, re.I))
