"""split, Chinese: one question per coordinated subject (社零和城镇居民收入分别增长多少; 全容量发电的、竞配的项目各多少)."""

from __future__ import annotations

import re

from assistant.lexical import Lexicon
from assistant.vocab import vocab

GATHER = re.compile(r"[这那](两|二|三|四|几)(个|项|者|样)(?![年天月])|[这那]俩|这些|那些|两者|二者|三者")
# A count of the things named before it (GDP 固投 社零 3个目标发我一下): each of them is asked
COUNTED = re.compile(r"(?<![\d.])([2-9]|两|二|三|四|五|六|七|八|九)(个|项)(?=[\u4e00-\u9fff]{0,4}(目标|指标|数|数字|数据|增速|增幅))")
MODIFIERS = re.compile(r"(?:[^、，,：:\s的]{1,8}的、)+(?:[^、，,：:\s的]{1,8}的)")  # A的、B的、C的 + one head noun
QUESTIONS_LISTED = re.compile(r"(?:[^、，,。？?\s]{2,16}的、)+[^、，,。？?\s]{2,16}的[？?]?")
ASKS_WHICH = re.compile(r"谁|哪|什么|啥|多少|几|何时")
ZH_AND = re.compile(r"和|与|及|跟|以及|、|还有")
PEOPLE = re.compile(r"^(你们|我们|咱们|我|你|他|她|他们)|领导|会长|经理|老板|朋友|同事|客户")
MEASURE_TAIL = frozenset({"增长", "增速", "增幅", "目标", "指标", "预期目标", "增长目标", "总额", "完成额", "规模", "数量"})


def chinese(text: str, lexicon: Lexicon) -> list[str]:
    """The parts of a Chinese question (or the question itself)."""
    v = vocab()
    distributive = bool(vocab().cue["distributive"].search(text))
    if COUNTED.search(text) and " " in text.strip():
        distributive, text = True, COUNTED.sub("", text)
    if distributive:  # A 还有 B 这两个各增长多少: "these two" points back at the subjects, it is not a third
        text = re.sub(r"\s+", " ", GATHER.sub(" ", text)).strip()
    if distributive and (two := _two_measures_asked(text)):
        return two
    if distributive and (m := MODIFIERS.search(text)):
        # 全容量发电的、竞配的、分散式的项目规模各是多少: one head noun, each modifier a subject of its own
        mods = [x for x in m.group(0).split("、") if x]
        return [f"{text[:m.start()]}{x}{text[m.end():]}" for x in mods]
    if distributive and (spoken := _spoken_subjects(text, lexicon)):
        return spoken
    qs = [x for x in re.split(r"(?<=的)、", text.strip().rstrip("？? ")) if x] \
        if QUESTIONS_LISTED.fullmatch(text.strip()) else []
    if len(qs) >= 2 and all(ASKS_WHICH.search(x) for x in qs):
        # 谁发的、哪天发的、哪次会议通过的: questions listed with pause marks, each its own (about the first's subject)
        subject = lexicon.subject(qs[0])
        return [qs[0], *(x if lexicon.names_particular(x) or not subject else f"{subject}{x}" for x in qs[1:])]
    toks = lexicon.segment(text)
    # a pause parts the subjects only when no word does (锦裕二期 金巢科尾矿 各多少, not 锦裕二期 跟 金巢科尾矿 各是多少)
    spaced = distributive and " " in text.strip() and not any(ZH_AND.fullmatch(w) for w, _, _ in toks)
    for i, (w, s, e) in enumerate(toks):
        is_and = bool(ZH_AND.fullmatch(w)) or (spaced and w == " ")
        if not is_and:
            continue
        if w == "、" and (re.search(r"多少|几|吗\s*$", text[:s]) or (
                re.search(r"哪|什么|啥|谁", text[:s]) and re.search(r"多少|几", text[e:]))) and v.cue["asking"].search(text[e:]) and re.search(
                r"[\u4e00-\u9fff]{2}", text[e:]):
            # 蒙府酒店总投资多少、是几星级 / 建在哪、有多少床位: the pause mark parts two questions, not two subjects
            # (建在哪条街、哪个门牌号 asks one thing twice);
            # the second, naming nothing particular, is about the first one's subject
            first, second = text[:s].strip(), text[e:].strip()
            subject = lexicon.subject(first)
            named = lexicon.names_particular(second)
            return [first, second if named or not subject else f"{subject}{second}"]
        left = _run(toks, i - 1, -1, v)
        right = _run(toks, i + 1, +1, v)
        if not left or not right:
            continue
        a, b = toks[left[0]][1], toks[left[-1]][2]
        c, d = toks[right[0]][1], toks[right[-1]][2]
        if a > b or c > d:
            continue
        lw, rw = text[min(a, b):max(a, b)], text[min(c, d):max(c, d)]
        if PEOPLE.search(lw) or PEOPLE.search(rw):
            continue  # 我跟你们领导很熟: people, not two things of the plan asked about
        if any(f"{lw}{c}{rw}" in lexicon.plan_text for c in ("及", "和", "与", "、", "以及")):
            continue  # 跨境主通道和配套设施: the plan names them as one thing (跨境主通道及配套设施)
        if re.match(r"[^，,。？?\s]{1,12}?(有关|相关|挂钩|关联|沾边|对应)", text[e:]):
            continue  # 主要预期目标里和居民收入有关的: "to do with", not a second subject
        if w in ("和", "跟", "与") and v.cue["time_named"].match(text[e:].lstrip()) and re.match(
                r"[^，,。？?\s]{0,8}?(相比|比较|对比|比)", text[e:]):
            continue  # 和去年定的目标比: the year weighed against, not a second subject
        if w == " " and (vocab().cue["distributive"].search(text[e:d]) or v.cue["asking"].search(text[e:d])):
            continue  # 锦裕二期 各是多少万吨: after the pause comes the question, not a second subject
        if not distributive and not (v.cue["figure"].search(text) or v.cue["figure_word"].search(text)):
            return [text]  # 跨境电商和互市贸易有什么政策: one question about both
        start, end = min(a, c), max(b, d)
        if left[0] > 0 and toks[left[0] - 1][0] == "的" and len(rw) > len(lw) and rw.endswith(lw):
            # 防沙治沙风光一体化的风电和竞配风电: the right one names its own kind of the same thing (竞配风电), so the
            # words before 的 tell the left one apart only; they are not said of both
            start = max((text.rfind(x, 0, a) for x in "，,。？?；; "), default=-1) + 1
            lw = text[start:b]
        rest = text[end:]
        more = re.match(r"^((?:[和与及、跟]|还有)[^\s，,的]{1,12}?)(?=[的今分各要是\s]|$)", rest)
        subjects = [lw, rw]
        while more:
            subjects.append(re.sub(r"^(和|与|及|、|跟|还有)", "", more.group(1)))
            end += len(more.group(1))
            more = re.match(r"^((?:[和与及、跟]|还有)[^\s，,的]{1,12}?)(?=[的今分各要是\s]|$)", text[end:])
        return [f"{text[:start]}{subj}{text[end:]}".strip() for subj in subjects if subj.strip()]
    return [text]


