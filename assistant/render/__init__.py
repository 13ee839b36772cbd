"""render: a verdict → the public `Answer`. Pure functions, one per decision kind, matched exhaustively; every
figure comes from a table row or a verbatim quote, every [n] points to a citation."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from assistant.decisions import Clarify, Compare, Decision, Decline, FromTable, FromText, Verdict
from assistant.evidence_models import SentenceHit
from assistant.models import Answer, Citation, Fact, ParsedDoc, Target
from assistant.render import phrases as P
from assistant.render.figures import CN_NUM, framed_en, framed_zh, place_en, place_zh
from assistant.render.items import MAX_ITEMS, lead_clause, list_items, quote_of
from assistant.verdict import asserts
from assistant.vocab import vocab

TITLE_EN = "Erenhot's economic and social development plan"


@dataclass
class Sources:
    """The citations of one answer, numbered in order of first use."""

    docs: dict[str, ParsedDoc]
    citations: list[Citation] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)

    def cite(self, doc: str, chapter: str, section: str, quote: str) -> int:
        for n, c in enumerate(self.citations, 1):
            if (c.doc, c.chapter, c.section, c.quote) == (doc, chapter, section, quote):
                return n
        place = self.docs[doc].place(chapter, section) if doc in self.docs else None
        title = (place[2] if place else "") or chapter
        year = self.docs[doc].year if doc in self.docs else None
        self.citations.append(Citation(doc=doc, chapter=chapter, section=section, title=title, quote=quote,
                                       year=year or None))
        return len(self.citations)

    def cite_row(self, t: Target) -> int:
        n = self.cite(t.doc, t.chapter, t.section, t.quote)
        fact = Fact.from_target(t)
        if fact not in self.facts:
            self.facts.append(fact)
        return n

    def cite_hit(self, h: SentenceHit, quote: str | None = None) -> int:
        return self.cite(h.doc, h.chapter, h.section, quote or h.span.text)

    def titles(self, h: SentenceHit) -> tuple[str, str]:
        sec = self.docs[h.doc].section(h.chapter, h.section)
        if sec is None:  # a chapter cited as a whole (its heading)
            place = self.docs[h.doc].place(h.chapter, h.section)
            return (place[2] if place else "", "")
        return sec.chapter_title, sec.section_title


def render(v: Verdict, docs: tuple[ParsedDoc, ...]) -> Answer:
    u = v.understanding
    lang = u.lang
    by_id = {d.doc: d for d in docs}
    title = docs[-1].title if docs else ""
    if u.smalltalk:
        text = P.SMALLTALK[(u.smalltalk, lang)].format(title=title, title_en=TITLE_EN)
        return Answer(answer=text, route="smalltalk", refused=False)
    src = Sources(by_id)
    pieces: list[str] = []
    # a sentence another part quotes as its answer is not quoted again as a declined part's context
    quoted = {(h.doc, h.span.start) for d in v.decisions if isinstance(d, FromText) for h in d.sentences}
    for d in v.decisions:
        if isinstance(d, Decline) and d.related is not None and (d.related.doc, d.related.span.start) in quoted:
            d = d.model_copy(update={"related": None})
        piece = _decision(d, lang, src, docs)
        if not (isinstance(d, Decline) and piece in pieces):  # two parts declined alike: said once
            pieces.append(piece)
    notes = [P.NOTES[(n, lang)] for n in ("reveal", "pressure", "injection", "aside") if getattr(u, n)]
    if v.answered and u.reveal and u.injection:
        notes.remove(P.NOTES[("injection", lang)])
    if v.default_doc and v.answered:
        notes.append(P.FROM_DOC[lang].format(title=by_id[v.default_doc].title))
    declined = all(isinstance(d, Decline) for d in v.decisions)
    if declined and any(d.reason in P.SAY_SCOPE for d in v.decisions if isinstance(d, Decline)):
        pieces.append(P.SCOPE_ZH if lang == "zh" else P.SCOPE_EN)
    sep = "\n" if any("\n" in p for p in pieces) else ("" if lang == "zh" else " ")
    gap = "" if lang == "zh" else " "  # English sentences are spaced, Chinese ones are not
    text = gap.join(notes) + ("\n" if notes and "\n" in "".join(pieces) else gap if notes else "") + sep.join(
        p for p in pieces if p)
    return Answer(answer=text.strip(), route=_route(v), refused=declined, citations=tuple(src.citations),
                  facts=tuple(src.facts))


def _route(v: Verdict) -> str:
    kinds = [d.kind for d in v.decisions if not isinstance(d, Decline)]
    if not kinds:
        return "refusal"
    if kinds[0] in ("table", "compare") or ("table" in kinds and kinds[0] == "clarify"):
        return "target"
    if all(k == "clarify" for k in kinds):
        return "clarify"
    return "target" if kinds[0] == "table" else "retrieval"


def _decision(d: Decision, lang: str, src: Sources, docs: tuple[ParsedDoc, ...]) -> str:
    if isinstance(d, FromTable):
        return _table(d, lang, src)
    if isinstance(d, FromText):
        return _text(d, lang, src)
    if isinstance(d, Clarify):
        return _clarify(d, lang, src)
    if isinstance(d, Compare):
        return _compare(d, lang, src)
    if isinstance(d, Decline):
        return _decline(d, lang, src, docs)
    raise TypeError(f"unknown decision {d!r}")  # the union is closed: this is a programming error


def _table(d: FromTable, lang: str, src: Sources) -> str:
    if len(d.rows) > 1:
        # the figures of a topic, one line each; after a correction (its first row), the rows the claim's figure
        # belongs to, as they are: no correction or confirmation of their own
        plain = d.model_copy(update={"premise": (), "wrong_year": False})
        if d.premise:
            plain = plain.model_copy(update={"part": d.part.model_copy(update={"stated": ()})})
        head = [_table(d.model_copy(update={"rows": d.rows[:1]}), lang, src)] if d.premise else []
        return "\n".join(head + [_table(plain.model_copy(update={"rows": (t,)}), lang, src)
                                 for t in d.rows[len(head):]])
    t = d.rows[0]
    n = src.cite_row(t)
    zh = framed_zh(t)
    # with several documents loaded, a figure says which year it is for (and whether it is an outcome)
    label = P.YEAR_LABEL[lang].format(year=t.period) if len(src.docs) > 1 and t.period else ""
    if lang == "en":
        name = (t.indicator_en or t.indicator)
        text = f"{label}{name[:1].upper()}{name[1:]}: {framed_en(t)} ({zh}) [{n}]."
    else:
        text = f"{label}{t.indicator}{'（实际）' if t.outcome else ''}：{zh}[{n}]。"
    gap = " " if lang == "en" else ""
    if d.premise:
        text = P.PREMISE[lang].format(framed=zh if lang == "zh" else f"{framed_en(t)} ({zh})") + gap + text
    elif d.reframed:
        text = P.REFRAMED[lang].format(framed=zh if lang == "zh" else framed_en(t)) + gap + text
    elif d.wrong_place:
        doc = src.docs.get(t.doc)
        text = P.WRONG_PLACE[lang].format(title=doc.title if doc else "", place=d.wrong_place) + gap + text
    elif d.part.stated and not d.wrong_year and asserts(d.part.text):  # …是10%对吗？ — yes
        text = P.CONFIRM[lang] + text
    if d.wrong_year:
        doc = src.docs.get(t.doc)
        text = P.WRONG_YEAR[lang].format(title=doc.title if doc else "", year=doc.year if doc else "") + (
            " " if lang == "en" else "") + text
    return text


def _text(d: FromText, lang: str, src: Sources) -> str:
    top = d.sentences[0]
    ch_title, sec_title = src.titles(top)
    if d.intent == "list":
        # 储能有啥项目: the items that name 储能; 项目, a kind of thing, names every item alike
        kinds = vocab().instance_words
        items = list_items(tuple(f for f in d.focus if f not in kinds) or d.focus, d.sentences)
        place = place_zh(top.chapter, top.section) if lang == "zh" else place_en(top.chapter, top.section)
        lines = [P.LIST[lang].format(place=place)]
        for hit, item in items:
            n = src.cite_hit(hit)
            lines.append(f"- {item}[{n}]" if lang == "zh" else f"- {item} [{n}]")
        return "\n".join(lines)
    if d.intent == "outline":
        return _outline(d, lang, src)
    if d.intent == "overview":
        return _overview(d, lang, src)
    if d.intent == "where":
        place = (place_zh(top.chapter, top.section, ch_title, sec_title, full=True) if lang == "zh"
                 else place_en(top.chapter, top.section, sec_title))
        quote = quote_of(d.focus, top)
        n = src.cite_hit(top, quote)
        return P.WHERE[lang].format(place=place) + f"“{quote}”[{n}]"
    if d.intent in ("correction", "unquantified"):
        quote = quote_of(d.focus, top)
        lead = P.CORRECTION if d.intent == "correction" else P.UNQUANTIFIED
        return lead[lang] + f"“{quote}”[{src.cite_hit(top, quote)}]"
    picked = [top] + [h for h in d.sentences[1:3] if (h.doc, h.chapter, h.section) == top.place]
    place = place_zh(top.chapter, top.section) if lang == "zh" else place_en(top.chapter, top.section)
    quotes = []
    # 合作主要是为了干什么: what a task is for follows it in its sentence (…合作，畅通…外销渠道): quoted to its end
    onward = d.part is not None and (d.part.reason or bool(vocab().cue["purpose"].search(d.part.text)))
    for h in picked:
        quote = quote_of(d.focus, h)
        if onward and (at := h.span.text.find(quote)) >= 0:
            quote = h.span.text[at:].rstrip("。；")
        quotes.append(f"“{quote}”[{src.cite_hit(h, quote)}]")
    return P.FACT[lang].format(place=place) + "".join(quotes)


def _overview(d: FromText, lang: str, src: Sources) -> str:
    """概括一下X方面: the sentences of the place where the plan treats it, each whole, in the plan's order."""
    top = d.sentences[0]
    place = place_zh(top.chapter, top.section) if lang == "zh" else place_en(top.chapter, top.section)
    lines = [P.LIST[lang].format(place=place)]
    for hit in d.sentences[:MAX_ITEMS]:
        item = hit.span.text.rstrip("。；：")
        n = src.cite_hit(hit, item)
        lines.append(f"- {item}[{n}]" if lang == "zh" else f"- {item} [{n}]")
    if len(d.sentences) > MAX_ITEMS:
        lines.append(P.MORE[lang].format(n=len(d.sentences) - MAX_ITEMS))
    return "\n".join(lines)


