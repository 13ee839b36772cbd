"""followup: a follow-up question read against the previous turn: its question, and its *answer* (the figure it
gave, the places it cited).

那农牧民呢？ / 这个项目投资多少？ / 其中分散式的那个规模多大？ / And for fixed-asset investment? become full questions;
这是在哪一部分说的？ asks about the previous answer itself; 具体靠什么项目？ / 其中能源方面的呢？ look inside the places
the previous answer cited.
"""

from __future__ import annotations

import re
from typing import Callable

from assistant.vocab import KIND_NAMES, KIND_WORDS, vocab

# Kind words said inside a question (储能电站的功率是多少): what a follow-up's kind replaces (KIND_WORDS, vocab).
# (a kind of one character, 数, or a period, 期次, is not looked for inside a sentence)
KIND_ANYWHERE = re.compile("|".join(sorted((k for k in KIND_NAMES if len(k) >= 2 and k not in ("期次", "届次")),
                                           key=len, reverse=True)))
# Words a question ends with that say *what* is asked (kept when the subject is swapped).
ASK_TAIL = re.compile(r"(增长|增速|增幅|投资|完成|新增|规模|达到|有)?(多少|几|多大|多长|哪些|在哪|什么|啥|怎么|如何)[^，。]*$")
EN_TAIL = re.compile(r"\b(growth|target|rate|investment|amount|capacity|scale|length)\b.*$", re.I)
# …, with the caller's restatement after it (那互市贸易呢 就是边民那个): the subject is already said
ZH_ELLIPSIS = re.compile(r"^(那个|这个|那么|那|还有|另外)?(?P<x>[^？?。!！]{1,20}?)(呢|怎么样|如何|又是多少|是多少呢)"
                         r"(\s*(就是|我是说|我说的是|指的是)[^？?。，,]{1,12}?(那个|那块|那一块|这个|的那个|的))?[？?。!！]*$")
WORDING = re.compile(r"(那)?(它的|这个的|那个的)?(原话|原文|原句|出处|原文出处|具体表述|表述|说法)")
GROWTH_TAIL = re.compile(r"增长|增速|增幅|提高")
# The question leans on the previous answer's places: 具体…, 其中…, 这些…, 这方面…
INSIDE = re.compile(r"具体|其中|靠(什么|啥|哪)|通过(什么|啥|哪)|这些|那些|这方面|这块|这一块|这部分|这里面|里面|当中|其他|其余|另外还有|还有哪些|"
                    r"同一(节|章|部分|段|句|句话)|这一(节|章|段|句)|这句话?(里|中)|本(节|章)|"
                    r"specifically|among (them|these)|of (these|them)|in (it|that|this)|which of|\bother\b|alongside|"
                    r"besides|apart from|\bas well\b|\b(the )?same (section|chapter|part|sentence)\b", re.I)
DEICTIC = re.compile(r"这|那|它|其|该|此|原文|出处|小节|章节|段落|(这|那)?[两俩几一二三四五]?(个|项|条|种|者|些)|this|that|it|these|those|both",
                     re.I)  # 这两个目标 / 这两项 point back as 这 does
EN_SUPERLATIVE = re.compile(r"(the )?(lowest|highest|smallest|largest|biggest|fastest|slowest|most|least|"
                            r"(most|least) [a-z]+)( one)?", re.I)
OTHER_ONE = re.compile(r"^(the )?other (one|ones)\b,?\s*(for\s+|of\s+)?", re.I)
# Words that name a target, not what it is of (the overall trade target, the GDP goal)
MEASURES_EN = ("target", "goal")
FRAME_WORDS = {"the", "for", "of", "in", "what", "is", "are", "how", "much", "many", "a", "an", "to", "by", "and"}
EN_ELLIPSIS = re.compile(r"^(?:(?:and|so|ok|okay)\s+)?(and|what about|how about)\s+(for\s+|the\s+)?(?P<x>.{2,60}?)\s*\??$",
                         re.I)
