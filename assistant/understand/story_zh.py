"""A caller's story around the question (Chinese): what the caller does, has been through or wants, said before or
around what is asked. A phrase that shares no two adjacent characters with the plans is the story, not the topic;
one that names something of theirs stays."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from assistant.vocab import ACRONYM, CJK, vocab

# What the asker does or wants, said before "in the plan…" (我们想投资个项目计划里那个REITs是咋说的): context; the
# question is what follows.
ASKER_STORY = re.compile(r"^(那个|就是|嗯)?\s*(我|我们|咱|咱们)((?!哪|什么|多少|几|吗|怎么|如何|咋)[^，,。？?]){2,24}?"
                         r"(?=(那个)?(计划|文件)(里|中|里面|里头|上)(那个|关于|对)?(?!有|是|怎|咋|提|说|讲|写|哪|什么|多少|几)[^，,。？?]{2,})")
# …支持这类往来吗 / 有没有相关的项目: the question is about what the story told
REFERS_BACK = re.compile(r"这类|这种|此类|这样的|类似的?|相关的?|这方面|这一块")
STORY_MIN_PHRASES, STORY_MIN_CHARS = 4, 40  # a shorter transcript is a question, not a story and a question
# A story, then "does the plan deal with X" (老板欠我工资好几个月了 计划里有没有管欠薪的): X is what is asked
MENTION_LAST = re.compile(r"(计划|规划|文件)(里|中|上|里面|里头)?(有没有|有无|是否|有没)(提|说|管|讲|写|涉及|安排)(到|过)?"
                          r"(?P<topic>[^，,。？?\s]{2,})$")
PARTICULAR_MAX = 3  # times the plans write two characters and they still name a particular thing (牧区, not 政府)
STORY_AHEAD = 6  # characters: less before "我问一下" is a greeting or a name, not a story; less after is no question
# What the asker or their family does or wants, said first (我弟明年上小学 / 想倒腾点蒙古那边的货): the story's year
# and place are not the question's
PERSON_LEAD = re.compile(r"^(我|我们|我家|俺|俺家|咱|咱家|孩子|家里|想|打算|准备|正想|正打算|儿子|女儿|闺女|娃|孙子|孙女|老人|老伴|爱人)")
POINTS_AT_STORY = re.compile(r"(这个|那个|这种|那种|这些|那些|这事|这|那|它)(?![\u4e00-\u9fff]{0,1}(年|个月))")
# …他们今年收入能涨多少: the people the story named are who is asked about
PEOPLE_BACK = re.compile(r"他们|她们|这帮人|这些人")


def without_story(text: str, plan_text: str, terms: frozenset[str] = frozenset()) -> str:
    """喂 我们小区门口那个垃圾啊 堆得老高 夏天一刮风满天飞 有没有说今年要整治一下垃圾的: a caller's story before the
    question. A phrase before the first that asks, sharing no two characters with the plans, is the story (堆得老高,
    夏天一刮风满天飞), not what is asked; the others stay."""
    phrases = text.split(" ")
    if (not plan_text or len(phrases) < STORY_MIN_PHRASES or len(text) < STORY_MIN_CHARS
            or re.search(r"[。？?！!]", text)):
        return text
    asking = vocab().cue["asking"]
    first = next((i for i, p in enumerate(phrases) if asking.search(p)), len(phrases))
    # a short phrase (外资, 去年) or one with a figure names what is asked, said apart
    # …and a request that is not about the plan at all (你帮着估计估计) is kept, to be seen as such
    # …and so does one with a Latin abbreviation (就是那个GDP嘛): the plans write it in other letters
    kept = [p for i, p in enumerate(phrases) if i >= first or len(p) < 4 or re.search(r"\d|[A-Za-z]{2,}", p)
            or vocab().cue["off_topic_task"].search(p)
            or _names_plan(p, plan_text)
            or any(p[j:k] in terms for j in range(len(p) - 1) for k in range(j + 2, min(len(p), j + 6) + 1))]
    return " ".join(kept) if kept else text


def after_asking(text: str, plan_text: str) -> str:
    """我在牧区放羊的 家里就靠这点羊过日子 我问一下 今年牧民的收入要涨多少: a caller says that they ask, then asks; the
    story before goes, unless what follows only points back at it (我问一下 这个有没有政策) or names nothing particular
    of the plans' (就是问一下今年政府计划里有没有说: the story holds the topic)."""
    m = None
    for m in vocab().cue["ask_aloud"].finditer(text):
        pass
    if m is None or m.start() < STORY_AHEAD:
        return text
    rest = text[m.end():].strip(" ，,：:")
    if len(rest) < STORY_AHEAD or POINTS_AT_STORY.match(rest) or not names_particular(rest, plan_text):
        return text
    if vocab().cue["stated_figure"].search(text[:m.start()]) and names_particular(text[:m.start()], plan_text):
        return text  # 据称…地区生产总值增速调整为7%，请问…增速目标现在是多少: a claim about the thing asked, no story
    return rest


