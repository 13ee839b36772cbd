"""asks: what one question part asks for (a figure of some measure, a list, a place in the plan, an organisation,
or a fact), the figures it states, the places and years it names, and whether it asks for an outcome or a
comparison the documents cannot give. Cues are data (vocab/asks.toml)."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.lexical import Lexicon
from assistant.understand.types import Part, Place, Stated
from assistant.vocab import CJK, QUOTED, vocab

NUMBER_ASKED = re.compile(r"多少|how (many|much)|增长|增速|规模多大|多大|多长|what percentage|\bgrowth\b", re.I)
CLAIM_NEXT = "是吗吧呢啊呀对了左以还或"  # after a figure claimed (35家是…, 10%左右吗), not a noun it names
# a year, not a figure with its unit (2000万吨, 2000亿元, 2025户)
YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?:\s*年|(?![\d.%％]|\s*(?:万|亿|千|百|元|吨|户|家|个|人|公里|亩|千瓦|座|眼|项)))")


# An amount said in English (600 billion yuan, RMB 2 billion): stated as the plans write it, in 亿元 or 万元.
EN_AMOUNT = re.compile(r"(?:rmb|cny|¥)?\s*(\d+(?:\.\d+)?)\s*(billion|million)\s*(?:yuan|rmb|cny)?", re.I)


def _en_amounts(text: str) -> list[Stated]:
    out = []
    for m in EN_AMOUNT.finditer(text):
        if not re.search(r"yuan|rmb|cny|¥", m.group(0), re.I):
            continue
        n = float(m.group(1)) * (10 if m.group(2).lower() == "billion" else 0.01)  # in 亿
        value, unit = (n, "亿元") if n >= 1 else (n * 10000, "万元")
        out.append(Stated(value=f"{value:.4f}".rstrip("0").rstrip("."), unit=unit, text=m.group(0).strip()))
    return out


# A tonnage said in English (a 10,000-ton-class base, 5 million tonnes): stated as the plans write it, in 万吨 or 吨.
EN_TONS = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(thousand|million)?[- ]?(?:metric )?(?:tonnes?|tons?)\b", re.I)


def _en_tons(text: str) -> list[Stated]:
    out = []
    for m in EN_TONS.finditer(text):
        n = float(m.group(1)) * {"thousand": 1e3, "million": 1e6}.get((m.group(2) or "").lower(), 1)
        value, unit = (n / 1e4, "万吨") if n >= 1e4 else (n, "吨")
        out.append(Stated(value=f"{value:.4f}".rstrip("0").rstrip("."), unit=unit, text=m.group(0).strip()))
    return out


# A count said in English (the 68 investment projects): stated in the unit the plans count that noun in.
EN_COUNT = re.compile(r"(?<![\d.])(\d+)\s+(?:(?!(?:mw|kw|gw|kwh|mwh|mu|km|yuan|rmb|billion|million|tonnes?|tons?|"
                      r"percent)\b)[a-z-]+\s+){0,3}?(projects?|enterprises?|companies|company|firms?|households?)\b", re.I)
EN_COUNT_UNIT = {"project": "个", "enterprise": "家", "compan": "家", "firm": "家", "household": "户"}


def _en_counts(text: str) -> list[Stated]:
    return [Stated(value=m.group(1), unit=next(u for k, u in EN_COUNT_UNIT.items() if m.group(2).lower().startswith(k)),
                   text=m.group(1)) for m in EN_COUNT.finditer(text)]  # the number: its noun names the topic


@lru_cache(maxsize=1)
def _rejected() -> re.Pattern:
    """The words just before a figure said not to be chosen (，不定 7% / 而不是 8%)."""
    return re.compile(rf"(?:[，,]\s*)?{vocab().cue['rejecting'].pattern}(定|是|选|设|定为|定在)?(成|为|在)?$")


def stated_figures(text: str) -> tuple[Stated, ...]:
    years = {m.start(1) for m in YEAR.finditer(text)}
    out = _en_amounts(text) + _en_tons(text) + [x for x in _en_counts(text)
                                                if x.value not in {text[y:y + 4] for y in years}]
    for m in vocab().cue["stated_figure"].finditer(text):
        if m.start(1) in years or _rejected().search(text[max(0, m.start(1) - 6):m.start(1)]):
            continue  # 为什么定6%，不定7%: a figure said not to be chosen is no claim
        unit = {"％": "%", "percent": "%", "per cent": "%", "个百分点": "%", "个点": "%", "百分点": "%"}.get(
            m.group(2).lower(), m.group(2))
        if unit in ("个", "项") and vocab().cue["counted_asks"].match(text, m.end()):
            continue  # 固投三个指标的目标分别是多少: how many things are asked, not a figure stated
        if unit in ("个", "项", "条", "点", "种") and text[max(0, m.start(1) - 1):m.start(1)] == "第":
            continue  # 第2个是什么进度: an item of a list pointed at, not a figure stated
        if unit.startswith("月"):  # 4月1号: a date stated
            day = re.search(r"\d+", unit).group(0)
            out.append(Stated(value=f"{m.group(1)}月{day}日", unit="date", text=m.group(0)))
            continue
        out.append(Stated(value=m.group(1), unit=unit, text=m.group(0)))
    return tuple(out)


def clause_at(text: str, at: int) -> str:
    """The clause of `text` (between commas or stops) that holds position `at`."""
    return re.split(r"[，,。；;？?！!]", text[:at])[-1] + re.split(r"[，,。；;？?！!]", text[at:])[0]


def _means_asked(text: str) -> bool:
    """The clause that asks how (靠哪些办法, 通过什么方式, by what means) asks no number of its own."""
    m = vocab().cue["means"].search(text)
    return bool(m) and not re.search(r"多少|几|how (many|much)", clause_at(text, m.start()), re.I)


def classify(text: str, lexicon: Lexicon, scope: tuple[Place, ...] = (), about_previous: bool = False) -> Part:
    v = vocab()
    cue = v.cue
    stated = stated_figures(text)
    # the measure asked is read without the figures stated (那个20万千瓦的储能电站总投资多少: money, not power)
    bare = text
    for x in stated:
        bare = bare.replace(x.text, " " * len(x.text))
    measure, kinds, spans = v.measure_of(bare)
    if measure == "count" and cue["in_percent"].search(text):  # how many patients…, as a percentage: a share
        measure, kinds = "share", next(m.kinds for m in v.measures if m.measure == "share")
    if measure == "count" and cue["bare_how_many"].search(bare) and not cue["counted_noun"].search(bare):
        # the income increase target is how many: "how many" of nothing counted asks the size of the growth named
        grown = next((m for m in v.measures if m.measure == "growth_rate" and m.pattern.search(bare)), None)
        if grown is not None:
            measure, kinds = grown.measure, grown.kinds
    # a name the question quotes asks nothing by its words (“扩大清洁能源产业规模”部分涉及哪些项目: not a 规模)
    cued = QUOTED.sub(lambda m: "“" + "　" * (len(m.group(0)) - 2) + "”", text)
    listing = bool(cue["list"].search(cued))
    if cue["in_plan"].search(cued):
        ask = "where"  # 在计划里哪个位置: a place in the plan, not on the ground
    elif cue["locate"].search(cued):
        ask = "locate"
    elif cue["where"].search(cued):
        ask = "where"
    elif cue["person"].search(cued):
        ask = "person"
    elif cue["who"].search(cued):
        ask = "who"
    elif cue["year_role"].search(cued):  # 今年有什么特殊意义: what the plan says the year is
        ask = "fact"
    elif stated and cue["which_indicator"].search(cued):
        ask = "figure"  # 45%是指什么: the row the figure is
    elif stated and _means_asked(cued):
        ask = "list"  # 社零要增长4.5%左右，靠哪些办法把消费拉起来: the means, the figure stated as what they serve
    elif cue["topic_figures"].search(cued) and (cue["quantified"].search(cued) or not listing):
        ask = "figure"  # 对外开放方面有哪些量化目标: the figures, not the tasks
    elif (listing and not NUMBER_ASKED.search(cued)) or cue["count_items"].search(cued):
        ask = "list"  # 那几个事项是哪些: which ones; 共有几项: the items, which the plan lists and does not count
    elif cue["figure"].search(cued) or stated or cue["figure_word"].search(cued):
        ask = "figure"
    elif cue["bare_quantity"].search(cued):
        # 口岸过货量 / 社会消费品零售总额: the figure of the thing named, whatever its kind (总额 ends the name)
        ask, measure, kinds = "figure", None, None
    elif listing:
        ask = "list"
    else:
        ask = "fact"
    if ask == "figure" and stated and (measure is None or measure == "share"
                                       or (measure != "count" and not cue["asks_number"].search(text))):
        # 投资99亿元对吗: the stated figure's unit says what kind of figure is meant (the figure claimed, not one
        # that names the thing: 超5000万元企业35家 claims 35家); a count asked in words (超5000万元的企业数量) stays
        claim = _claimed(text, stated)
        kind = ("date" if claim.unit == "date" else v.stated_kind.get(claim.unit)
                or next((u.kind for u in v.units if u.unit == claim.unit), None))
        if kind is None and claim.unit in v.count_units:
            kind = "count"
        if kind == "count" and measure not in (None, "count", "share"):
            kind = None  # 三个风电项目的装机规模: how many things are named, not the capacity asked
        if kind == "growth_rate" and measure == "share":
            kind = None  # the medical rate is 54%, right: a rate asked, which a % states; its kinds take both
        if kind:
            hit = next((m for m in v.measures if m.measure == kind), None)
            # an amount stated (超5000万元企业35家) claims an amount, not a threshold; a % stated may be a share
            # (45%是指什么: 市域就诊率)
            measure, kinds = kind, (hit.kinds if hit and kind != "amount" else frozenset({kind}))
            if kind == "growth_rate":
                kinds = frozenset(kinds) | {"share"}
    return Part(
        text=text, ask=ask, measure=measure if ask == "figure" else None,
        measure_words=tuple(bare[a:b] for a, b in spans) if ask == "figure" else (),
        kinds=tuple(sorted(kinds)) if ask == "figure" and kinds is not None else (),
        stated=stated, places=_places_asked(text, lexicon),
        years=tuple(sorted({int(m.group(1)) for m in YEAR.finditer(text)})),
        # 是已经完成的还是今年计划实施的: done or planned, the plan's own word one of the choices: no outcome asked
        # …计划文本中的增速目标现在是多少: the plan's own target asked, as it now stands, is no outcome either
        outcome=bool(cue["outcome"].search(text)) and not cue["planned_choice"].search(text)
        and not cue["plan_target_now"].search(text),
        compare=bool(cue["compare"].search(text)),
        other_period=_other_period(text),
        scope=scope, about_previous=about_previous, procedure=_procedure(text),
        portion=(bool(stated) and bool(cue["portion"].search(text) or cue["portion_each"].search(text))
                 or (bool(cue["breakdown"].search(text)) and not cue["compare"].search(text))),
        reason=bool(cue["reason"].search(text)),
        sub_period=bool(cue["sub_period"].search(text)),
        multi_year=bool(cue["multi_year"].search(text)),
        superlative=bool(cue["superlative"].search(text)),
        overview=bool(cue["overview"].search(text)),
        each=bool(cue["distributive"].search(text)),
        per_unit=bool(cue["per_unit"].search(text)),
        currency=bool(cue["currency"].search(text)),
        mention=bool(cue["mention"].search(text)),
        whether_figure=bool(cue["whether_figure"].search(text)),
        date_asked=any(m.measure == "date" and m.pattern.search(text) for m in v.measures),
        instances=_instances(text),
        defines=next((t for t in lexicon.quoted_names if t in text), "") if cue["defines"].search(text) else "",
        structure=_structure(text),
        same_sentence=bool(cue["same_sentence"].search(text)),
    )


KIND_OF = re.compile(r"(像)?(这种|这类|这样的|这一类|这种类型的|类似的|那种|那类)")


def _other_period(text: str) -> bool:
    """去年 / 明年 / last year named, and not followed by this year (我们去年刚过5000万，今年…达到多少家: the story was
    of last year, the question is of this one)."""
    cue = vocab().cue
    said = list(cue["other_period"].finditer(text))
    if not said or cue["this_year_after"].search(text, said[-1].end()) or cue["this_or_other"].search(text):
        return False
    # 去年的工钱还没结，这种拖欠工钱的事计划里管不管: the story was last year's; the question is about that kind of
    # thing (这种…), whenever it happens
    last = re.split(r"[，,。；;]", text.rstrip(" ，,。？?；;"))[-1]
    return not (KIND_OF.match(last.strip()) and said[-1].end() <= len(text) - len(last))


def _claimed(text: str, stated: tuple[Stated, ...]) -> Stated:
    """The stated figure that is claimed: the first in the text not run into the noun it names (超5000万元企业 names
    firms; more than 35 firms each doing over RMB 50 million claims 35)."""
    for x in sorted(stated, key=lambda x: (text.find(x.text) < 0, text.find(x.text))):
        at = text.find(x.text)
        after = text[at + len(x.text):at + len(x.text) + 1] if at >= 0 else ""
        if not after or not CJK.match(after) or after in CLAIM_NEXT:
            return x
    return stated[0]


def _structure(text: str) -> str:
    """开放合作的那一章分了几节 → chapter; 那一节分成哪几块 → section: how the place about a topic is divided."""
    m = vocab().cue["structure"].search(text)
    if m is None:
        return ""
    unit = (m.group("unit") or m.group("unit_en") or "").lower()
    return "chapter" if unit in ("章", "chapter") or (not unit and ("章" in text or "chapter" in text.lower())) else "section"


def _places_asked(text: str, lexicon: Lexicon) -> tuple[str, ...]:
    """The places whose plan the question asks about: not where the asker comes from (我是乌兰察布来的客商) nor
    where people go, study or are treated (跑呼市跑北京看病); a place listed right after such a one (请北京呼市的专家)
    is the same kind."""
    cue = vocab().cue
    spots = sorted((m.start(), m.end(), place) for place in lexicon.places(text)
                   for n in {place, *lexicon.place_names(place)} if n
                   for m in re.finditer(re.escape(n), text))
    aside: dict[str, bool] = {}
    last_end, last_aside = -1, False
    # 扎门乌德市政府作为友好城市，希望了解贵市…: a place named before the asker turns to "your city" is the asker's
    yours = cue["your_city"].search(text)
    for start, end, place in spots:
        before, after = text[:start], text[end:]
        listed = last_end >= 0 and re.fullmatch(r"[、和跟与及,，\s]?", text[last_end:start]) is not None
        here = bool((yours and end <= yours.start()) or cue["asker_from"].search(before)
                    or cue["whereabouts_before"].search(before) or cue["whereabouts_after"].search(after)
                    # (香港基金…, 我们是深圳一家企业: nothing but who is speaking before the place)
                    or (not re.sub(r"[我们是一家个\s]", "", before) and cue["asker_org_after"].search(after))
                    or (listed and last_aside))
        aside[place] = aside.get(place, True) and here
        last_end, last_aside = max(last_end, end), here
    return tuple(p for p in lexicon.places(text) if not aside.get(p, False))


def _instances(text: str) -> tuple[str, ...]:
    m = vocab().cue["instances"].search(text)
    return vocab().instance_words[(m.group("kind") or m.group("kind2") or m.group("kind_en")).lower()] if m else ()


def _procedure(text: str) -> str:
    m = vocab().cue["procedure"].search(text)
    return (m.group("act") or m.group(0)) if m else ""
