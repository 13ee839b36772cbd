"""split_pairs: questions about several figures at once, which the plan's figures answer one by one.

- Several figures claimed, then one question whether they hold (听说社零增长4.5%左右，城镇居民收入增长5%，对吗): each claim
  is checked on its own.
- Two things of the plan weighed against each other (GDP增速目标比社零增速目标高几个点, A是B的几倍, A和B哪个更长;
  Is A higher than B?, How does A compare with B?, Which is larger: A or B?): each one's figure is asked.
"""

from __future__ import annotations

import re

from assistant.lexical import Lexicon
from assistant.understand.split_zh import GATHER
from assistant.vocab import vocab


def claims(sentence: str, lexicon: Lexicon) -> list[str]:
    """听说社零增长4.5%左右，城镇居民收入增长5%，对吗 / 有稿子说要上68个项目、完成投资51.28亿元，这两个数都对吗: several
    figures claimed, then one question whether they hold: each claim is checked on its own. A claim that names nothing
    particular (完成投资51.28亿元) is about the first one's subject."""
    cue = vocab().cue
    segs = [x for x in re.split(r"[，,、；;]", sentence.strip(" ？?。.")) if x.strip()]
    if len(segs) < 3 or cue["stated_figure"].search(segs[-1]) or not cue["premise"].search(segs[-1]):
        return []
    figures = [i for i, x in enumerate(segs[:-1]) if cue["stated_figure"].search(x)]
    if len(figures) < 2 or any(cue["asking"].search(x) for x in segs[:-1]):
        return []
    shared = re.sub(r"^(数字|数据|数|目标|指标|说法)?(都|全)?", "", GATHER.sub("", segs[-1]).strip())  # 这两个数都对吗
    shared = shared if cue["premise"].search(shared) else "对吗"
    # a clause without a figure goes with the figure after it (核实：), or the one before (…，今年)
    claims = ["".join(segs[:figures[0] + 1])] + ["".join(segs[a + 1:b + 1]) for a, b in zip(figures, figures[1:])]
    claims[-1] += "".join(segs[figures[-1] + 1:-1])
    subject = lexicon.subject(claims[0])
    return [claims[0] + f"，{shared}"] + [
        (c if not subject or lexicon.names_particular(c) else f"{subject}{c}") + f"，{shared}"
        for c in claims[1:]]


def figures_of_one(sentence: str) -> list[str]:
    """储能电站是20万千瓦/100万千瓦时对吗 / 二十万千瓦然后八十万千瓦时…是吧: two figures of one thing, in units of
    different kinds, claimed at once: each is checked on its own, against the row of its own kind."""
    cue = vocab().cue
    found = list(cue["stated_figure"].finditer(sentence))
    if len(found) != 2 or not cue["premise"].search(sentence) or found[0].group(2) == found[1].group(2):
        return []
    a, b = found
    if not re.fullmatch(r"\s*(/|／|然后|和|及|加|、|，|,|and)?\s*", sentence[a.end():b.start()]):
        return []
    return [sentence[:a.end()] + sentence[b.end():], sentence[:a.start()] + sentence[b.start():]]


def _thing(x: str, lexicon: Lexicon) -> bool:
    """x names a thing of the plan's: a particular name, a glossary term, or a figure's name in the table (固定资产投资完成额)."""
    low = x.lower()
    return bool(lexicon.names_particular(x) or lexicon.glossary.mapped_terms(x)
                or any(len(n) >= 3 and n.lower() in low for n in lexicon.names))


# 为什么A定得比B还低: the why and the setting (定得) around the first thing weighed
WHY_SET = re.compile(r"^(为什么|为啥|怎么|咋)(会|要)?|(定得|定的|设得|订得|定成)$")