def asker_story(text: str, plan_text: str) -> re.Match | None:
    """我们想投资个项目计划里那个REITs是咋说的: what the asker does, then the plan's own thing asked about (not
    我是开大车的…听说要换新能源重卡 计划里到底是咋写的, where the story holds the topic)."""
    m = ASKER_STORY.match(text)
    if not m or not plan_text:
        return None
    rest = re.sub(r"^(那个)?(计划|文件)(里|中|里面|里头|上)", "", text[m.end():])
    rest = vocab().cue["asking"].split(rest)[0]
    named = _names_plan(rest, plan_text) or any(w in plan_text for w in re.findall(r"[A-Za-z]{2,}", rest))
    return m if named else None


def asked_last(text: str, plan_text: str) -> str:
    """老板欠我工资好几个月了计划里有没有管欠薪的: what the plan is asked to deal with, named after the asking, is the
    question; the story before it goes, unless it names something of the plans' own (这种违法犯罪 规划有没有说打击)."""
    m = MENTION_LAST.search(text)
    if not m or m.start() < STORY_MIN_CHARS // 4 or not plan_text:
        return text
    if re.match(r"(咋|怎么|怎样|如何|啥|什么)", m.group("topic")):
        return text  # …货款老拖着，规划里有没有说咋解决: how it is dealt with is asked; the story holds what
    story = re.sub(r"[^\u4e00-\u9fff]", "", text[:m.start()])
    if any(story[j:j + 3] in plan_text for j in range(len(story) - 2)):
        return text
    return text[m.start():] if _names_plan(m.group("topic"), plan_text) else text


def _names_plan(phrase: str, plan_text: str) -> bool:
    """Whether a phrase shares two adjacent characters with the plans."""
    pairs = _plan_pairs(plan_text)
    return any(phrase[j:j + 2] in pairs for j in range(len(phrase) - 1))


def names_particular(phrase: str, plan_text: str) -> bool:
    """Whether a phrase shares with the plans two adjacent characters they seldom write (牧区, 公里; not 政府, 计划):
    it names a particular thing of theirs. A function word the plans happen to write once (已经), or a pair across
    one (2026年是 → 年是), names nothing."""
    pairs, v = _plan_pairs(plan_text), vocab()
    if ACRONYM.search(phrase):
        return True  # GDP, PPP, CPI: an abbreviation names a particular thing (the plans write theirs in Chinese)
    return any(0 < pairs.get(pair := phrase[j:j + 2], 0) <= PARTICULAR_MAX
               and not (v.is_stop(pair) or pair[0] in v.zh_function or pair[1] in v.zh_function)
               for j in range(len(phrase) - 1))


@lru_cache(maxsize=4)
def _plan_pairs(plan_text: str) -> dict[str, int]:
    """Every two adjacent Chinese characters of the plans, with how often they occur."""
    return dict(Counter(plan_text[i:i + 2] for i in range(len(plan_text) - 1)
                        if CJK.match(plan_text[i]) and CJK.match(plan_text[i + 1])))


TERM_RUN = 4  # characters a phrase shares in a run with the plans when it names one of their terms (集体经济)


