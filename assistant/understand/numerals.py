"""numerals: spoken Chinese numbers in a question → the Arabic form the plans write (五十万千瓦 → 50万千瓦,
百分之四点五 → 4.5%, 二十个亿 → 20亿, 五千万 → 5000万). cn2an converts the numeral itself; this module only decides
which runs are numbers: a run followed by a unit (or after 百分之), never part of a name (二连, 十五五, 三北, 两个市场)."""

from __future__ import annotations

import re
import warnings
from functools import lru_cache

from assistant.vocab import vocab

DIGITS = "零〇一二两三四五六七八九十百千万亿点"
# A measure word after the number: the units the plans write, plus everyday ones (个亿 is spoken 亿元).
SPOKEN_UNITS = ("个亿", "亿元", "亿", "万元", "万", "块钱", "块", "元", "米", "千米", "年", "个点", "百分点", "人")
# 两项增速 / 三个目标: what follows a count of figures asked (a count of them, not a figure)
FIGURES_AFTER = re.compile(r"[\u4e00-\u9fff]{0,2}(增速|增幅|增长|目标|指标|数字|数据|数)")
PERCENT = re.compile(rf"百分之([{DIGITS}]+)")
# A formula the plans write with plus signs, said aloud (八加一加一, 8加1加1 → 8+1+1, 一加N): kept only when the plan
# writes it.
PLUS = re.compile(rf"[{DIGITS}0-9A-Za-z]+(?:加[{DIGITS}0-9A-Za-z]+)+")


@lru_cache(maxsize=1)
def _unit_rx() -> re.Pattern:
    units = sorted(set(vocab().unit_names) | set(SPOKEN_UNITS), key=len, reverse=True)
    # (一块儿 is "together", not one yuan); 一百来公里, 五十多家: a round number said as roughly so much
    return re.compile(rf"([{DIGITS}]+?)(?P<about>来|多|余)?({'|'.join(map(re.escape, units))})(?!儿)")


def _arabic(run: str) -> str | None:
    """cn2an's reading of one numeral run, as the plans write it ('5000', '2.1'), or None."""
    import cn2an

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            value = cn2an.cn2an(run.replace("〇", "零"), "smart")
        except (ValueError, KeyError, IndexError, TypeError):
            return None
    text = f"{value:.6f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    return text


def _convert(run: str, unit: str) -> str | None:
    # keep the magnitude the plans write with the unit: 八十八万亩 → 88万亩, 五千万 → 5000万, 二点一亿 → 2.1亿
    for mag in ("亿", "万"):
        if run.endswith(mag) and len(run) > 1:
            head = _arabic(run[:-1])
            return f"{head}{mag}" if head else None
    return _arabic(run)


@lru_cache(maxsize=4)
def _with_numerals(terms: frozenset[str]) -> tuple[str, ...]:
    """The everyday words holding a spoken numeral (五年规划): a few of the glossary's two thousand, found once."""
    return tuple(t for t in terms if re.search(f"[{DIGITS}]", t))


def arabic_numerals(text: str, plan_text: str = "", terms: frozenset[str] = frozenset()) -> str:
    """`text` with its spoken numbers in Arabic figures; runs that the plan itself writes in characters
    (千吨级, 两个市场, 第十六届) or that are inside one of `terms`, everyday words the glossary reads as the
    plans' own (五年规划), are left as they are."""
    if not re.search(f"[{DIGITS}]", text) and "加" not in text:  # 8加1加1: typed figures, spoken plus signs
        return text
    named = [(m.start(), m.end()) for t in _with_numerals(terms) for m in re.finditer(re.escape(t), text)]

    def percent(m: re.Match) -> str:
        value = _arabic(m.group(1))
        return f"{value}%" if value else m.group(0)

    def unit(m: re.Match) -> str:
        run, u, about = m.group(1), m.group(3), m.group("about") or ""
        if about and (run in ("万", "亿", "千", "百", "十") or run[-1] in "点"):
            return m.group(0)
        after = m.string[m.end():m.end() + 2]
        if plan_text and (m.group(0) + after) in plan_text or (plan_text and m.group(0) in plan_text and u not in ("个亿",)):
            return m.group(0)  # the plan writes it this way: a name or a phrase, not a spoken number
        if any(a <= m.start() < b for a, b in named):
            return m.group(0)  # 五年规划: a name the glossary knows
        if run in ("万", "亿", "千", "百", "十") and not m.group(0).startswith(("十",)):
            return m.group(0)  # 万吨 alone, 千瓦: a unit, not a number
        before = m.string[max(0, m.start() - 1):m.start()]
        if u in ("项", "个") and FIGURES_AFTER.match(m.string[m.end():]):
            return m.group(0)  # 居民收入的两项增速: how many figures are asked, not a figure
        if run == "一" and (u in vocab().count_units or before in ("哪", "某", "同", "每", "的", "这", "那")):
            # 一个, 一家: an article ("a"), not a count; 哪一年, 什么样的一年: which, not how many; 这一块: this field
            return m.group(0)
        value = _convert(run, u)
        if value is None:
            return m.group(0)
        if u == "个亿":  # 二十个亿 → 20亿
            u = "亿"
        return f"{'约' if about else ''}{value}{u}"  # 一百来公里 → 约100公里: the figure, said as rough

    def plus(m: re.Match) -> str:
        terms = [t if t.isascii() else _arabic(t) for t in m.group(0).split("加")]
        said = "+".join(terms) if all(terms) else ""
        return said if said and plan_text and said in plan_text else m.group(0)

    text = PLUS.sub(plus, text)
    text = PERCENT.sub(percent, text)
    return _unit_rx().sub(unit, text)


# A year said as two numbers (twenty twenty six → 20 26 → 2026).
SPOKEN_YEAR = re.compile(r"\b(19|20) ([0-9]{2})\b")
_EN_WORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
            r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|point)")
# A run of spoken number words; the scale words (million, billion) stay words: 46 billion yuan is how a figure is said
# …never inside a hyphenated name (Three-North, Five-Year Plan)
EN_NUMBER_RUN = re.compile(rf"(?<![A-Za-z]-)\b{_EN_WORD}(?:(?:[\s-]+|\s+and\s+){_EN_WORD})*\b(?!-[A-Za-z])", re.I)


def english_numerals(text: str) -> str:
    """Spoken English numbers in a transcript → figures (fifty megawatts → 50 megawatts, four point five percent →
    4.5 percent, twenty twenty six → 2026), by text2num; a lone "one" (one of the projects) stays a word."""
    if not EN_NUMBER_RUN.search(text):  # most questions: text2num is not even imported
        return text
    from text_to_num import alpha2digit

    def run(m: re.Match) -> str:
        said = m.group(0)
        if said.lower() in ("one", "point"):
            return said
        return alpha2digit(said, "en")

    return SPOKEN_YEAR.sub(r"\1\2", EN_NUMBER_RUN.sub(run, text))