def _two_measures_asked(text: str) -> list[str]:
    """全年拟实施的项目数量和计划完成的投资额分别是多少: two figures of different kinds, each named with its own words,
    then one distributive ask: each is a question of its own (the words of each stay with it)."""
    v = vocab()
    m = v.cue["distributive"].search(text)
    pieces = [x for x in re.split(r"和|与|以及|及", text[:m.start()]) if x.strip()] if m else []
    if len(pieces) != 2 or any(len(x.strip()) < 4 for x in pieces):
        return []
    kinds = [v.measure_of(x)[0] for x in pieces]
    if None in kinds or kinds[0] == kinds[1]:
        return []
    ask = text[m.end():].lstrip("是为有") or "多少"
    return [f"{x.strip()}是{ask}" for x in pieces]


def _spoken_subjects(text: str, lexicon: Lexicon) -> list[str]:
    """GDP 固投 社零 目标各多少: subjects said one after another with pauses, then what is asked of each."""
    segs = text.split()
    cue = vocab().cue
    first = next((i for i, x in enumerate(segs) if any(cue[c].search(x) for c in ("asking", "distributive", "figure",
                                                                                   "figure_word"))), None)
    if first is None or first < 2 or any(ZH_AND.search(x) for x in segs[:first]):
        return []
    subjects, tail = segs[:first], " ".join(segs[first:])
    if not all(lexicon.content_words(x) for x in subjects):
        return []
    return [f"{x} {tail}" for x in subjects]


def _run(toks, i, step, v) -> list[int]:
    """Indexes of the content tokens next to position i, walking away from the conjunction."""
    out: list[int] = []
    while 0 <= i < len(toks):
        w = toks[i][0]
        if not w.strip() and not out:  # 锦裕二期 跟 那个金巢科尾矿: a spoken pause beside the conjunction
            i += step
            continue
        if not w.strip() or w in "，,。？?" or ZH_AND.fullmatch(w):
            break
        if step < 0 and v.cue["time_named"].fullmatch(w) and any(toks[j][0] not in ("年", "年度", "月") for j in out):
            break  # 百汇源公司去年产值和利润: the year goes with both, as what comes before it does
        if step < 0 and w in MEASURE_TAIL and all(toks[j][0] in MEASURE_TAIL for j in out):
            # 固投增长目标和完成投资额: the measure words before 和 belong to the left subject
            out.append(i)
            i += step
            continue
        if v.is_stop(w) and w not in ("的",):
            if out:
                break
            i += step
            continue
        if w == "的":
            break
        out.append(i)
        i += step
        # 专精特新企业数量: a word naming the kind of figure belongs to the subject it follows
        if step > 0 and 0 <= i < len(toks) and toks[i][0] in v.zh_answer_kind:
            out.append(i)
            break
    return sorted(out)