# Only another period named (那去年呢, and the year before?): the previous question, asked of that period
ZH_PERIOD_ONLY = re.compile(r"(去年|上年|上[一1]年|前[一1]年|前年|明年|后年|下[一1]年|[12]\d{3}年)(的)?")
EN_PERIOD_ONLY = re.compile(r"(the )?(year before|previous year|prior year|last year|next year|year after|following year"
                            r"|[12]\d{3})", re.I)
# the year the previous question named (今年, 2026年, for 2026): whatever year the plan is for, the new period replaces it
THIS_YEAR = re.compile(r"今年|本年度?|(?:19|20)\d{2}年?|\b(this year|(?:for|in) (?:19|20)\d{2}|(?:19|20)\d{2})\b", re.I)
ZH_AMONG = re.compile(r"其中(?P<x>.{1,12}?)的(那个|那项|项目)")
ZH_PRONOUN = re.compile(r"(这个项目|该项目|这个|该|这项|此项|它(?!们)|其)")
# "this year" and "this plan" name a time and the document, not the previous subject
EN_PRONOUN = re.compile(r"\b(this project|that project|(this|that)(?!\s+(year|month|week|time|plan|document|period|stage))|it|its)\b",
                        re.I)


# A correction of what the previous turn took the question to mean (不对 我是说农牧民的 / Sorry, I meant the border
# trade one), or a pointer then its noun (那这个呢 一般公共预算收入): asked as 那X呢 / what about X
ZH_CORRECTION = re.compile(r"^(?:(?:哦|噢|啊|呃|嗯|哎)[，,。\s]*)?(?:(?:不好意思|抱歉|对不起)[，,。\s]*)?(?:(?:不对|不是这个|不是那个|不是|错了|搞错了|弄错了|(?:我|俺)?(?:说错了|问错了|说岔了|口误了?))[，,。\s]*)*(?:我|俺)?(?:其实|本来)?(?:是说|说的是|指的是|问的是|想问的是|要问的是|要的是)"
                           r"(?P<x>[^？?。，,\s]{2,20}?)(?:的|那个|这个|那块)?(?:[，,\s]*(?:不是|而不是)[^？?。]{1,20})?[。？?!！]*$")
ZH_POINTER_THEN = re.compile(r"^(?:那|那么)?(?:这个|那个|这项|那项)(?:呢|怎么样)[，,\s]*(?P<x>[^？?。，,\s]{2,20})[。？?]*$")
EN_CORRECTION = re.compile(r"^(?:(?:no|sorry|oops|wait)[,.!]?\s*)*(?:i|I)\s+(?:actually\s+|really\s+|just\s+)?"
                           r"(?:meant|mean|was asking about|asked about)\s+"
                           r"(?P<x>.{2,60}?)[.!?]*$", re.I)


# One item of the previous answer's list, named by its place in it (第二个今年到什么阶段, what about the second one)
ZH_ORDINAL = re.compile(r"(第(?P<n>[一二三四五六七八九十]|\d{1,2})(个|项|条|点|种)|(?P<first>头一个|第一)|(?P<last>最后一个|最后那个|最后一项))")
EN_ORDINAL = re.compile(r"\b(the )?(?P<w>first|second|third|fourth|fifth|sixth|seventh|eighth|last|latter|former)"
                        r"( one| item| project| point| of them)?\b", re.I)
# A question that only points at an item (And the second one? / 那第二个呢): it asks what the item says
ONLY_POINTS = re.compile(r"\s*(and|and what about|what about|how about|so)?\s*(那|那么)?\s*(呢|的呢)?\s*[?？.。]?\s*", re.I)
EN_NTH = {"first": 1, "former": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
          "eighth": 8}
TURN_SAID = re.compile(r"\s*(问题|问的|说的|question)", re.I)  # an ordinal that names a turn, not an item
LIST_LINE = re.compile(r"^-\s*(?P<item>.+?)\s*\[\d+\]\s*$")


def list_items(answer: str) -> list[str]:
    """The items of a list answer (- item [n] lines), [] for any other answer. One line naming several things
    (50万千瓦风电竞配、2万千瓦分散式风电项目开工建设) lists them."""
    items = [m.group("item") for line in answer.splitlines() if (m := LIST_LINE.match(line.strip()))]
    if len(items) == 1 and len(named := [x for x in items[0].split("、") if len(x) >= 4]) > 1:
        return named
    return items


