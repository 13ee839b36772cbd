"""verdict, text rules: the plan's sentences that answer a part (the best and those nearly as good, what a heading
heads, an enumeration to its full stop), a claim answered with what the plan says, a decline with the sentence on
the topic, the previous answer's own place, and the plan's words for a term (a mixin: Judge holds the finder, the
settings and the documents)."""

from __future__ import annotations

import re

from assistant.decisions import Decision, Decline, FromTable, FromText
from assistant.evidence_models import Evidence, SentenceHit
from assistant.session import Turn
from assistant.understand.types import Part
from assistant.verdict_figures import FigureRules, asserts, close_hits, found_by_name
from assistant.vocab import CJK, vocab

# Asks for the rest of a place (还列了哪些别的任务, what else): not only what the question names.
OTHERS = re.compile(r"别的|其他|其它|其余|另外|还有|还列|还点名|还提到|还提了|还写了|同一(节|章|部分)|"
                    r"\bother\b|\belse\b|\bbesides\b|\bapart from\b", re.I)

# A field named as such (文旅方面, 教育这块): what else is asked of it, not of the whole place
FIELD_SAID = re.compile(r"[\u4e00-\u9fff]{2}(方面|这块|这一块|领域)")
# A field's targets asked (经济方面定了哪些目标): answered by the plan's list of targets, not a sentence naming one
TARGETS_ASKED = re.compile(r"(哪些|哪几个|什么|啥)(主要)?(目标|指标)|\b(which|what) (are the )?(main )?(targets|goals)\b", re.I)
OVERVIEW_MARGIN = 0.2  # coverage: a place whose best sentence is this close to the best answers a summary too