def story_lead(text: str, plan_text: str, terms: frozenset[str] = frozenset()) -> str:
    """我弟明年上小学 三小那边有啥新盖的没: a first phrase about the asker (or their family) that asks nothing,
    before a phrase that asks and names a particular thing of the plans', is the story; the question is the rest."""
    asking = vocab().cue["asking"]
    clauses = [c for c in re.split(r"[，,]", text) if c.strip()]
    if (plan_text and len(clauses) >= 3 and all(PERSON_LEAD.match(c.strip()) and not asking.search(c)
                                               and not re.search(r"\d", c) for c in clauses[:-1])
            and asking.search(clauses[-1]) and not POINTS_AT_STORY.match(clauses[-1].strip())
            and names_own(clauses[-1], plan_text)):
        # 咱家孩子在北京，俺去大医院看病不方便，跟三甲医院合作那事儿还搞不搞: a story told in several phrases
        return clauses[-1].strip()
    # a story, then the question (in one phrase, or said in pieces: 第三小学 是要盖什么 多功能教室吗)
    m = re.match(r"^([^\s，,。？?]+)[\s，,]+(?=[^，,。？?]+[。？?]?$)", text)
    if not m or not plan_text or len(m.group(1)) < 4:
        return text
    lead, rest = m.group(1), text[m.end():]
    if (who := PEOPLE_BACK.match(rest)) and PERSON_LEAD.match(lead):
        # 我店里牧民顾客多，他们今年收入预期能涨多少: they are the 牧民 the story names (the plans' word in it)
        named = _plan_run(lead, plan_text)
        return named + rest[who.end():] if named else text
    if re.search(r"[\s，,]", rest.strip()) and not vocab().cue["time_named"].search(lead):
        return text  # a question said in pieces after it: the lead goes only for the time it names (明年上小学)
    # (or name it again by an everyday word the glossary knows, said in the story too: 我家娃明年上幼儿园，计划里幼儿园…)
    if (not PERSON_LEAD.match(lead) or asking.search(lead) or re.search(r"\d", lead) or len(rest) < STORY_AHEAD
            or not asking.search(rest) or POINTS_AT_STORY.match(rest) or REFERS_BACK.search(rest)
            or not (names_own(rest, plan_text) or any(t in rest and t in lead for t in terms))):
        return text
    if any(lead[j:j + TERM_RUN] in plan_text for j in range(len(lead) - TERM_RUN + 1)):
        return text  # 我们嘎查集体经济太弱了，计划里提了啥新的合作办法: the lead names the plan's own term, the topic
    return rest


# 我是外地来打工的农民工，计划里有没有提到我们这类人的就业: the asker says who they are, then asks about "people like us"
SELF_SAID = re.compile(r"^(我|我们|俺|俺们)(是|都是)(?P<who>[^，,。？?\s]{2,16}?)[，,。\s]+(?P<rest>.+)$")
LIKE_US = re.compile(r"(像)?(我们|俺们|咱们|我|俺)(这类|这种|这样的|这些|这帮|这一类|这号)(人)?")


def people_like_us(text: str, plan_text: str) -> str:
    """The question with "people like us" said as who the asker said they are (their words the plans use), and
    without the sentence that said it; `text` itself when it is not so asked."""
    m = SELF_SAID.match(text)
    if not m or not (like := LIKE_US.search(m.group("rest"))):
        return text
    who = _plan_run(m.group("who"), plan_text) or m.group("who")
    rest = m.group("rest")
    return rest[:like.start()] + who + rest[like.end():]


def _plan_run(phrase: str, plan_text: str) -> str:
    """The longest run of two characters or more a phrase shares with the plans, not a function word."""
    v = vocab()
    runs = [phrase[j:k] for j in range(len(phrase)) for k in range(j + 2, len(phrase) + 1)
            if CJK.match(phrase[j]) and phrase[j:k] in plan_text and not v.is_stop(phrase[j:k])
            and phrase[j] not in v.zh_function]
    return max(runs, key=len, default="")


def names_own(question: str, plan_text: str) -> bool:
    """The question names a particular thing of the plans', besides the words every question about a plan has and
    the help asked for (今年计划里有说法吗, 有没有政策照顾 name nothing)."""
    return names_particular(vocab().cue["help_asked"].sub(" ", _without_generic(question)), plan_text)


@lru_cache(maxsize=1)
def _generic() -> re.Pattern:
    words = sorted((w for w in vocab().zh_stop if len(w) >= 2 and CJK.match(w)), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _without_generic(text: str) -> str:
    """The text without the words every question about a plan has (今年, 计划, 说法, 多少): what it names."""
    return _generic().sub(" ", text)