# …是多少来着 / what was … again: the figure asked once more, nothing of its own named
FIGURE_AGAIN = re.compile(r"(刚才|刚刚|前面|的|数字|数|是|多少|来着|呢|再说一遍|\bwhat\b|\bwas\b|\bis\b|\bthe\b|\bfigure\b|"
                          r"\bnumber\b|\bagain\b|\bone\b|[\s?？。.,，])*", re.I)


def ordinal_item(question: str, previous_answer: str, figures: tuple[str, ...] = ()) -> str:
    """`question` with an item of the previous answer's list in place of its ordinal (第二个 → that item's words);
    the question unchanged when it names none or the previous answer was no list. `figures`: the previous answer's
    figures by name, in order (第二个数是多少来着 after three figures: the second's)."""
    items = list_items(previous_answer)
    if len(items) < 2 and len(figures) >= 2 and (m := ZH_ORDINAL.search(question) or EN_ORDINAL.search(question)) \
            and FIGURE_AGAIN.fullmatch(f"{question[:m.start()]} {question[m.end():]}"):
        items = list(figures)
    if len(items) < 2:
        return question
    if m := ZH_ORDINAL.search(question):
        n = (len(items) if m.group("last") else 1 if m.group("first")
             else int(m.group("n")) if m.group("n").isdigit() else "一二三四五六七八九十".index(m.group("n")) + 1)
    elif m := EN_ORDINAL.search(question):
        w = m.group("w").lower()
        n = len(items) if w in ("last", "latter") else EN_NTH[w]
    else:
        return question
    if TURN_SAID.match(question[m.end():]) or not 1 <= n <= len(items):
        return question  # 第一个问题里的…: the first question asked, not the first item listed
    # the item's figures would read as a claim the question makes (50万千瓦风电竞配…): its words say which it is
    item = vocab().cue["stated_figure"].sub("", items[n - 1])
    if items == list(figures):
        return f"{item}是多少"
    if item != items[n - 1] and ONLY_POINTS.fullmatch(f"{question[:m.start()]} {question[m.end():]}"):
        # What about the second one? / 那第二个呢 after a list of figures: the figure that item states
        return f"{item}是多少"
    return f"{question[:m.start()]}{item}{question[m.end():]}"


def _corrected(q: str) -> str:
    if (m := ZH_CORRECTION.match(q)) or (m := ZH_POINTER_THEN.match(q)):
        return f"那{m.group('x')}呢"
    if m := EN_CORRECTION.match(q):
        return f"what about {m.group('x')}?"
    return q


