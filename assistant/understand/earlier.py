"""earlier: a question about earlier turns than the last one: both of the last two (这两个哪个大, 两个数再说一遍,
put both in one line in Chinese), one of them by its order (刚才第一个数是多少来着, where does it state the first one?),
or one named again after another topic (回到刚才招商那个数)."""

from __future__ import annotations

import re

from assistant.lexical import Lexicon
from assistant.session import Turn
from assistant.understand.followup import TURN_SAID, list_items
from assistant.understand.normalise import normalise
from assistant.understand.split_zh import GATHER
from assistant.vocab import CJK, KIND_WORDS, vocab

BOTH_SAID = re.compile(r"^(两个|两项|俩)(都|都是)?")  # 两个都是10%，表述上有区别吗
EN_BOTH = re.compile(r"\b(both( of them| figures| numbers| answers)?|the two( of them)?|these two|those two)\b", re.I)
WEIGH_ALONE_MAX = 8  # characters: 哪个大？ after two figures weighs them, naming nothing
TURNS_BACK = 6  # answered turns an ordinal (the first one) may reach back over
# 刚才第一个数 / 前一个 / the first one / the former: an earlier turn by its order (第一章 is a chapter, not a turn)
ZH_NTH = re.compile(r"(刚才|刚刚|前面|之前|上面)?(的)?(?P<n>第一个|头一个|第二个|前一个|后一个|最后一个|第一项|第二项)"
                    r"(数|数字|指标|目标|问题|问的|说的)?(?![章节部分条款期批届次年])")
EN_NTH = re.compile(r"\b(the )?(?P<n>first|second|former|latter|earlier|last)( one| figure| number| target| question| "
                    r"thing| item)\b|\bthe (?P<n2>former|latter)\b", re.I)
FIRST = re.compile(r"开头|一开始|最开始|第一个|\bfirst\b", re.I)  # back to the first topic, not the one before the last
STEM = re.compile(r"(ical|ic|al|s|es|ed|ing|y)$")  # ecology ~ ecological, for an earlier turn named in other forms
NTH_INDEX = {"第一个": 0, "头一个": 0, "第一项": 0, "first": 0, "第二个": 1, "第二项": 1, "second": 1,
             "前一个": -2, "former": -2, "earlier": -2, "后一个": -1, "最后一个": -1, "latter": -1, "last": -1}


def _answered(turns: tuple[Turn, ...]) -> list[Turn]:
    return [t for t in turns[-TURNS_BACK:] if not t.answer.refused and t.answer.citations]


def _in_language(text: str, question: str, lexicon: Lexicon) -> str:
    """`text` (built from earlier turns) asked in the language `question` asks for or is written in."""
    n = normalise(question, lexicon.plan_text, lexicon.glossary.everyday_terms)
    own = "zh" if CJK.search(text) else "en"
    if n.lang == own:
        return text
    return f"Answer in English: {text}" if n.lang == "en" else f"用中文回答：{text}"


def both_asked(question: str, turns: tuple[Turn, ...], lexicon: Lexicon) -> str:
    """这两个哪个大 / 两者差多少 / 这两个一起给我 / 两个数再说一遍 / 这两个都带“左右”吗 / put both in one line after two
    answers: both asked again ("" when it is not such a question). It names nothing of its own, and the last answer
    gave the figures of two things, or the last two turns each answered."""
    # 这两个 / 这俩 / 两者 point back at the last two answers at once (这些, 这三个 at more than two)
    # …or 两个都是10% (the two said by their number), or nothing at all when it only weighs (哪个大？)
    gathered = GATHER.search(question) or BOTH_SAID.search(question) or EN_BOTH.search(question)
    cue = vocab().cue
    if (against := cue["weigh_against"].search(question)) and turns and cue["weigh"].search(question[against.end():]) \
            and lexicon.names_particular(other := against.group("x")):
        # 跟城镇居民收入增速比，哪个高 after one figure: that figure and the other thing's, side by side
        last = turns[-1].answer
        if last.route == "target" and not last.refused and len(named := {f.indicator for f in last.facts}) == 1:
            mine = named.pop()
            # 和固投比呢 after a growth rate: the other thing's figure of the same kind (its growth rate)
            thing = KIND_WORDS.sub("", mine)
            kind = mine[len(thing):] if mine.startswith(thing) else ""
            if kind and vocab().measure_of(other)[0] is None:
                other = f"{other}{kind}"
            return f"{mine}和{other}分别是多少"
    alone = not gathered and len(question) <= WEIGH_ALONE_MAX and cue["weigh"].search(question)
    if not (alone or (gathered and re.search("两|俩|二|both|two", gathered.group(0), re.I))) or not turns:
        return ""
    rest = EN_BOTH.sub("", BOTH_SAID.sub("", GATHER.sub("", question))).strip()
    if not any(cue[c].search(rest) for c in ("weigh", "together", "worded_alike", "restate", "framing_said")) \
            or lexicon.names_particular(rest):
        return ""
    last = turns[-1].answer
    if last.route == "target" and not last.refused and len({f.indicator for f in last.facts}) == 2:
        first, second = dict.fromkeys(f.indicator for f in last.facts)  # 互市贸易额和招商引资到位资金分别是多少 → 哪个大
    elif len(turns) >= 2 and all(t.answer.route == "target" and t.answer.facts and not t.answer.refused
                                 for t in turns[-2:]):
        first, second = (t.answer.facts[0].indicator for t in turns[-2:])  # 地区生产总值增速: the figure, kind and all
    elif not alone and len(turns) >= 2 and all(not t.answer.refused and t.answer.citations for t in turns[-2:]):
        # 两个一起说一下 after two answers of any kind: both questions again, as one (each answered as before)
        a, b = ((t.understood or t.question).strip().rstrip("？?。.") for t in turns[-2:])
        mark = "？" if CJK.search(b) else "?"
        return _in_language(f"{a}{'？' if CJK.search(a) else '?'} {b}{mark}", question, lexicon) if a != b else ""
    else:
        return ""
    # which is bigger, how far apart: the plan's two figures answer it, side by side
    if not first or not second or first == second:
        return ""
    return _in_language(f"{first}和{second}分别是多少", question, lexicon)