def weighed(text: str, lexicon: Lexicon) -> list[str]:
    """GDP增速目标比社零增速目标高几个点 / 进出口额是互市贸易额的几倍 / 要修的路和要铺的管网哪个更长: two things of
    the plan weighed against each other: each one's figure is asked (the plan's two figures answer it). A thing named
    without its measure takes the other's (一般公共预算收入的增速目标比GDP低吗: GDP's growth)."""
    if share := vocab().cue["share_of"].search(text):  # A占B的多大比重: the whole is B, the part A
        a, b = (re.sub(r"(大约|大概|约|的)$", "", x.strip(" ，,的")) for x in (text[:share.start()], share.group("b")))
        return [f"{a}是多少", f"{b}是多少"] if all(_thing(x, lexicon) for x in (a, b)) else []
    cue = vocab().cue["weigh"].search(text)
    if not cue:
        return []
    head = text[:cue.start()]
    cut = next(((s, e) for w, s, e in lexicon.segment(head) if w in ("比", "和", "与", "跟", "同")), None)
    times = re.search(r"是(?=.{2,}的$)", head.rstrip("的") + "的") if "倍" in cue.group(0) else None
    if times and cut is None:
        cut = times.span()
    if cut is None:
        return []
    # 为什么A定得比B还低: the why and the setting (定得) say nothing of which figures are weighed
    a = WHY_SET.sub("", head[:cut[0]].strip(" ，,的"))
    a = re.sub(r"(大约|大概|约|的)$", "", a.strip(" ，,的"))
    b = re.sub(r"(大约|大概|约|的)$", "", head[cut[1]:].strip(" ，,的"))
    if vocab().cue["other_period"].search(b) or lexicon.places(b) or not all(_thing(x, lexicon) for x in (a, b)):
        # 比去年高吗 / 比去年实际完成额高出多少 / 比锡盟的目标高多少: another year or place, not another thing of the
        # plan (the comparison as a whole is what the plan cannot make)
        return []
    said = [[x[s:e] for s, e in vocab().measure_of(x)[2]] for x in (a, b)]
    a, b = a + ("" if said[0] or not said[1] else said[1][0]), b + ("" if said[1] or not said[0] else said[0][0])
    return [f"{a}是多少", f"{b}是多少"]


# Is A higher than B? / How does A compare with B? / Which figure is larger: A or B? (or ", A or B") / …expect A to
# grow faster or slower than B?: two things weighed, in English
MORE = r"(?:higher|lower|larger|bigger|greater|smaller|faster|slower|longer|shorter|more|less)(?: ambitious)?"
END = r"[?.!\s]*$"
LEAD = r"(?:(?:according to|in|under) (?:the|this|your) (?:plan|document),?\s*)?"  # According to the plan, which…
EN_WEIGHED = (
    re.compile(rf"^\s*{LEAD}(?:is|are|was|will)\s+(?:the\s+)?(?P<a>.+?)\s+(?:be\s+)?{MORE}\s+than\s+"
               rf"(?:the\s+)?(?P<b>.+?){END}", re.I),
    re.compile(rf"^\s*how\s+(?:does|do|will)\s+(?:the\s+)?(?P<a>.+?)\s+compare\s+(?:with|to|against)\s+"
               rf"(?:the\s+)?(?P<b>.+?){END}", re.I),
    re.compile(rf"^\s*{LEAD}(?:which|what)\b[^:?,]*?\b{MORE}\b[^:?,]*?(?::|,|\s[-–—]\s)\s*(?:the\s+)?(?P<a>.+?),?\s+or\s+"
               rf"(?:the\s+)?(?P<b>.+?){END}", re.I),
    re.compile(rf"\bexpects?\s+(?:the\s+)?(?P<a>.+?)\s+to\s+(?:grow|rise|increase)\s+{MORE}(?:\s+or\s+{MORE})?"
               rf"\s+than\s+(?:that of\s+|the\s+)?(?P<b>.+?){END}", re.I),
)


def weighed_en(text: str, lexicon: Lexicon) -> list[str]:
    """The English form of `weighed`: each thing's figure asked."""
    m = next((m for rx in EN_WEIGHED if (m := rx.search(text))), None)
    if m is None:
        return []
    a, b = (m.group(x).strip(" ,") for x in ("a", "b"))
    years = {str(d.year) for d in lexicon.docs}  # …completion for 2026: the plan's own year names no other
    if vocab().cue["other_period"].search(b) or any(y not in years for y in re.findall(r"\b(?:19|20)\d\d\b", b)) \
            or lexicon.places(b) or not all(_thing(x, lexicon) for x in (a, b)):
        return []  # …higher than last year's: another year, not another thing of the plan
    # …expect A to grow faster than B / what grows faster: A or B: each one's growth
    grows = re.search(r"\b(grow|grows|growing|rise|rises|increase|increases|faster|slower)\b", m.group(0), re.I)
    if grows:
        return [f"What is the {x}{' growth' if 'growth' not in x.lower() else ''}?" for x in (a, b)]
    # which is longer / which costs more: the measure the comparison is in (said outside the things weighed), of each
    said = m.string[m.start():m.start("a")] + " " + m.string[m.end("a"):m.start("b")]
    if re.search(r"\b(longer|shorter)\b", said, re.I):
        return [f"How long is the {x}?" for x in (a, b)]
    if re.search(r"\b(costs?|costlier|expensive|cheaper|invest(ed|ment)?)\b", said, re.I):
        return [f"What is the total investment of the {x}?" for x in (a, b)]
    return [f"What is the {x}?" for x in (a, b)]


def weighs(text: str) -> bool:
    """The question weighs things against each other (哪个多, 差多少, which is longer, how does A compare with B)."""
    return bool(vocab().cue["weigh"].search(text) or any(rx.search(text) for rx in EN_WEIGHED))