def _outline(d: FromText, lang: str, src: Sources) -> str:
    """第三章第二节讲什么: the place's title, then what it holds, one line each (a heading whole, a sentence by its
    lead clause), in the plan's order."""
    head, items = d.sentences[0], d.sentences[1:]
    place = place_zh(head.chapter, head.section) if lang == "zh" else place_en(head.chapter, head.section)
    place = place if lang == "zh" else place[:1].upper() + place[1:]
    lines = [P.OUTLINE[lang].format(place=place, title=head.span.text, n=src.cite_hit(head))]
    for hit in items[:MAX_ITEMS]:
        item = lead_clause(hit)
        n = src.cite_hit(hit, item)
        lines.append(f"- {item}[{n}]" if lang == "zh" else f"- {item} [{n}]")
    if len(items) > MAX_ITEMS:
        lines.append(P.MORE[lang].format(n=len(items) - MAX_ITEMS))
    return "\n".join(lines)


def _compare(d: Compare, lang: str, src: Sources) -> str:
    """Each year's figure with its citation, then the arithmetic: which is higher, by how much."""
    lines = []
    for t in d.rows:
        n = src.cite_row(t)
        label = P.YEAR_LABEL[lang].format(year=t.period)
        lines.append(f"{label}{t.indicator}：{framed_zh(t)}[{n}]。" if lang == "zh"
                     else f"{label}{t.indicator_en or t.indicator}: {framed_en(t)} ({framed_zh(t)}) [{n}].")
    if len(d.rows) >= 2 and all(isinstance(t.value, Decimal) for t in d.rows[:2]) and d.rows[0].unit == d.rows[1].unit:
        a, b = d.rows[0], d.rows[1]
        diff = b.value - a.value
        way = "higher" if diff > 0 else "lower" if diff < 0 else "same"
        unit = P.POINTS[lang] if a.unit == "%" else a.unit
        lines.append(P.COMPARE[(way, lang)].format(
            later=b.period, earlier=a.period, name=a.indicator, a=framed_zh(a), b=framed_zh(b),
            diff=_plain(abs(diff)), unit=unit))
    if d.missing:
        lines.append(P.MISSING_YEAR[lang].format(years="、".join(map(str, d.missing))))
    return ("" if lang == "zh" else " ").join(lines)


