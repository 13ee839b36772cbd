"""verdict, figures: how a part that asks a figure is decided (Judge's figure rules): a row of the target table, the
figure a sentence gives, which of several rows is meant, several years compared, a figure the plan gives declined
for what is asked of it (a share, a rank, a date, another currency), and figures asked side by side read alike."""

from __future__ import annotations

import re

from assistant.attribution import attributed
from assistant.decisions import Clarify, Compare, Decision, Decline, FromTable, FromText
from assistant.documents import pick
from assistant.evidence_models import Evidence, SentenceHit
from assistant.figures import FIGURE, is_figure, measure_units, reached, same_figure, same_kind, unit_kind
from assistant.models import Target
from assistant.session import Turn
from assistant.understand.types import Part, Understanding
from assistant.verdict_rows import TableRows
from assistant.vocab import CJK, vocab


def asserts(text: str) -> bool:
    """The question asserts something and asks whether it holds (听说…, …对吗？, …突破20亿元吧？, is it true that…)."""
    return bool(vocab().cue["premise"].search(text))


def found_by_name(ev: Evidence, hit: SentenceHit) -> bool:
    """Whether a sentence was found by a word the question names, not only by a generic one (指标, 目标) taken as
    the topic while the question names something the plans do not have (过货量有没有指标). Generic words alone are
    the topic when the question names nothing else (主要预期目标有哪些)."""
    return (any(c.label in hit.matched and not vocab().is_stop(c.label) for c in ev.concepts)
            or all(c.known for c in ev.concepts))


def _reframed(part: Part, row: Target) -> bool:
    """计划里说GDP确保增长6%，对吗: the plan's figure, with a governing word or bound the plan does not give it
    (6%左右): a claim to correct, not to confirm."""
    v = vocab()
    words = (*v.governing, *v.bound_after, "突破", "超过", "不低于")
    for x in part.stated:
        i = part.text.find(x.text)
        if i < 0 or not same_figure(x, row):
            continue
        said = {w for w in words if w in part.text[max(0, i - 8):i + len(x.text) + 3]}
        # …ensures GDP growth of 6%: a governing verb said in English (vocab/framing.toml)
        said |= {w for w, en in v.governing.items()
                 if re.search(rf"\b{en.split()[0]}", part.text[max(0, i - 40):i], re.I)}
        if len(part.stated) == 1:  # …88万亩 desertification control is only 力争 (strive), right?: said of it after
            said |= {w for w in v.governing if w in part.text}
        if said - {w for w in words if w in row.qualifier}:
            return True
        # 规划里说锦裕二期今年开工建设: a stage the plan gives the figure's project otherwise (投产)
        near = part.text if len(part.stated) == 1 else part.text[max(0, i - 12):i + len(x.text) + 12]
        claimed, own = [s for s in v.stage if s in near], [s for s in v.stage if s in row.qualifier]
        if claimed and own and not any(a in b or b in a for a in claimed for b in own):
            return True
    return False


def _share(ev: Evidence, name: str) -> float:
    """known_share, counting as known a word that `name` holds."""
    firm = [c for c in ev.concepts if not c.soft]
    total = sum(c.weight for c in firm)
    return sum(c.weight for c in firm if c.known or any(f in name for f in c.forms)) / total if total else 1.0


def close_hits(hits: tuple[SentenceHit, ...], floor: float, margin: float = 0.15) -> tuple[SentenceHit, ...]:
    """The best sentence and those nearly as good (within `margin` of it and above the floor)."""
    if not hits:
        return ()
    top = hits[0].coverage
    return tuple(h for h in hits if h.coverage >= max(floor, top - margin))


