"""The typed output of the understand step: what the question asks, part by part."""

from __future__ import annotations

from typing import Literal

from assistant.models import Frozen

AskKind = Literal["figure", "list", "where", "who", "person", "locate", "fact"]
Lang = Literal["zh", "en"]


class Place(Frozen):
    doc: str
    chapter: str
    section: str


class Stated(Frozen):
    """A figure the question states (a premise to check, or the kind of figure meant)."""

    value: str
    unit: str
    text: str


class Part(Frozen):
    """One question. A compound question (社零和城镇居民收入分别增长多少？) has several."""

    text: str  # self-contained, normalised (follow-ups resolved)
    ask: AskKind
    measure: str | None = None  # for figures: growth_rate, amount, count, date, … (vocab/asks.toml)
    measure_words: tuple[str, ...] = ()  # the words that asked for the measure (投资多少): not what it is of
    kinds: tuple[str, ...] = ()  # target-row kinds that can answer the measure
    stated: tuple[Stated, ...] = ()
    places: tuple[str, ...] = ()  # places other than the plan's own city (canonical Chinese names)
    years: tuple[int, ...] = ()
    outcome: bool = False  # asks for an outcome (实际完成), which a plan does not state
    compare: bool = False  # asks for a comparison with a period the documents do not cover
    other_period: bool = False  # names a period by word (去年, 明年, 十四五) rather than by year
    scope: tuple[Place, ...] = ()  # follow-ups (其中…, 具体…): look inside the previous answer's places
    about_previous: bool = False  # 这是在哪一部分说的？: the previous answer itself is the subject
    portion: bool = False  # asks for a part of a total it names by its figure (20亿里面外资有多少)
    multi_year: bool = False  # asks for a span of years (十五五期间, over the next five years)
    sub_period: bool = False  # asks for a share of the year (分季度, 一月份): a plan sets figures for the year
    reason: bool = False  # asks why (为什么定为4.5%): a plan gives its targets, seldom the reasons
    procedure: str = ""  # asks how to do an errand (怎么填报, how do I apply): the act named, "" if none
    each: bool = False  # asks for each of several (分别是多少): every row a described set holds, not one
    superlative: bool = False  # asks which one is the biggest, the first, the most: the plan must rank them itself
    overview: bool = False  # asks for a summary of a field (概括一下, 主要有哪些举措, summarize): its place, sentence by sentence
    per_unit: bool = False  # asks a figure per person, household or day (每人每天): a total does not answer it
    currency: bool = False  # asks a figure in another currency (换算成美元): the plans give yuan
    mention: bool = False  # asks whether the plan mentions something (有没有提到X): X must be the plans' own word
    date_asked: bool = False  # a date is asked (哪个月), whatever kind of figure the question also names
    instances: tuple[str, ...] = ()  # things of a kind asked for (有哪些项目): the plans' words for that kind
    whether_figure: bool = False  # asks whether the plan sets a figure at all (有没有给出量化指标, is it quantified)
    defines: str = ""  # a quoted name or number code whose meaning is asked (“8+1+1”分别指什么), "" if none
    at: tuple[str, ...] = ()  # (chapter, section) named by its numbers (第三章第二节 → 三, （二）): look there
    outline: bool = False  # asks only what that numbered place is about (第六章讲什么, what does chapter 4 cover)
    structure: Literal["", "chapter", "section"] = ""  # how a place named by its topic is divided (那一章分了几节)
    same_sentence: bool = False  # asks what else the previous answer's own sentence says (同一句里还有啥目标)


class Understanding(Frozen):
    asked: str  # as the user wrote it
    text: str  # normalised, instructions removed, follow-up resolved
    followup: bool = False  # the text was read against the previous turn (它, 那…呢, 其中…)
    alone: str = ""  # asked about the previous answer's own sentence: the question with its subject, as if asked alone
    own_figure: bool = False  # the asker's own words ask a figure (a follow-up's may only inherit one: 那X呢)
    own_measure: bool = False  # the asker's own words name a measure (那储能的电量规模呢)
    lang: Lang  # the language to answer in
    smalltalk: Literal["greeting", "thanks", "capabilities"] | None = None
    off_topic: bool = False  # a task that is not a question about the plan (写一首诗)
    parts: tuple[Part, ...] = ()
    injection: bool = False  # instructions inside the question were removed
    pressure: bool = False  # someone claimed authority to change the plan's figures
    reveal: bool = False  # asked to reveal the system prompt / configuration
    aside: bool = False  # a request not about the plan (write me a poem) was set aside beside the question
    ordered: Literal["", "desc", "asc"] = ""  # the figures asked in an order (从高到低排一下): the verdict sets them so
    weighed: bool = False  # two things weighed (哪个多, which is longer): each needs its figure, else neither is given
