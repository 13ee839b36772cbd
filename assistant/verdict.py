"""verdict: the one place that decides, per question part, from its evidence: answer from the target table, answer
with the plan's sentences, ask which figure is meant, or decline with a reason. Thresholds come from Settings
(measured by scripts/calibrate_verdict.py). Nothing downstream changes a decision; render only words it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.attribution import attributed, named_of_kind
from assistant.decisions import Decision, Decline, FromTable, FromText, Verdict, in_order, merge, weighed
from assistant.documents import pick
from assistant.evidence import EvidenceFinder
from assistant.evidence_models import Evidence
from assistant.models import ParsedDoc
from assistant.session import Turn
from assistant.settings import Settings
from assistant.understand.asks import clause_at, classify
from assistant.understand.split import DOCUMENT
from assistant.understand.types import Part, Place, Understanding
from assistant.verdict_figures import asserts, found_by_name
from assistant.verdict_text import TextRules, asked_phrase
from assistant.vocab import vocab

# What a question about the previous answer's own sentence asks of it (同一句里还有啥目标): its other figures
FIGURES_ASKED = re.compile(r"目标|指标|数字|数据|\b(figures?|targets?|numbers?)\b", re.I)
# A part of a compound question that points back at the part before it (…, and how big are they / 它投资多少)
POINTS_BACK = re.compile(r"\b(it|its|they|them|their|these|those)\b|它|它们|其|这些|该项目|这个项目|这个指标|该指标", re.I)


@dataclass
class Judge(TextRules):
    finder: EvidenceFinder
    docs: tuple[ParsedDoc, ...]
    settings: Settings

    def decide(self, u: Understanding, previous: Turn | None = None) -> Verdict:
        if u.smalltalk:
            return Verdict(understanding=u)
        if u.off_topic:
            return Verdict(understanding=u, decisions=(Decline(reason="off_topic"),))
        if not u.parts:
            reason = "unsafe" if (u.injection or u.pressure) else "out_of_scope"
            return Verdict(understanding=u, decisions=(Decline(reason=reason),))
        decisions: list[Decision] = []
        default_doc = ""
        taken: set[str] = set()
        parts_at: tuple[str, ...] = ()
        lex = self.finder.lexicon
        for i, part in enumerate(u.parts):
            if decisions and isinstance(decisions[-1], Decline) and (
                    POINTS_BACK.search(part.text) or self._reason_goes_on(u.parts[i - 1], part)
                    or all(vocab().cue["names_list"].search(p.text) for p in (u.parts[i - 1], part))):
                # what hydrogen projects are there, and how big are they: "they" are what the plan does not have
                # (…具体是哪些项目，有没有清单: the names asked again)
                decisions.append(Decline(part=part, reason=decisions[-1].reason, detail=decisions[-1].detail,
                                         related=decisions[-1].related))  # said once (decisions.merge)
                continue
            if (parts_at and decisions and isinstance(decisions[-1], FromTable) and POINTS_BACK.search(part.text)
                    and not lex.names_particular(part.text)):
                # …有一个量化指标，请写出这个指标的数值: the figure just found, said once (decisions.merge)
                decisions.append(decisions[-1].model_copy(update={"part": part}))
                continue
            if not part.at and parts_at and POINTS_BACK.search(part.text):
                part = part.model_copy(update={"at": parts_at})  # 第一章第三节的指标…这个指标的数值: the same place
            parts_at = part.at or parts_at
            decision, scope_default = self._part(part, previous, taken, u)
            if (isinstance(decision, Decline) and decision.reason == "not_in_plan" and part.scope and part.places
                    and not isinstance(again := self._part(part.model_copy(update={"scope": ()}), previous, taken,
                                                            u)[0], Decline)):
                decision = again  # 跟蒙古那边呢 after how investment is sought: not where the last answer was, elsewhere
            default_doc = default_doc or scope_default
            if not isinstance(decision, FromTable) and (wrong := self._premise_of(part, previous, taken, u)):
                decisions.append(wrong)  # 社零要增长8%，靠哪些办法…: the figure it rests on corrected first
            if isinstance(decision, FromTable):
                taken.update(r.id for r in decision.rows)
            decisions.append(decision)
        decisions = merge(self._alike(decisions, previous, u))
        if u.weighed:
            decisions = weighed(decisions)
        if u.ordered:
            decisions = in_order(decisions, u.ordered)
        return Verdict(understanding=u, decisions=decisions, default_doc=default_doc)

    def _premise_of(self, part: Part, previous: Turn | None, taken: set[str], u: Understanding) -> FromTable | None:
        """A question that asks how, what or why, built on a figure of the plan's table said wrong: the clause that
        states it, checked as a claim; its correction, or None when the figure is the plan's own (or no row's)."""
        if part.ask == "figure" or not part.stated or (at := part.text.find(part.stated[0].text)) < 0:
            return None
        clause = clause_at(part.text, at)
        # (a claim in English may keep its unit in Chinese, 500亿元: the language is that of the words around it)
        chinese = re.search(r"[\u4e00-\u9fff]{2}", re.sub(r"\d+(\.\d+)?[^\sA-Za-z]*", "", clause))
        claim = classify(f"{clause}，对吗" if chinese else f"Is it right that {clause}?", self.finder.lexicon, part.scope)
        if claim.ask != "figure":
            return None
        checked, _ = self._part(claim, previous, taken, u, placed=True)
        return checked if isinstance(checked, FromTable) and checked.premise else None

    def _reason_goes_on(self, before: Part, part: Part) -> bool:
        """为什么GDP目标只定6%，不定得更高一点？ / …？是不是经济形势不好？: after a why, a clause naming nothing
        particular that the why did not name guesses at the cause, or asks the same why the other way round."""
        lex = self.finder.lexicon
        return before.reason and part.ask != "figure" and not any(
            lex.specific(w) and w.lower() not in before.text.lower() for w in lex.content_words(part.text))

    # ------------------------------------------------------------------ one part

    def _asked_alone(self, part: Part, previous: Turn | None, taken: set[str], u: Understanding,
                     docs: tuple[str, ...] | None, ev: Evidence) -> FromTable | None:
        """冬天给牲口饮水全靠水窖，今年给弄多少座水窖: the story's everyday words thin the row's match; the phrase that
        asks, naming a particular thing by the plans' words, may name its row (only a row answers; worked out only
        after the whole question found none). `ev`: the whole question's evidence."""
        alone = part.model_copy(update={"text": asked_phrase(part.text)})
        if (not alone.text or not self.finder.lexicon.names_particular(alone.text)
                or self.finder.gather(alone, docs).unknown):
            return None
        again, _ = self._part(alone, previous, taken, u, placed=True)
        if not isinstance(again, FromTable):
            return None
        lex = self.finder.lexicon
        if not ev.unknown and not any(lex.specific(w) and w in t.quote for w in lex.content_words(alone.text)
                                      for t in again.rows):
            # the story in the plans' words (牧区缺水) found no row: the phrase that asks must name its row's own
            # thing (水窖), not only a word the row happens to fit (标准是多少)
            return None
        return again

    def _part(self, part: Part, previous: Turn | None, taken: set[str], u: Understanding,
              placed: bool = False) -> tuple[Decision, str]:
        s = self.settings
        if part.compare:
            years = self._years_compared(part)
            if len(years) < 2:
                return Decline(part=part, reason="compare"), ""
            return self._compare(part, years), ""
        scope = pick(part, self.docs)
        if scope.outcome_unavailable:
            return Decline(part=part, reason="outcome"), ""
        if scope.missing and not scope.docs:
            if not (asserts(part.text) and (part.stated or part.ask != "figure")):
                return Decline(part=part, reason="other_year", detail="、".join(map(str, scope.missing))), ""
            # 88万亩是2027年的任务对吧？: a claim about the year, checked against the plan that has the figure
            scope = pick(part.model_copy(update={"years": ()}), self.docs)
        docs = scope.docs or None
        default = scope.docs[0] if scope.chosen_by_default else ""
        if part.about_previous and previous is not None:
            return self._about_previous(part, previous), default
        if (part.same_sentence and previous is not None and FIGURES_ASKED.search(part.text)
                and (rows := self._same_sentence(previous))):
            return FromTable(part=part, rows=rows[:8]), default
        if part.superlative and previous is not None and not self.finder.lexicon.names_particular(u.asked):
            # 那最低的是哪个 after figures side by side: the same figures answer it, side by side again; 规模大的那个
            # after a list whose items hold figures of one kind (50万千瓦风电竞配、2万千瓦分散式风电): those figures
            shown = {(f.doc, f.indicator) for f in previous.answer.facts}
            rows = tuple(t for t in self.finder.table.rows() if (t.doc, t.indicator) in shown)
            if len(rows) < 2 and not previous.answer.facts and part.ask == "figure":
                listed = self._shown_before(previous)
                rows = tuple(t for t in listed if t.unit == listed[0].unit) if listed else ()
            if len(rows) >= 2:
                return FromTable(part=part, rows=rows), default
        if part.structure and not part.at and (outline := self._structure(part, docs)):
            return FromText(part=part, intent="outline", sentences=outline), default
        if part.at and not placed:  # 第三章第二节…: the place named by its numbers is what it is about, or where to look
            outline = next((o for d in (docs or tuple(x.doc for x in reversed(self.docs)))
                            if (o := self.finder.structure.outline(d, *part.at))), ())
            if not outline and not self.finder.lexicon.names_particular(part.text):
                return Decline(part=part, reason="no_place", detail="|".join(part.at)), default
            if outline and part.outline:
                return FromText(part=part, intent="outline", sentences=outline), default
            cue = vocab().cue
            if outline and part.ask == "figure" and (cue["quantified"].search(part.text)
                                                     or cue["topic_figures"].search(part.text)):
                # 第一章第三节有哪些量化指标: the figures that place gives
                rows = self._figures_of({(h.doc, h.chapter, h.section) for h in outline})
                if rows:
                    return FromTable(part=part, rows=rows[:4]), default
            if outline:
                inside, _ = self._part(part.model_copy(update={"scope": tuple(dict.fromkeys(
                    Place(doc=h.doc, chapter=h.chapter, section=h.section) for h in outline[len(outline) > 1:]))}),
                    previous, taken, u, placed=True)
                if not isinstance(inside, Decline) and not asserts(part.text):
                    return inside, default
            # not said there (第六章讲到养老服务中心…), a claim that it is (…是在第一章提的吧), or no such place
            # (第六章第二节关于饮用水水质…): the whole plan, where it is said, answers and its citation corrects the place
            part = part.model_copy(update={"at": ()})
        ev = self.finder.gather(part, docs)
        after_figure = previous is not None and previous.answer.route == "target"
        if part.ask != "figure" and (after_figure or part.stated) and (means := vocab().cue["means"].search(part.text)):
            # 社零要增长4.5%左右，靠哪些办法把消费拉起来: the clause that asks how names what the means are of (消费);
            # the target said before it is what they serve
            asking = clause_at(part.text, means.start())
            lex = self.finder.lexicon
            named = vocab().cue["means_words"].sub(" ", vocab().cue["means"].sub(" ", asking))
            # (…when what comes before it states the target: 从蒙古进口的资源，落地加工主要靠哪些企业 asks of it all)
            if asking != part.text and part.stated and any(len(w) >= 2 and w in lex.plan_text
                                                           for w in lex.content_words(named)):
                ev = self.finder.gather(part.model_copy(update={"text": asking}), docs)
            # 靠啥渠道涨 after a figure, or beside it: a sentence that only sets a target (one clause: 农牧民人均可支配收入
            # 增长5%左右；), or that the question itself says (要完成年度降碳减排任务), does not say how; one that goes on
            # (…统筹实施达克沙地综合治理二期等项目，确保完成88万亩…) may
            ev = ev.model_copy(update={"sentences": tuple(
                h for h in ev.sentences if "，" in h.span.text
                or not (re.search(r"\d", h.span.text) or h.span.text.strip("。；; ") in part.text))})
        if part.ask == "who" and not part.date_asked and all(vocab().cue["issued"].search(f) for f in ev.focus) \
                and (DOCUMENT.search(part.text) or vocab().cue["issuing_body"].search(part.text)) \
                and vocab().cue["issued"].search(part.text) \
                and (heads := [h for h in ev.sentences if h.chapter == "通知" and vocab().cue["organisation"].search(h.span.text)]):
            # 这份计划是谁发的 / the authority that issued the plan: the document's notice names who issues it
            # (its first line that names a body: the title, whose author it is, comes before the body that approved it)
            return FromText(part=part, intent="who", sentences=tuple(sorted(heads, key=lambda h: h.span.start)[:1]),
                            focus=()), default
        best = ev.sentences[0] if ev.sentences else None
        # what the plan says on the topic: a sentence found by what the question names, not by 指标 or 目标 alone
        related = best if best and best.coverage >= s.related_coverage and found_by_name(ev, best) else None
        if part.mention and (self._unmentioned(part, ev)
                             or any(not self._place_in((p,), self.finder.lexicon.plan_text) for p in part.places)):
            # 有没有提到5G基站 / Zamyn-Uud: a Chinese word the plans never use, or a place they never name: what it
            # names, they do not mention (an English word outside the glossary may be a paraphrase)
            return Decline(part=part, reason="not_in_plan", detail="、".join(ev.unknown)), default
        if part.defines and not self._spelled_out(part.defines) and not (
                vocab().cue["meaning"].search(part.text) and self._classified(part.defines)):
            # “8+1+1”分别指什么: the plan names it in quotes and goes on; what it stands for, it does not say
            held = next((h for h in ev.sentences if part.defines in h.span.text), related)
            return Decline(part=part, reason="not_in_plan", related=held, focus=(part.defines,)), default
        if part.ask == "figure" and part.procedure and not any(part.procedure in h.span.text for h in ev.sentences[:3]):
            # 招商部门的联系电话是多少: how to reach an office or do an errand, asked with 多少: no row's figure answers
            return Decline(part=part, reason="out_of_scope", detail=part.procedure), default
        if part.ask == "figure":
            decision = self._figure(part, ev, related, taken, u, docs, previous)
            # (the story's words may be the plans' own too, 牧区缺水: then no row answered the whole question)
            unmatched = ev.unknown or ev.resolution is None or ev.resolution.status == "none"
            if (isinstance(decision, Decline) and decision.reason == "no_figure" and not placed and unmatched
                    and not part.stated and (again := self._asked_alone(part, previous, taken, u, docs, ev))):
                return again, default
            return decision, default
        # a follow-up looking inside the previous answer (具体包括哪些？) needs less: its place is already known
        floor = s.related_coverage if part.scope else s.answer_coverage
        if best is not None and best.coverage >= s.related_coverage and self._named_in_full(ev, best):
            # 家里上有老下有小…养老服务中心建不建: the thing asked about, named by the plan's own full term, found;
            # the caller's other words thin the match, they do not make it another question
            floor = min(floor, best.coverage)
        # 计划里有没有提到深圳，在哪一节: a place alone is the topic when whether or where it is named is asked
        topic = ev.has_topic or ((part.mention or part.ask == "where") and any(c.place and c.known for c in ev.concepts))
        if best is None or best.coverage < floor or not topic:
            alone = part.model_copy(update={"text": asked_phrase(part.text)})
            if (not placed and alone.text and any(len(w) > 1 for w in self.finder.lexicon.content_words(alone.text))
                    and not self.finder.gather(alone, docs).unknown):
                # 家里羊多 草场不够吃 计划里对放牧有啥规定没有: the caller's story thins what the question names;
                # the phrase that asks, on its own and naming only the plans' words, may be found
                again, _ = self._part(alone, previous, taken, u, placed=True)
                # (a price asked, 暖气费…会不会往上调, stays asked: the phrase alone must not drop it)
                priced = vocab().cue["priced"]
                if not isinstance(again, Decline) and not (priced.search(part.text) and not priced.search(alone.text)):
                    return again, default
            return self._premise_or(self._not_found(part, ev, related), part, ev), default
        answering = self._answering(ev, part.ask, floor)
        # (in the sentence that asks: 我的公司在二连，别人欠钱不给。账款怎么说的 — the caller's own company is not asked of)
        asks_in = re.split(r"[。！!；;]", part.text.strip(" 。？?！!"))[-1]
        if part.ask == "fact" and (m := re.search(r"(?<![我俺咱])的(?P<head>[\u4e00-\u9fff]{2,4}?)(是|有|在|要|会|能|怎么|咋|如何)",
                                                  asks_in)) and any(w in m.group("head") and not self.finder.lexicon.places(w)
                                                                     for w in ev.unknown):
            # 第三小学的学区是咋划分的: what is asked of the thing (its 学区) is a word the plans never use (a place,
            # 周边的旗县怎么合作, is who it is asked of: the place check below)
            return self._premise_or(Decline(part=part, reason="not_in_plan", related=related, focus=ev.focus),
                                    part, ev), default
        if part.ask == "fact" and (m := vocab().cue["existence_asked"].search(part.text)) and (toks := [
                w for w, _, _ in self.finder.lexicon.segment(m.group("obj")) if w.strip()]) and toks[-1] in ev.unknown \
                and not self.finder.lexicon.places(toks[-1]):
            # 有没有失能老人护理床位: the thing whose existence is asked (床位) is a word the plans never use
            return self._premise_or(Decline(part=part, reason="not_in_plan", related=related, focus=ev.focus),
                                    part, ev), default
        named = [p for p in part.places if any(n in part.text for n in self.finder.lexicon.place_names(p))]
        if named:  # 去蒙古国旅游要办什么签证: a place named in Chinese: the plan's sentences must be about it
            answering = tuple(h for h in answering if any(
                n in self.finder.structure.place_text(h) for p in named for n in self.finder.lexicon.place_names(p)))
            if not answering:
                return self._premise_or(Decline(part=part, reason="not_in_plan", related=related, focus=ev.focus),
                                        part, ev), default
        if part.procedure and not any(part.procedure in h.span.text for h in answering):
            # 个税专项附加扣除怎么填报: the plan says what the city will do, not how a person files or applies
            return Decline(part=part, reason="out_of_scope", detail=part.procedure), default
        if part.ask == "list" and part.instances:
            # "@place": things that are places (友好城市): the sentence must name a place
            lex = self.finder.lexicon
            # a partner place named (跟乌兰察布合作的项目): the sentence naming a project must name the place too; a
            # field (清洁能源, 乡村振兴) may be its paragraph's heading instead
            named = [f for f in ev.focus if lex.places(f) and f not in part.instances]
            if not any((lex.places(h.span.text) if w == "@place" else w in h.span.text)
                       and (not named or any(f in h.span.text for f in named))
                       for h in answering for w in part.instances):
                # REITs有哪些项目 / 跟乌兰察布合作的项目有哪些: no sentence names a project (of that place)
                return self._premise_or(Decline(part=part, reason="not_in_plan", related=related, focus=ev.focus),
                                        part, ev), default
        counted = vocab().cue["counted_kind"].search(answering[0].span.text) if answering else None
        if part.ask == "list" and answering and (any(st.unit in vocab().count_units and st.text in answering[0].span.text
                                                     for st in part.stated)
                                                 or (counted and part.scope and counted.group("kind") in part.text
                                                     and vocab().cue["names_list"].search(part.text))):
            # 这68个项目都是哪些 / 其中具体是哪些项目，有没有清单 (after the count): the plan gives how many there
            # are (项目68个), not which they are
            return self._premise_or(Decline(part=part, reason="not_in_plan", related=answering[0], focus=ev.focus),
                                    part, ev), default
        if (part.superlative and not part.stated and part.ask not in ("who", "person", "locate")
                and (rows := self._alike_rows(answering, ev.focus))):
            # 这些里哪个最大 (风电项目): the figures the sentences give, of one kind, side by side
            return FromTable(part=part, rows=rows), default
        if part.superlative and not any(vocab().cue["ranked"].search(h.span.text) for h in answering):
            # 总投资最大的是哪个项目: the plan lists or counts them; which one is first, it must say itself
            return self._premise_or(Decline(part=part, reason="ranking", related=related, focus=ev.focus),
                                    part, ev), default
        if part.reason and not any(vocab().cue[c].search(part.text) for c in ("year_role", "says_why", "plan_claim")):
            # 为什么今年非要建养老服务中心: the plan says what it will do, not why; what it says is shown (a claim
            # about the plan first, 计划把X定为负增长，原因是什么, is answered with what the plan says)
            return Decline(part=part, reason="not_in_plan", related=answering[0], focus=ev.focus), default
        if part.ask in ("fact", "list") and (fee := vocab().cue["priced"].search(part.text)):
            # 老年人坐公交免费吗 / 供暖费今年涨不涨: a price, a fee or a subsidy asked; a sentence found must name one,
            # of the thing priced (暖气费: not 补助标准, said of social assistance)
            of = next((c.forms for c in ev.concepts if fee.group(0) in c.label or c.label in fee.group(0)), ())
            # 以旧换新那种补贴政策还有吗: a policy asked by what it subsidises, and a sentence naming that policy of the
            # plan (“两新”政策) with all else asked: the policy answers, not a sum
            named = [c.label for c in ev.concepts if c.known and not c.soft and c.forms is not of]
            policy = (part.text[fee.end():fee.end() + 2] == "政策" and named
                      and any("政策" in h.span.text and set(named) <= set(h.matched) for h in answering))
            if not policy and not any(vocab().cue["priced_said"].search(h.span.text)
                                      and (not of or any(f in h.span.text for f in of)) for h in answering):
                return self._premise_or(Decline(part=part, reason="not_in_plan", related=related, focus=ev.focus),
                                        part, ev), default
        entity = {"who": "organisation", "person": "person_name", "locate": "location"}.get(part.ask)
        # the kind asked for (在哪个场地办: 场地) is not the subject: 恐龙广场地下 does not name a venue of the rally
        asking = [m.group(0) for m in vocab().cue[part.ask].finditer(part.text)] if entity else []
        subject = tuple(f for f in ev.focus if not any(f in a for a in asking)) or ev.focus
        if entity and not any(attributed(h.span.text, subject, vocab().cue[entity], named_apart=True)
                              # an addressee line (A管委会，B单位，C政府：) is a list of bodies in itself
                              or (h.span.text.rstrip().endswith("：") and vocab().cue[entity].search(h.span.text))
                              or named_of_kind(h.span.text, ev.focus, vocab().cue[entity], generic=h is answering[0])
                              for h in answering):
            # 哪家企业中标 / where will it be sited: the plan's sentence must name one
            return self._premise_or(Decline(part=part, reason="no_entity", related=related, focus=ev.focus),
                                    part, ev), default
        if (part.overview and part.ask in ("list", "fact") and not part.scope
                and len(whole := self._treated(ev)) >= 2):
            # 概括一下促消费方面 / summarize the ecological measures: what the plan says where it treats the field
            return FromText(part=part, intent="overview", sentences=whole, focus=ev.focus), default
        intent = {"where": "where", "list": "list", "who": "who", "person": "who"}.get(part.ask, "fact")  # a location
        # found reads as a fact
        if intent == "fact" and self._enumeration(answering):
            intent = "list"
        return FromText(part=part, intent=intent, sentences=answering, focus=ev.focus), default