def resolve_followup(question: str, previous: str, subject: str, words: tuple[str, ...] = (),
                     named: Callable[[str], bool] = lambda _: False) -> str:
    """The question as it would have been asked in full, given the previous (understood) question and its
    subject (what it was about: a target's indicator or the question's focus terms); `words`: the previous
    question's content words, in order; `named`: whether words are a name the plans write (社会消费品零售总额)."""
    if not previous:
        return question
    q = _corrected(question.strip())
    if (m := ZH_AMONG.search(q)) and not re.search(r"(大|小|多|少|长|短|高|低|快|慢)$", m.group("x")):
        # (其中规模大的那个: which of them is larger, asked, not a thing named)
        return q.replace(m.group(0), f"{m.group('x')}{_head(subject)}")
    if (m := ZH_ELLIPSIS.match(q)) and ZH_PERIOD_ONLY.fullmatch(m.group("x")):
        said = m.group("x").removesuffix("的")
        period = "明年" if said[0] == "下" else "去年" if said[0] in "前上" and said != "前年" else said
        return f"{period}的{THIS_YEAR.sub('', previous)}"
    if (m := EN_ELLIPSIS.match(q)) and EN_PERIOD_ONLY.fullmatch(m.group("x").rstrip("?").strip()):
        asked = THIS_YEAR.sub("", previous).strip().rstrip("?？ ")
        said = m.group("x").rstrip("?").strip()
        period = said if said[0].isdigit() else "next year" if re.search(r"next|after|following", said) else "last year"
        return f"{asked} for {period}?"
    if m := ZH_ELLIPSIS.match(q):
        if swapped := _swap_place(m.group("x"), previous) or _swap_kind(m.group("x"), previous):
            return swapped
        if subject and m.group("x") in vocab().zh_answer_kind and m.group("x") not in subject:
            # 医疗方面有什么安排 → 那个比例呢: a kind of figure alone asks that figure of the same subject
            return f"{subject}{m.group('x')}是多少？"
        if not ASK_TAIL.search(m.group("x")) and not ASK_TAIL.search(previous) and words:
            # 农牧民人均可支配收入增速目标？→ 城镇的呢: the previous question with its first word swapped
            x = re.sub(r"的$", "", m.group("x"))
            # its figures named the old subject (50万千瓦风电竞配 → 那分散式风电呢): they do not carry over
            bare = vocab().cue["stated_figure"].sub("", previous)
            first = next((w for w in words if w in bare and not re.match(r"\d", w)), "")
            if first and x and x not in bare:
                return bare.replace(first, x, 1)
        if not ASK_TAIL.search(m.group("x")):
            tail = ASK_TAIL.search(previous)
            # a growth question carries over as such (那农牧民呢); any other figure as a plain figure question,
            # since its unit (多少家) may not fit the new subject (互市贸易额呢)
            # …and a figure question with no tail (GDP目标 → 固投呢) still asks a figure
            tail_text = tail.group(0) if tail else ("是多少" if words else "")
            if tail and re.search(r"多少|几", tail_text) and not GROWTH_TAIL.search(tail_text):
                tail_text = "是多少"
            own = re.sub(r"的$", "", m.group("x"))
            if GROWTH_TAIL.search(tail_text) and (KIND_WORDS.search(own) and not GROWTH_TAIL.search(own)):
                tail_text = "是多少"  # 那全年的投资额呢 after a growth asked: it names its own kind of figure
            elif (g := GROWTH_TAIL.match(tail_text)) and own.endswith(g.group(0)):
                tail_text = tail_text[g.end():]  # 不是那个 我问的是固投增长: the growth said once
            elif (kind := vocab().measure_of(own)[0]) and kind != vocab().measure_of(tail_text)[0] and not named(own):
                # (社会消费品零售总额呢 after a growth asked: 总额 ends the thing's name, it asks no amount)
                # 下发给哪些单位 → 落款日期呢: the new words name their own kind of answer, not the one asked before
                tail_text = "是哪天" if kind == "date" else "是多少"
            return f"{m.group('x')}{tail_text}".rstrip("？?") + "？"
    if m := EN_ELLIPSIS.match(q):
        x = OTHER_ONE.sub("", m.group("x").rstrip("?")).strip()
        if EN_SUPERLATIVE.fullmatch(x):  # and the lowest? after which one is highest: the same ranking, the other end
            return f"which one is the {x.removeprefix('the ')}?"
        if len(x.split()) > 1 and any(_en_stem(w) in {_en_stem(m) for m in MEASURES_EN} for w in x.split()):
            # and the overall trade target?: it names its own subject and its own kind of figure
            return f"What is the {x}?"
        if swapped := _swap_en(x, previous):
            return swapped
        tail = EN_TAIL.search(previous)
        # the measure asked before, without the old subject after it (target for the number of firms → target)
        asked = tail.group(0).rstrip("?") if tail else ""
        head = re.split(r"\s+(?:for|of|in|on|under|by)\s+", asked)[0]
        # …but what kind of figure it was stays (target for retail sales growth → budget revenue growth)
        kind = " ".join(w for w in ("growth", "rate") if re.search(rf"\b{w}\b", asked[len(head):], re.I))
        if not head and words:  # after a figure asked in Chinese (GDP增长目标？ → And fixed-asset investment?)
            return f"What is the target for {x}?"
        return f"What is the {head} for {x}{' ' + kind if kind else ''}?" if head else f"{x}?"
    if len(q) <= 30 and ZH_PRONOUN.search(q) and subject:
        return ZH_PRONOUN.sub(subject, q, count=1)
    if len(q) <= 80 and EN_PRONOUN.search(q) and subject:
        return EN_PRONOUN.sub(subject, q, count=1)
    return question