def nth_turn(question: str, turns: tuple[Turn, ...], lexicon: Lexicon) -> tuple[str, Turn] | None:
    """刚才第一个数是多少来着 / 第一个是“以上”还是“左右” / where does it state the first one? after two or more answers:
    the question (the pointer made 这个 / it) and the earlier turn it points at; None for any other. After a list an
    ordinal names the list's item (followup.ordinal_item), unless it names a question (第一个问题里的…)."""
    answered = _answered(turns)
    if len(answered) < 2:
        return None
    if m := ZH_NTH.search(question):
        said, pointer = m.group("n"), "这个"
    elif m := EN_NTH.search(question):
        said, pointer = (m.group("n") or m.group("n2")).lower(), "it"
    else:
        return None
    if any(len(list_items(t.answer.answer)) >= 2 for t in turns[-3:]) and not TURN_SAID.search(m.group(0)):
        return None  # 第二个 after a list: its item (followup.ordinal_item), unless a question is named
    rest = f"{question[:m.start()]}{pointer}{question[m.end():]}"
    if lexicon.names_particular(rest) and not TURN_SAID.search(m.group(0)):
        return None  # 第一个项目投资多少: a thing of its own named, not an earlier answer (第一个问题里的X: the turn is)
    i = NTH_INDEX[said]
    return (rest, answered[i]) if -len(answered) <= i < len(answered) else None


def back_to(question: str, turns: tuple[Turn, ...], lexicon: Lexicon) -> tuple[str, Turn] | None:
    """回到刚才招商那个数，是力争还是确保 after another topic in between: the question (without the pointer) and the
    earlier turn it returns to, the latest whose question or figure shares a word with it (or whose question or answer
    holds the plans' term for its English words, or their stem); None for any other."""
    m = vocab().cue["back_to"].search(question)
    if not m or len(turns) < 2:
        return None
    rest = f"{question[:m.start()]}{question[m.end():]}".strip(" ，,")
    words = [w for w in lexicon.content_words(rest) if len(w) >= 2]
    # …the plans' terms the asker's English words stand for (that ecology chapter → 生态), and their stems
    terms = [*lexicon.glossary.mapped_terms(rest), *(STEM.sub("", w.lower()) for w in words if not CJK.search(w))]
    for t in reversed(turns[:-1]):
        said = f"{t.understood or t.question} {' '.join(f.indicator for f in t.answer.facts)}"
        if not t.answer.refused and (any(w in said for w in words) or any(
                len(x) >= 2 and (x in said.lower() or x in t.answer.answer) for x in terms)):
            return rest, t
    # 回到刚才那个，文旅方面还有哪些 / back to the first topic, …: no earlier turn named, the one before the last topic
    # (or the first, said so), which the new words are asked of
    answered = [t for t in turns[:-1] if not t.answer.refused]
    if answered and rest and vocab().cue["back_to_bare"].search(m.group(0) + question[m.end():m.end() + 8]):
        return rest, answered[0] if FIRST.search(question) else answered[-1]
    return None