def _plain(x: Decimal) -> str:
    text = f"{x:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _clarify(d: Clarify, lang: str, src: Sources) -> str:
    lines = [P.CLARIFY[lang]]
    for t in d.rows:
        n = src.cite_row(t)
        name = f"{t.indicator_en} ({t.indicator})" if lang == "en" and t.indicator_en else t.indicator
        lines.append(f"- {name}：{framed_zh(t)}[{n}]" if lang == "zh" else f"- {name}: {framed_en(t)} ({framed_zh(t)}) [{n}]")
    return "\n".join(lines)


def _decline(d: Decline, lang: str, src: Sources, docs: tuple[ParsedDoc, ...]) -> str:
    years = sorted({x.year for x in docs if x.year})
    detail = d.detail if d.reason == "out_of_scope" else ""
    text = P.DECLINE[(d.reason, lang)].format(
        detail=f"“{detail}”" if detail else "这方面的内容", detail_en=f" ({detail})" if detail else "",
        place=_place_name(d.detail, lang) or ("那里" if lang == "zh" else "that place"), years=d.detail,
        numbered=_numbered(d.detail, lang) if d.reason == "no_place" else "",
        coverage=P.COVERAGE[lang].format(years="、".join(map(str, years)) if lang == "zh" else ", ".join(map(str, years))))
    if d.related is not None and d.reason in ("no_figure", "not_in_plan", "no_entity", "ranking", "other_place", "outcome",
                                                "portion", "compare", "sub_period", "multi_year"):
        quote = quote_of(d.focus, d.related)
        h = d.related
        if not any((c.doc, c.chapter, c.section, c.quote) == (h.doc, h.chapter, h.section, quote)
                   for c in src.citations):  # two declined parts about one sentence quote it once
            text += P.RELATED[lang] + f"“{quote}”[{src.cite_hit(h, quote)}]"
    return text


def _numbered(detail: str, lang: str) -> str:
    """chapter|section as the answer's language numbers it (九|（二） → 第九章第（二）节, chapter 9, section 2)."""
    chapter, _, section = detail.partition("|")
    if lang == "zh":
        return f"第{chapter}章" + (f"第{section}节" if section else "")
    return place_en(chapter, section) if chapter in CN_NUM else f"chapter {chapter}"


def _place_name(names: str, lang: str) -> str:
    """Places as the answer's language names them (中国 → China)."""
    if lang == "zh" or not names:
        return names
    v = vocab()
    out = []
    for canon in names.split("、"):
        latin = [n for n, c in v.places.items() if c == canon and n.isascii()]
        out.append(latin[0].title() if latin else canon)
    return ", ".join(out)