class TextRules(FigureRules):
    """Judge's rules for answers in the plan's sentences."""

    def _answering(self, ev: Evidence, ask: str, floor: float | None = None) -> tuple[SentenceHit, ...]:
        """The sentences that answer: the best and those nearly as good; under a heading that matched, the
        sentences it heads (the heading names the topic, they say what about it); an enumeration opened by a
        colon runs on to its full stop."""
        floor = self.settings.answer_coverage if floor is None else floor
        hits = close_hits(ev.sentences, floor)
        if ask == "list" and TARGETS_ASKED.search(ev.part.text):
            # 经济方面主要定了哪些目标: of sentences as good, the one that opens the plan's list of targets (…目标是：)
            hits = tuple(sorted(hits, key=lambda h: not self._enumeration((h,))))
            if self._enumeration(hits[:1]):
                return (hits[0], *self.finder.structure.continuation(hits[0]))
        top = hits[0]
        places = {(p.doc, p.chapter, p.section) for p in ev.part.scope}
        if (top.doc, top.chapter, top.section) in places:
            # 主要靠哪个工程 after the 三北 figure: what the last answer's place says, not every 工程 of the plan
            hits = tuple(h for h in hits if (h.doc, h.chapter, h.section) in places)
        elif (places and (vocab().cue["inside_said"].search(ev.part.text) or OTHERS.search(ev.part.text))
              and (inside := tuple(h for h in ev.sentences
                                   if (h.doc, h.chapter, h.section) in places and h.coverage > 0))):
            # 那里面草原保护怎么说的 after 生态保护在第六章 / 还有别的中心吗 after 胸痛中心: inside that place, said so,
            # though elsewhere says more
            hits = close_hits(inside, 0.0)
            top = hits[0]
        if ask == "list" and vocab().cue["subheadings"].search(ev.part.text):
            # 这一节下设哪几个小标题: the headings inside the section the question names, not what they head
            heads = self.finder.structure.place_headings(top)
            if len(heads) > 1:
                return heads
        if ask == "list":  # a heading among the best: the list is what it heads
            top = next((h for h in hits if h.heading), top)
            if not top.heading and top.matched:
                # 区域协作方面对接哪些地区: the best sentence's own section title names its strongest concept
                strongest = max((c for c in ev.concepts if c.label in top.matched), key=lambda c: c.weight).label
                top = next((h for h in ev.sentences if h.heading and (h.place, h.topic) == (top.place, top.topic)
                            and strongest in h.matched), top)
            if ev.part.scope and not top.heading and OTHERS.search(ev.part.text):
                # 还列了哪些别的任务: everything the previous answer's place lists (文旅方面还有哪些项目: those of its
                # sentences that name the field asked, when some do)
                every = self.finder.structure.place_sentences(top)
                if not FIELD_SAID.search(ev.part.text):
                    return every
                fields = [c for c in ev.concepts if c.known and not c.soft and self.finder.lexicon.specific(c.label)]
                return tuple(h for h in every if any(f in h.span.text for c in fields for f in c.forms)) or every
            if not top.heading and top.topic:
                # 跨境电商和互市有啥扶持方向: the paragraph's other sentences naming a thing asked by the plans' own
                # full term (加快跨境电商体系建设) list more of it
                names = {c.label for c in ev.concepts if c.known and not c.soft and not c.place and len(c.label) >= 4}
                hits += tuple(h for h in ev.sentences if h not in hits and not h.heading and h.coverage > 0
                              and (h.place, h.topic) == (top.place, top.topic) and names & set(h.matched))
        if top.heading:
            body = self.finder.structure.body(top)
            if ask == "list" and body:
                hits = body
            elif body:
                ranked = sorted(body, key=lambda h: -self.finder.coverage(ev.concepts, h.span.text)[0])
                # a heading that says what is done (打造向北开放门户) answers too; a bare topic (推进边境旅游) only heads
                # (…and asked how the field is placed, the topic line is the answer: 边境游是怎么定位的)
                heads = ask == "fact" and ("，" in top.span.text or vocab().cue["positioned"].search(ev.part.text))
                hits = ((top,) if heads else ()) + tuple(ranked[:2])
        elif ask != "where":
            hits = tuple(h for h in hits if not h.heading) or hits
        if ask in ("fact", "list") and not top.heading:
            hits += self._complements(ev, hits)
        out: list[SentenceHit] = []
        for h in hits:
            out.append(h)
            if ask in ("list", "fact"):
                out += [c for c in self.finder.structure.continuation(h) if c.span.start not in {x.span.start for x in out}]
        return tuple(out)

    def _complements(self, ev: Evidence, hits: tuple[SentenceHit, ...]) -> tuple[SentenceHit, ...]:
        """…regular contact with firms and the settlement of overdue payments: two things asked, said in two sentences
        of one section. A sentence of the best one's section that holds, in its own words, a particular thing the
        question names and the chosen sentences do not, answers too."""
        top = hits[0]
        lex = self.finder.lexicon  # a particular thing (账款清欠), not a word said all over the plans (项目)
        wanted = [c for c in ev.concepts
                  if c.known and not c.soft and not c.place and c.weight > 0 and lex.specific(c.label)]

        def said(h: SentenceHit, lead: str = "") -> set:  # in its own words (or its lead's), not its heading's
            return {c for c in wanted if any(f in h.span.text or f in lead for f in c.forms)}

        # an item of an enumeration holds what its lead names (主要预期目标是：…；一般公共预算收入增长2%左右)
        missing = set(wanted) - {c for h in hits for c in said(h, self.finder.lead(h))}
        out: list[SentenceHit] = []
        for h in ev.sentences:
            if not missing:
                break
            if (h in hits or h.heading or (h.doc, h.chapter, h.section) != (top.doc, top.chapter, top.section)
                    or h.coverage < self.settings.complement_coverage):
                continue
            if new := missing & said(h):
                out.append(h)
                missing -= new
        return tuple(out)

    def _treated(self, ev: Evidence) -> tuple[SentenceHit, ...]:
        """The sentences of the place (a section, or a bold topic's paragraph) where the plan treats what the question
        names: the place whose sentences hold most of it together, not the one sentence that names most of it (the
        general requirements name every field once)."""
        held: dict[tuple, float] = {}
        said: dict[tuple, set[str]] = {}
        for h in ev.sentences:
            if h.coverage > 0 and not h.heading:
                held[(h.place, h.topic)] = held.get((h.place, h.topic), 0.0) + h.coverage
                said.setdefault((h.place, h.topic), set()).update(h.matched)
        # among the places holding a sentence nearly as good as the best (uranium: its own paragraph, not mining's),
        # or headed by one (提升对外开放水平…: the section its title names), or whose sentences together say as much
        # (教育医疗有啥安排: the section with a sentence on each, not the one line naming both as exchanges)
        near = {(h.place, h.topic) for h in close_hits(ev.sentences, 0.0, OVERVIEW_MARGIN)} & held.keys()
        total = sum(c.weight for c in ev.concepts) or 1.0
        best = ev.sentences[0].coverage if ev.sentences else 0.0
        near |= {k for k, labels in said.items()
                 if sum(c.weight for c in ev.concepts if c.label in labels) / total >= best - OVERVIEW_MARGIN}
        if not near:
            return ()
        where = max(near, key=lambda k: held.get(k, 0.0))  # a near place found with no coverage holds nothing
        if sum(1 for h in ev.sentences if (h.place, h.topic) == where and h.coverage > 0 and not h.heading) < 2:
            return ()  # 带娃托管有啥打算: one sentence says it; a thing, not a field the place treats
        first = next(h for h in ev.sentences if (h.place, h.topic) == where and not h.heading)
        structure = self.finder.structure
        if not first.topic:
            # …and a section opens with its title, which says what it is for (打造向北开放门户)
            title = tuple(h for h in structure.outline(first.doc, first.chapter, first.section)[:1]
                          if h.section == first.section and h.chapter not in ("总体要求", "通知"))
            return title + structure.place_sentences(first)
        # a bold topic's paragraph opens with the topic it treats (壮大进出口加工业): said first, as the plan does
        head = tuple(h for h in structure.place_headings(first) if h.topic == first.topic)[:1]
        return head + tuple(sorted((first, *structure.body(first)), key=lambda h: h.span.start))  # body leaves `first` out

    def _enumeration(self, answering: tuple[SentenceHit, ...]) -> bool:
        """主要目标是什么 / Tell me the main targets: the answer opens an enumeration with a colon, so it is given whole,
        item by item, not as its first sentences."""
        return bool(answering) and "：" in answering[0].span.text and len(
            self.finder.structure.continuation(answering[0])) >= 2

    def _premise_or(self, decline: Decline, part: Part, ev: Evidence) -> Decision:
        """A question that asserts something (听说…对吗？) is answered with what the plan does say, as a
        correction, rather than declined: it asked whether the claim is true, and the plan's text answers that."""
        if not asserts(part.text) or decline.related is None or decline.reason == "out_of_scope":
            return decline
        if part.measure is not None and not part.kinds:
            # 热电联产弄好了是不是就要涨价了: a claim about a figure no plan row gives (a price, a ranking); its text
            # neither confirms nor corrects it
            return decline
        stages = [s for s in vocab().stage if s in part.text]
        if stages and all(s in decline.related.span.text for s in stages):
            # 计划里说风电竞配今年开工建设，具体几月: the stage claimed is the plan's; what is asked, it does not give
            return decline
        return FromText(part=part, intent="correction", sentences=(decline.related,), focus=ev.focus)

    @staticmethod
    def _named_in_full(ev: Evidence, hit: SentenceHit) -> bool:
        """The sentence holds a thing the question names by the plan's own term of four characters or more."""
        return any(c.known and not c.place and not c.soft and len(c.label) >= 4 and (CJK.match(c.label) or c.label.isascii())
                   and c.label in hit.span.text for c in ev.concepts)

    def _not_found(self, part: Part, ev: Evidence, related: SentenceHit | None) -> Decision:
        if ev.known_share < self.settings.out_of_scope_known:
            return Decline(part=part, reason="out_of_scope", detail="、".join(ev.unknown))
        if related is None:
            # 听说市场采购贸易试点已经批下来了: the thing named by the plan's own full term (four characters or more),
            # in a question thinned by everyday words: what the plan says of it is shown
            related = next((h for h in ev.sentences if self._named_in_full(ev, h)), None)
        return Decline(part=part, reason="not_in_plan", related=related, focus=ev.focus)

    def _about_previous(self, part: Part, previous: Turn) -> Decision:
        """这是在哪一部分说的？: the place of the previous answer's first source. 这个是确保还是力争 after an answer
        in sentences (a list): the figures those sentences frame, each with its framing (力争…突破460亿元)."""
        if vocab().cue["framing_asked"].search(part.text) and not previous.answer.facts:
            if rows := self._shown_before(previous):
                return FromTable(part=part, rows=rows[:3])
        cite = previous.answer.citations[0] if previous.answer.citations else None
        if cite is None:
            return Decline(part=part, reason="not_in_plan")
        hits = self.finder.structure.sentences_with(cite.doc, cite.chapter, cite.section, cite.quote)
        if not hits:
            return Decline(part=part, reason="not_in_plan")
        return FromText(part=part, intent="where", sentences=hits[:1])

    def _structure(self, part: Part, docs: tuple[str, ...] | None) -> tuple[SentenceHit, ...]:
        """开放合作的那一章分了几节: the outline of the chapter (or section) where what the question names is found."""
        ev = self.finder.gather(part, docs)
        best = ev.sentences[0] if ev.sentences else None
        if best is None or not found_by_name(ev, best) or best.coverage < self.settings.answer_coverage:
            return ()
        return self.finder.structure.outline(best.doc, best.chapter, "" if part.structure == "chapter" else best.section)

    def _unmentioned(self, part: Part, ev: Evidence) -> bool:
        """有没有提到5G基站建设: what follows the asking names nothing of the plans' own (only words they never use,
        or generic ones), while 有没有提瑞茨 就是REITs names REITs, which they do use."""
        lex = self.finder.lexicon
        m = vocab().cue["mention"].search(part.text)
        # 有没有提到X, or X…计划里有没有提 (the cue last: what it asks about came before it)
        asked = lex.content_words(part.text[m.end():] if m else part.text) or lex.content_words(part.text)
        unknown = {c.label for c in ev.concepts if not c.known and CJK.search(c.label)}
        # a known word run into an unknown one is part of a name the plans never use (综合+保税区, 燃料+重卡), unless
        # the plans use the whole (锡职院二连学院) or the glossary reads the words as theirs (基础设施公募 → REITs)
        everyday = [k for k in lex.glossary.everyday_terms if k in part.text]
        glued = {w for w in asked for x in unknown if len(x) > 1 and not any(x in k for k in everyday)
                 for run in (f"{w}{x}", f"{x}{w}") if run in part.text and run not in lex.plan_text}
        return bool(unknown) and not any(w not in unknown and w not in glued and lex.specific(w) for w in asked)

    def _spelled_out(self, term: str) -> bool:
        """Whether the plans say what a name stands for: the name followed by 即, 是指, 包括, a colon or a bracket
        (“X”即…, X（…）), or the plans never have it in quotes (then it is not a name of theirs: read as usual)."""
        text = self.finder.lexicon.plan_text
        quoted = re.escape(f"“{term}”")
        if not re.search(quoted, text):
            return True
        return bool(re.search(quoted + r"[，,]?(即|是指|指的是|包括|包含|主要是|分别是|：|:|（|\()", text))

    def _classified(self, term: str) -> bool:
        """“统种共富”“托管代养”等新型合作模式: the plans say what kind of thing a name is, which answers what it means
        (not what it consists of)."""
        # …or name the kind right after it (“8+1+1”公共就业服务体系, “四水四定”原则)
        return bool(re.search(re.escape(f"“{term}”") + r"((“[^”]{1,16}”)*等)?[\u4e00-\u9fff]{2,12}[，。；]",
                              self.finder.lexicon.plan_text))

    def _place_in(self, places: tuple[str, ...], text: str) -> bool:
        return all(any(n in text for n in self.finder.lexicon.place_names(p)) for p in places)


def asked_phrase(text: str) -> str:
    """The phrases from the first that asks to the end, after phrases that only tell (a caller's story); "" when
    the text is one phrase or its first phrase asks."""
    phrases = [p for p in re.split(r"[\s，,]+", text.strip()) if p]
    first = next((i for i, p in enumerate(phrases) if vocab().cue["asking"].search(p)), 0)
    return " ".join(phrases[first:]) if first > 0 else ""