class FigureRules(TableRows):
    """Judge's rules for figure questions (a mixin: Judge holds the finder, the settings and the documents)."""

    def _alike(self, decisions: list[Decision], previous: Turn | None, u: Understanding) -> list[Decision]:
        """GDP 固投 社零 三个目标: figures asked side by side, none naming its measure, are of one kind. A part read
        as another kind (固投's amount beside two growth rates), or left open between kinds, is read as the
        others' kind, if the plan gives it one."""
        tables = [d for d in decisions if isinstance(d, FromTable) and len(d.rows) == 1 and d.part.measure is None]
        kinds = [d.rows[0].kind for d in tables]
        kind = max(set(kinds), key=kinds.count) if kinds else None
        if len(u.parts) < 3 or kind is None or kinds.count(kind) < 2:
            return decisions
        hit = next((m for m in vocab().measures if m.measure == kind), None)
        out = []
        for d in decisions:
            if isinstance(d, Clarify) and d.part.measure is None and len(same := [r for r in d.rows if r.kind == kind]) == 1:
                d = FromTable(part=d.part, rows=(same[0],))
            elif d in tables and d.rows[0].kind != kind and hit is not None:
                again, _ = self._part(d.part.model_copy(update={"measure": kind, "kinds": tuple(sorted(hit.kinds))}),
                                      previous, set(), u)
                if isinstance(again, FromTable) and again.rows[0].kind == kind:
                    d = again
            out.append(d)
        return out

    def _years_compared(self, part: Part) -> tuple[int, ...]:
        """The years a comparison sets side by side: those it names, 去年/今年 read against the newest plan."""
        plans = sorted(d.year for d in self.docs if d.genre == "plan")
        years = set(part.years)
        newest = plans[-1] if plans else 0
        if re.search(r"去年|上年|上一年|last year", part.text):
            years.add(newest - 1)
        if re.search(r"今年|this year", part.text) or (len(years) == 1 and newest not in years):
            years.add(newest)
        return tuple(sorted(years))

    def _compare(self, part: Part, years: tuple[int, ...]) -> Decision:
        rows, missing, uncovered = [], [], []
        # what is compared, without the comparison (比2026年高吗, higher than 2026's): the figure to look up
        asked = re.sub(r"\s+", " ", vocab().cue["compare"].sub(" ", part.text)).strip()
        for year in years:
            one = part.model_copy(update={"years": (year,), "compare": False, "ask": "figure", "text": asked})
            scope = pick(one, self.docs)
            found = None
            if scope.docs:
                res = self.finder.gather(one, scope.docs).resolution
                cands = [c.target for c in res.candidates] if res is not None and res.status != "none" else []
                # the same indicator in every year (固投目标 may mean its growth or its amount: the first year's
                # best reading decides, and the answer names it)
                same = [t for t in cands if rows and t.indicator == rows[0].indicator]
                found = (same or cands or [None])[0]
            if found is None:
                missing.append(year)
                if not scope.docs:
                    uncovered.append(year)
            else:
                rows.append(found)
        if not rows:
            return Decline(part=part, reason="compare")
        if len(rows) < 2 and uncovered:
            # 比去年定的目标高还是低, with no document for last year: nothing to compare with; the figure there is
            # is shown as what the plan does say
            return self._with_row(part, "compare", rows[0])
        return Compare(part=part, rows=tuple(rows), missing=tuple(missing))

    def _figure(self, part: Part, ev: Evidence, related: SentenceHit | None, taken: set[str], u: Understanding,
                docs: tuple[str, ...] | None, previous: Turn | None = None) -> Decision:
        s = self.settings
        res = ev.resolution
        if (res is not None and res.status == "ambiguous" and u.followup and previous is not None
                and not u.own_measure):  # 那储能电量规模呢 names its own measure
            res = self._as_before(res, previous)
        if res is not None and res.status == "ambiguous" and previous is not None:
            res = self._quoted_before(res, previous)
        # only 目标/指标, of no measure: maybe not a number (失业率目标 names a rate: a number)
        soft = not vocab().cue["figure"].search(part.text) and not part.stated and part.measure is None
        # 那边境经济合作区呢 after a figure: the figure was the previous question's; the caller's own words ask none
        soft = soft or (u.followup and not part.stated and not u.own_figure)
        if res is not None and res.status == "ambiguous" and len(u.parts) > 1:
            # a part of a compound question lost words its neighbour kept (固投项目个数和计划完成投资额): the whole
            # question, without the rows other parts took, may settle it
            whole = self.finder.gather(part.model_copy(update={"text": u.text}), docs).resolution
            # …without the rows the other parts name on their own either (the part after this one)
            claimed = {got.candidates[0].target.id for other in u.parts if other is not part and other.ask == "figure"
                       and (got := self.finder.gather(other, docs).resolution) is not None and got.status == "match"}
            if whole is not None and whole.candidates:
                left = [c for c in whole.candidates if c.target.id not in taken | claimed
                        and c.target.id in {x.target.id for x in res.candidates}]
                if left:
                    res = res.model_copy(update={"status": "match", "candidates": tuple(left[:1])})
        if (res is not None and res.status == "ambiguous" and part.measure == "magnitude" and not part.stated
                and all(c.target in self._siblings(res.candidates[0].target) for c in res.candidates[:2])):
            res = res.model_copy(update={"status": "match"})  # 储能电站的规模: its power and its energy (below)
        if part.each and part.scope and not part.portion and previous is not None and not previous.answer.facts \
                and len(rows := tuple(t for t in self.finder.table.rows()
                                      if t.kind in part.kinds and t.quote in previous.answer.answer)) >= 2:
            # 它们的规模分别是多少 after a list: the figures of the items it showed, each
            return FromTable(part=part, rows=rows[:8])
        if part.each and len(u.parts) == 1 and len(rows := self._each(part, ev)) >= 2:
            return FromTable(part=part, rows=rows)
        if res is not None and res.status == "match":
            row = res.candidates[0].target
            named = [t for t in self._named_rows(part.text)
                     if any(unit_kind(x.unit) is not None and unit_kind(x.unit) == unit_kind(t.unit) for x in part.stated)]
            if part.stated and asserts(part.text) and len(named) == 1 and row not in named:
                # 新闻说互市贸易额要突破20亿元: the row named in full is the claim's subject; the figure, another
                # row's value, is what the claim gets wrong
                row = named[0]
            if part.places and not self._place_in(part.places, row.quote):
                if part.stated and asserts(part.text) and all(same_figure(x, row) for x in part.stated):
                    # 锡林浩特市计划里提出互市贸易额力争突破15亿元，对吧: the plan's own figure, put in another place's
                    return FromTable(part=part, rows=(row,), wrong_place="、".join(part.places))
                return Decline(part=part, reason="other_place", detail="、".join(part.places), related=related)
            # (a word the table's own name for the row holds is the row's: 门槛 of 重点外贸企业进出口额门槛)
            if ev.known_share < s.out_of_scope_known and _share(ev, row.indicator) < s.out_of_scope_known:
                return Decline(part=part, reason="out_of_scope", detail="、".join(ev.unknown))
            if part.superlative and not vocab().cue["ranked"].search(row.quote):
                if not part.stated and len(rows := self._ranked_alike(row, part.text, ev.focus)) >= 2:
                    # 要开工的风电项目里规模最大的那个: the figures its sentence gives of that kind, side by side
                    return FromTable(part=part, rows=rows)
                # 68个项目里投资最大的是哪个: the row counts them; which one is first, the plan must say itself
                return self._with_row(part, "ranking", row, related, ev.focus)
            if part.per_unit and not vocab().cue["per_unit_row"].search(f"{row.indicator} {row.quote}"):
                # 边民每人每天的免税额度: the row is a total (互市贸易额), not a figure per person
                return self._with_row(part, "no_figure", row, related, ev.focus)
            if part.currency and row.unit.endswith("元"):
                # 进出口贸易额换算成美元是多少: the plan's figure is in yuan; a conversion it does not give
                return self._with_row(part, "no_figure", row, related, ev.focus)
            if ((said := f"{row.value_text()}{row.unit}").endswith("级") and said in part.text and not asserts(part.text)
                    and any(w.endswith(tuple(u.unit for u in vocab().units)) for w in part.measure_words)):
                # 千吨级铀矿开发基地的储量有多少吨: the class is the name the question calls it by; a number of
                # tonnes, the plan does not give
                return self._with_row(part, "no_figure", row, related, ev.focus)
            if (part.sub_period or part.multi_year) and row.kind != "date":
                # 社零分季度怎么安排 / 十五五期间进出口要达到多少: the plan's figure is for its one year
                return self._with_row(part, "sub_period" if part.sub_period else "multi_year", row, related, ev.focus)
            # 20万千瓦/80万千瓦时储能电站: the plan's figures of the same thing (its power and its energy) name it, truly
            siblings = self._siblings(row)
            units = [m for m in vocab().measures_asked(part.text) if m.measure != "magnitude"]
            if len(siblings) > 1 and not part.stated and (part.measure == "magnitude" or (
                    len(units) > 1 and sum(any(t.kind in m.kinds for m in units) for t in siblings) > 1)):
                # 储能电站的规模是多少 / 几万千瓦 几万千瓦时: its size is its power and its energy, both
                return FromTable(part=part, rows=tuple(siblings))
            true_premise = bool(part.stated) and all(any(same_figure(x, t) for t in siblings) for x in part.stated)
            # the total named by its figure (the 68 projects' 5.128 billion: what share of…), or by kind alone (how
            # many in retail versus catering)
            total = any(same_figure(x, row) for x in part.stated) or not part.stated
            if (true_premise and part.measure != "date" and part.date_asked
                    and not (asserts(part.text) and _reframed(part, row))):  # (a stage claimed wrong: corrected below)
                # 那个20万千瓦风电项目哪个月全容量发电: the figure named is the plan's; the date asked, it does not give
                return self._with_row(part, "no_figure", row, related, ev.focus)
            if (true_premise and part.reason) or (part.portion and total):
                # 460亿元里进口和出口各占多少 / why only 4.5%: the question names the plan's figure to ask for a part
                # of it, or for why it was set so; the plan gives neither
                return self._with_row(part, "portion" if part.portion else "not_in_plan", row, related, ev.focus)
            if len(siblings) > 1 and true_premise and len(part.stated) > 1 and not asserts(part.text):
                # 20万千瓦/80万千瓦时那个储能电站是开工还是投产: named by all its figures, asked how they are framed
                return FromTable(part=part, rows=tuple(siblings))
            # a stated figure of another kind points at the row (那35家企业是进出口额超过多少的): not a claim about it
            premise = tuple(x for x in part.stated if not any(same_figure(x, t) for t in siblings)
                            and same_kind(x.unit, row.unit))
            year = next((d.year for d in self.docs if d.doc == row.doc), 0)
            return FromTable(part=part, rows=(row, *self._confused(premise, row, ev)), premise=premise,
                             wrong_year=bool(part.years) and year not in part.years,
                             reframed=true_premise and asserts(part.text) and _reframed(part, row))
        if res is not None and res.status == "ambiguous":
            if part.per_unit and not any(vocab().cue["per_unit_row"].search(f"{c.target.indicator} {c.target.quote}")
                                         for c in res.candidates):
                # GDP per capita target: of the rows that fit, none is per person
                return self._with_row(part, "no_figure", res.candidates[0].target, related, ev.focus)
            if part.currency and (money := [c.target for c in res.candidates if c.target.unit.endswith("元")]):
                return self._with_row(part, "no_figure", money[0], related, ev.focus)  # in US dollars: see above
            if part.places and not any(self._place_in(part.places, c.target.quote) for c in res.candidates):
                return Decline(part=part, reason="other_place", detail="、".join(part.places), related=related)
            if part.measure is None and any(CJK.search(w) for w in ev.unknown):
                # 储能电站能享受多少贷款贴息: no measure the rows have, and a word the plans never use: a figure of
                # something they do not give, not a choice between the thing's figures
                return self._with_row(part, "no_figure", res.candidates[0].target, related, ev.focus)
            staged = [c.target for c in res.candidates if any(st in part.text and st in c.target.qualifier
                                                              for st in vocab().stage)]
            if len(staged) >= 2 and len({t.quote for t in staged}) == 1 and len({unit_kind(t.unit) for t in staged}) == 1:
                # 风电开工多少: the rows one sentence frames with the stage named (50万千瓦…、2万千瓦…开工建设), all
                return FromTable(part=part, rows=tuple(staged))
            ordinals = [c.target for c in res.candidates[:4]]
            if part.measure == "ordinal" and all(t.kind == "ordinal" and t.quote == ordinals[0].quote for t in ordinals):
                # 审议通过的会议届次: 第十六届…第五次会议 are the ordinals of one name, told together, not a choice
                return FromTable(part=part, rows=tuple(ordinals))
            if (n := vocab().cue["figures_counted"].search(part.text)) and len(res.candidates) == (3 if n.group("three")
                                                                                                else 2):
                # 居民收入的两项增速: as many figures as the question counts, and the rows that fit are those: all of them
                return FromTable(part=part, rows=tuple(c.target for c in res.candidates))
            return Clarify(part=part, rows=tuple(c.target for c in res.candidates[:4]))
        if part.portion and related is not None and (not part.stated or any(
                m.group(1) == x.value for m in FIGURE.finditer(related.span.text) for x in part.stated)):
            # a part of a total the table does not hold as a row, named by the sentence that gives the total
            return Decline(part=part, reason="portion", related=related, focus=ev.focus)
        # the table has no such row: a sentence may still state the figure, verbatim
        units = measure_units(part.measure)
        # what the figure is of: the focus without the words that asked for the measure (土默特街改造投资多少: the
        # street's renewal, not any 投资 the sentence names)
        subject = tuple(f for f in ev.focus if not any(f in w for w in part.measure_words)) or ev.focus
        v = vocab()
        framing = {*v.governing, *v.bound_before, *v.bound_after, *v.stage}
        # 新增多少绿地: a word that only frames a figure (新增, 完成) names no thing to give it to
        thing = any(f not in framing for f in subject)
        for hit in close_hits(ev.sentences, s.figure_text_coverage) if units is not None and thing else ():
            if part.places and not self._place_in(part.places, hit.span.text):
                continue
            if part.per_unit and not vocab().cue["per_unit_row"].search(hit.span.text):
                continue  # 每家企业能拿多少补贴: a total the sentence gives is no one firm's share
            if attributed(hit.span.text, subject, FIGURE, lambda m: is_figure(m, part.measure) and (
                    not units or any(x in m.group(2) for x in units))
                    and not (part.measure == "growth_rate" and reached(m, part.text))):
                # 听说沙地治理要搞100万亩，真的假的: a claimed figure the sentence gives otherwise (88万亩) is corrected
                said = [m for m in FIGURE.finditer(hit.span.text) if is_figure(m, part.measure)]
                wrong = asserts(part.text) and any(
                    x.text not in hit.span.text and any(same_kind(x.unit, m.group(2)) and unit_kind(x.unit) for m in said)
                    for x in part.stated)
                return FromText(part=part, intent="correction" if wrong else "figure", sentences=(hit,), focus=ev.focus)
        if part.places:
            return Decline(part=part, reason="other_place", detail="、".join(part.places), related=related)
        best = ev.sentences[0] if ev.sentences else None
        # …and the place must be found by what the question names, not by 指标 itself (过货量有没有指标: the plan
        # has no freight figure; 大气环境指标 is another matter)
        named = best is not None and found_by_name(ev, best)
        if vocab().cue["topic_figures"].search(part.text) and named and best.coverage >= s.answer_coverage:
            # 医疗那块有没有量化的指标？: the figures of the place that talks about it
            # …the figures its sentences give (降碳减排 is a task without one: 总体要求's growth rates are not about it)
            said = " ".join(h.span.text for h in close_hits(ev.sentences, s.answer_coverage))
            if best.heading:  # 对外开放方面: the section titled so holds the figures
                said += " ".join(h.span.text for h in self.finder.structure.body(best))
            rows = tuple(t for t in self._figures_of({best.place}) if t.quote in said)
            if rows:
                return FromTable(part=part, rows=rows[:4])
        if part.superlative and named and best.coverage >= s.related_coverage and not part.stated and (
                len(rows := [t for t in self._figures_of({best.place}) if t.kind in (part.kinds or ())]) > 1):
            # 主要预期目标里增速最低的是哪一项: the figures of one kind the place sets side by side; which is lowest,
            # they show (the plan does not rank them itself)
            return FromTable(part=part, rows=tuple(rows))
        if part.whether_figure and named and best.coverage >= s.related_coverage:
            # 对大气环境有没有给出量化指标？: no figure, and what the plan says instead is the answer
            return FromText(part=part, intent="unquantified", sentences=(best,), focus=ev.focus)
        if soft and named and best.coverage >= s.answer_coverage and not _unnamed_quantity(part, ev):
            intent = "list" if vocab().cue["list"].search(part.text) else "fact"
            answering = self._answering(ev, intent)
            intent = "list" if self._enumeration(answering) else intent
            return FromText(part=part, intent=intent, sentences=answering, focus=ev.focus)
        counted = vocab().cue["counted_items"].search(part.text)
        if (part.measure == "count" and not part.stated and named and best.coverage >= s.answer_coverage
                and counted and not any(w in part.text[counted.end():] for w in ev.unknown) and any(
                    "、" in c and any(f in c for f in ev.focus if not vocab().is_stop(f))
                    for c in re.split(r"[，；。]", best.span.text))):
            # 风电项目里今年要开工的有几个: the plan names them one by one (A、B) without a count; its list answers
            # (not when what is counted is a thing it never names: 低空经济要建几个起降场)
            return FromText(part=part, intent="list", sentences=(best,), focus=ev.focus)
        if ev.known_share < s.out_of_scope_known or not ev.has_topic:
            return Decline(part=part, reason="out_of_scope", detail="、".join(ev.unknown))
        decline = Decline(part=part, reason="no_figure", related=related, focus=ev.focus)
        if part.stated and not u.followup and related is not None and not re.search(r"\d", related.span.text):
            # 原文写着“新登记市场主体突破3000户”，确认一下: a figure claimed, in the asker's own words, of a thing the
            # plan gives no figure for; a sentence without one neither confirms nor corrects it
            return decline
        return self._premise_or(decline, part, ev)


def _unnamed_quantity(part: Part, ev: Evidence) -> bool:
    """口岸过货量啥目标 / the target for freight volume: the quantity whose target is asked is one the plans never name
    (an unknown word that is a quantity, or an unknown English word before one)."""
    quantity = vocab().cue["quantity_word"]
    for word in ev.unknown:
        after = None if CJK.search(word) else re.search(rf"\b{re.escape(word)}\s+(\w+)", part.text, re.I)
        if quantity.search(word) or (after and quantity.search(after.group(1))):
            return True
    return False