def _swap_kind(x: str, previous: str) -> str:
    """容量呢 after 储能电站的功率是多少: another kind of figure of the same thing, in place of the kind asked before."""
    kind = re.sub(r"的$", "", x)
    if not KIND_WORDS.fullmatch(kind):
        return ""
    asked = [m for m in KIND_ANYWHERE.finditer(previous)]
    if not asked or asked[-1].group(0) == kind:
        return ""
    last = asked[-1]
    return previous[:last.start()] + kind + previous[last.end():]


def _swap_place(x: str, previous: str) -> str:
    """那跟乌兰察布呢 after 区域合作跟深圳那边有啥说法: a place in place of the previous question's place, the rest of
    that question kept."""
    v = vocab()
    home = [n for n in v.home if re.search(r"[\u4e00-\u9fff]", n)]  # 二连, 咱们市, 这边
    names = [n for n in v.places if re.search(r"[\u4e00-\u9fff]", n)]
    new = max((n for n in names + home if n in x), key=len, default="")
    # the old place is a name, not a pointing word (这边 may be said of any place)
    old = max((n for n in names + [h for h in home if not re.search(r"[这那你我咱全本贵]", h)]
               if n in previous and n not in x and new not in n), key=len, default="")
    rest = re.sub(rf"^(跟|和|与|同|对)?(咱们|我们)?{re.escape(new)}(那边|这边|方面|的)?$", "", x) if new else x
    if not (new and old) or rest:  # 那乌兰察布的GDP呢: more than a place is said, the plain reading stands
        return ""
    return previous.replace(old, new, 1)


def _swap_en(x: str, previous: str) -> str:
    """and for rural residents? after "…target for urban residents' income?": the previous question with the new
    subject in place of the old one that shares its head word (residents), so the rest of it (income) carries over."""
    words = x.split()
    if not words or len(words) > 6:
        return ""
    head = _en_stem(words[-1])
    prev = previous.split()
    for i, w in enumerate(prev):
        if i and _en_stem(w) == head:
            start = i  # the old subject's modifiers go with it, back to the frame (the, for, of) before it
            while start > 0 and _en_stem(prev[start - 1]) not in FRAME_WORDS:
                start -= 1
            end = i + 1
            if end < len(prev) and prev[end].startswith("("):  # its gloss (中蒙经济合作区) goes with it too
                while end < len(prev) and not prev[end].rstrip("?.,!").endswith(")"):
                    end += 1
                w = prev[end] if end < len(prev) else w
                end += 1
            suffix = re.search(r"('s|')?[?.,!]*$", w).group(0)
            return " ".join(prev[:start] + words[:-1] + [words[-1].rstrip("?.,!") + suffix] + prev[end:])
    return ""


def _en_stem(word: str) -> str:
    return re.sub(r"('s|')$", "", word.lower().strip("?.,!()\"")).rstrip("s")


def _head(subject: str) -> str:
    """The head noun of the previous subject (风电项目 from 风电项目有哪些) to attach a modifier to."""
    m = re.search(r"([\u4e00-\u9fff]{1,4}(项目|企业|指标|工程))", subject)
    return m.group(1) if m else subject


TOPIC_MARK = ("这方面", "这块", "这一块", "这部分")


def leans_inside(question: str, names: Callable[[str], bool] = lambda _: False) -> bool:
    """具体靠什么项目？ / 其中能源方面的呢？: the question looks inside the previous answer's places. 这块 after a
    thing named (边境安宁这块争创啥, `names` tells) only marks that thing as the topic."""
    return any(not (m.group(0) in TOPIC_MARK and names(re.split(r"[\s，,。？?]", question[:m.start()])[-1]))
               for m in INSIDE.finditer(question))


def only_deictic(words: list[str]) -> bool:
    """No words of its own beyond pointing back (这, 那, it, that)."""
    return all(DEICTIC.fullmatch(w) or len(w) == 1 for w in words)
