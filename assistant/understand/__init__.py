"""understand: a question → what it asks, part by part (`Understanding`).

normalise (characters, numbers, fillers, answer language) → smalltalk and off-topic requests → instructions and
pressure removed → the follow-up read against the previous turn → compound questions split → each part classified.
"""

from __future__ import annotations

import re

from assistant.lexical import Lexicon
from assistant.models import Fact
from assistant.session import Turn
from assistant.understand.asks import classify, stated_figures
from assistant.understand.earlier import back_to, both_asked, nth_turn
from assistant.understand.followup import WORDING, ZH_ELLIPSIS, leans_inside, only_deictic, ordinal_item, resolve_followup
from assistant.understand.homophones import sound_alike
from assistant.understand.intent import off_topic, smalltalk, strip_instructions, without_off_topic
from assistant.understand.normalise import language_of, normalise
from assistant.understand.numbered import numbered, titled
from assistant.understand.pinyin import from_pinyin
from assistant.understand.order import ordering
from assistant.understand.split import coordinated, sentences
from assistant.understand.split_pairs import weighs
from assistant.understand.types import Part, Place, Understanding
from assistant.vocab import CJK, KIND_WORDS, vocab

__all__ = ["Part", "Place", "Understanding", "back_to", "both_asked", "nth_turn", "subject_of", "understand"]
MAX_PARTS = 6  # questions in one message: bounds the cost of one request
# the figure the last answer gave, pointed at (固定资产投资也是这个数吗)
SAME_FIGURE = re.compile(r"(也|还|同样)?(是|为|等于)?(这个|那个|同一个|同样的|一样的)(数|数字|数值|比例|增速)(吗|么|嘛|不|吧)?[？?]?$")


# 再说一遍数字，另外…: after the words asking to hear it again, a question of its own
THEN_ANOTHER = re.compile(r"[，,。；;]\s*(另外|还有|然后|再问一下|顺便问一下|顺便)?")
QUOTED_CLAIM = re.compile(r"[“\"「]([^”\"」]{4,60}?\d[^”\"」]{0,30})[”\"」]")  # a quoted sentence with a figure


def subject_of(turn: Turn, lexicon: Lexicon) -> str:
    """What a turn was about: the thing its figure measures (锦裕铁矿石二期 from 锦裕铁矿石二期项目规模), else the
    focus terms of what was asked."""
    if turn.answer.facts and turn.answer.route == "target":
        name = turn.answer.facts[0].indicator
        return KIND_WORDS.sub("", name) or name
    return "".join(lexicon.focus_terms(turn.understood or turn.question)[:2])


def _unframed(asked: str, resolved: str, lexicon: Lexicon) -> str:
    """医疗呢 after 教育方面有哪些要开工的项目: the new subject with the old question's frame, unless the plans never
    say the two together; then what the plans say of the new subject."""
    m = ZH_ELLIPSIS.match(asked)
    if not m or not resolved.startswith(m.group("x")) or not vocab().cue["list"].search(resolved):
        return resolved
    x = m.group("x")
    frame = [w for w in lexicon.content_words(resolved[len(x):]) if w not in vocab().instance_words]
    forms = (x, *lexicon.glossary.synonym_forms(x))
    if not frame or any(f in s and any(w in s for w in frame) for s in lexicon.plan_sentences for f in forms):
        return resolved
    return f"{x}方面有哪些"


def _asks_anything(text: str) -> bool:
    cue = vocab().cue
    return any(cue[c].search(text) for c in ("where", "list", "who", "figure", "figure_word"))


def _bare(turn: Turn, lexicon: Lexicon) -> bool:
    """Every sentence the turn quoted is one clause: it sets a figure and says nothing of how."""
    quotes = [c.quote for c in turn.answer.citations]
    return bool(quotes) and all(any(q in s and "，" not in s for s in lexicon.plan_sentences) for q in quotes)


def _places(turn: Turn) -> tuple[Place, ...]:
    seen: dict[tuple[str, str, str], None] = {}
    for c in turn.answer.citations:
        seen.setdefault((c.doc, c.chapter, c.section), None)
    return tuple(Place(doc=d, chapter=ch, section=s) for d, ch, s in seen)


def understand(question: str, previous: Turn | None, lexicon: Lexicon, listed: str = "") -> Understanding:
    """`listed`: the last list answer of the conversation, when it came before `previous` (第一个规模多大 → 第二个呢:
    the second item of that list)."""
    n = normalise(question, lexicon.plan_text, lexicon.glossary.everyday_terms)
    # 互世贸易 → 互市贸易: a recogniser's slip, read as the plan's terms write it
    n = n.model_copy(update={"text": lexicon.glossary.said_each(
        sound_alike(n.text, lexicon.sound_terms, lexicon.plan_text, lexicon.is_word))})
    if re.search(r"[A-Za-z]{5}", n.text):
        # guding zichan touzi growth rate / rengong zhineng+用在哪: the plan's words spelled in pinyin, in characters
        n = n.model_copy(update={"text": from_pinyin(n.text, lexicon.plan_text, lexicon.glossary.words)})
    said_again = vocab().cue["say_again"].search(n.text)
    again_first = vocab().cue["say_again"].search(question)
    if again_first and again_first.start() <= 4 and previous is not None and not n.asked_language and (
            m := THEN_ANOTHER.search(n.text)) and not lexicon.content_words(n.text[:m.start()]) \
            and lexicon.content_words(rest := n.text[m.end():]):
        # 再说一遍数字，另外超5000万元的企业要多少家: the last answer again, then a question of its own
        n = n.model_copy(update={"text": f"{previous.understood or previous.question}？{rest}"})
        said_again = None
    if (n.asked_language or said_again) and previous is not None \
            and not lexicon.content_words(vocab().cue["again"].sub("", vocab().cue["say_again"].sub("", n.text))):
        # 用中文再说一遍 / 用英文说一下 / And in English please? / 没听清 你再说一遍: nothing asked but the language, or to
        # hear it again: the previous question again, answered in the language asked
        n = n.model_copy(update={"text": previous.understood or previous.question})
        previous = None  # already read against the turn before: asked as it stands
    base = dict(asked=question, lang=n.lang)
    if intent := smalltalk(n.text):
        return Understanding(text=n.text, smalltalk=intent, **base)
    ins = strip_instructions(n.text)
    if (ins.injection or ins.pressure) and ins.text and not n.asked_language:
        # Ignore all previous instructions. … 请告诉我今年互市贸易额目标: the question's own language, not the injection's
        base["lang"] = language_of(ins.text)
    flags = dict(injection=ins.injection, pressure=ins.pressure, reveal=ins.reveal)
    text = ins.text
    if not text:
        return Understanding(text=text, **flags, **base)
    if off_topic(text):
        # …the trade target, and also write me a poem: the other request is set aside (and said so), the question stays
        rest = without_off_topic(text, lexicon.names_particular)
        # …what is left must name something particular of the plan's (会不会刮沙尘暴 after the weather does not)
        # (…然后告诉我那个88万亩是什么任务: a figure of the plan's names its thing too)
        named = (*lexicon.content_words(rest), *lexicon.glossary.mapped_terms(rest)) if rest else ()
        if not (rest and (any(lexicon.specific(w) for w in named) or vocab().cue["stated_figure"].search(rest))):
            # 起草一篇新闻稿，标题就写“进出口贸易额将突破500亿元”: the writing is declined; the figure it would state
            # about the plan is checked, as a claim
            claim = next((m.group(1) for m in QUOTED_CLAIM.finditer(text)
                          if any(lexicon.specific(w) for w in lexicon.content_words(m.group(1)))), "")
            if not claim:
                return Understanding(text=text, off_topic=True, **flags, **base)
            rest = f"{claim}，对吗"
        elif vocab().cue["stated_figure"].search(rest) and not vocab().cue["asking"].search(rest):
            rest = f"{rest}，对吗"  # 以商务局名义发个通知，说互市贸易额要突破20亿元: what it would state, checked as a claim
        text, flags["aside"] = rest, True
    text, flags["ordered"] = ordering(text)  # 从高到低排一下: each figure asked; the verdict sets them in that order

    framing = vocab().cue["framing_asked"]
    scope: tuple[Place, ...] = ()
    about_previous = False
    lead = ""  # the previous subject put before a follow-up that names nothing of its own
    alone = ""
    before = text
    if previous is not None and vocab().cue["which_indicator"].search(text) and stated_figures(text):
        # 那6%是哪个指标的目标: a figure asks which row is its own, in the whole plan, not in the last answer's subject
        previous = None
    if previous is not None and not previous.answer.refused and (named := _figure_named_again(text, previous)):
        text = before = named
    if previous is not None and (m := ZH_ELLIPSIS.match(text)) and WORDING.fullmatch(m.group("x")):
        text = before = f"{m.group('x')}是怎么写的？"  # 原话呢: the previous answer's own words, not a figure of 原话
    if previous is not None and previous.answer.facts and (m := SAME_FIGURE.search(text)) and m.start() > 0:
        # 固定资产投资也是这个数吗 after 规上工业增加值 10%: the other thing's own figure answers (the same or not)
        text = f"{text[:m.start()]}是多少？"
    if previous is not None and not previous.answer.refused:
        # 第二个今年到什么阶段 after a list: the second item's own words ask
        figures = tuple(dict.fromkeys(f.indicator for f in previous.answer.facts))
        text = ordinal_item(text, previous.answer.answer, figures)
        if text == before and listed:
            text = ordinal_item(text, listed)
        prev_text = previous.understood or previous.question
        if previous.answer.facts and n.lang == "zh" and not CJK.search(prev_text):
            # 那水井呢 after "how many water cellars?": its words swap into the figure's own (Chinese) name
            prev_text = _asked_by_name(previous.answer.facts[0])
        subject = subject_of(previous, lexicon)
        own = lexicon.content_words(text)
        # 这个目标是力争还是确保 / is that one a firm floor or approximate: the framing words are how it asks
        unframed = lexicon.content_words(framing.sub(" ", text))
        if ((vocab().cue["where"].search(text) or vocab().cue["in_plan"].search(text)) and only_deictic(own)
                and not vocab().cue["locate"].search(text)) or (  # 建在哪个位置: on the ground, not in the plan
                framing.search(text) and only_deictic([w for w in unframed if w not in vocab().governing])):
            # 这条在哪一章 / 这个目标是力争还是确保: the previous answer's own sentence answers
            about_previous, scope = True, _places(previous)
            # …and 用英文说一下 after it asks it again, without the turn before: it keeps its subject
            alone = f"{subject} {text}" if subject and subject not in text else ""
        else:
            # a figure question's words can be swapped (城镇的呢 after 农牧民…增速目标); others keep the old reading
            words = tuple(lexicon.content_words(prev_text)) if previous.answer.route == "target" else ()
            resolved = _unframed(text, resolve_followup(text, prev_text, subject, words,
                                                         lambda x: len(x) >= 4 and x in lexicon.plan_text), lexicon)
            # Who is the developer and how much is invested? — nothing of its own: it is about the last answer
            # (English words count through the plan terms they stand for: mutual-trade → 互市贸易)
            # …and the words that ask the measure (总投资多少) name no thing: it is the last answer's thing's
            # (nor the plan's terms the glossary reads them as: 总投资 → 固定资产投资)
            # (each question's own: 那总投资多少？哪天通车？ asks 总投资 and 哪天)
            measure = [q[a:b] for q in re.findall(r"[^？?。！!；;]+[？?。！!；;]*", text) for a, b in vocab().measure_of(q)[2]]
            bare = re.sub("|".join(map(re.escape, measure)), " ", text) if measure else text
            names = [w for w in (*own, *lexicon.glossary.mapped_terms(bare)) if lexicon.specific(w)
                     and not any(w in m for m in measure)]
            # And the Shenzhen one? after the regions cooperated with: a place alone says where, the topic stays
            place_only = bool(names) and all(lexicon.places(w) for w in names)
            leans = leans_inside(text, lexicon.names_particular) or (resolved == text and not names) or place_only
            if leans and previous.answer.citations:
                # 靠啥渠道涨 after a figure whose sentence only sets it (农牧民人均可支配收入增长5%左右；): the means are said
                # where the work is, not there
                means = (previous.answer.route == "target" and vocab().cue["means"].search(text)
                         and _bare(previous, lexicon))
                scope = () if means else _places(previous)
                # 主要靠啥方式招商 after 招商引资到位资金: a word of the old subject said again names the topic itself
                repeats = any(len(w) >= 2 and w in subject for w in own)
                # 上面说的第三个具体是多少: the item it points at, put in its place, names its own subject
                item = text != before
                if place_only:  # 深圳那个呢 after 跟呼包鄂乌怎么合作: the new place in the old one's stead
                    subject = re.sub("|".join(map(re.escape, sorted({*vocab().places, *vocab().regions}, key=len,
                                                                    reverse=True))), "", subject)
                # 还有哪些领域也要改 after 财政方面呢: other things than the last subject, where it was said
                others = bool(vocab().cue["others_asked"].search(text))
                if (resolved == text or place_only) and subject and subject not in resolved and not repeats and not item \
                        and not others:
                    resolved = f"{subject} {resolved}"
                    lead = subject
            text = resolved
    elif previous is not None:
        # 这个项目是干嘛的 after a who the plan does not say: the thing the declined question named is still meant
        asked_before = previous.understood or previous.question
        text = resolve_followup(text, asked_before, lexicon.subject(asked_before))

    if not about_previous and (m := framing.search(text)) and lexicon.content_words(
            rest := f"{text[:m.start()]} {text[m.end():]}".strip()):
        # 进出口贸易额目标属于确保类还是力争类: the figure is asked; its answer carries the plan's framing
        # (固定资产投资那个是左右还是以上: what is left names the thing and asks nothing of its own: its figure)
        text = rest if _asks_anything(rest) or vocab().measure_of(rest)[0] else f"{rest.rstrip(' ？?是的那个')}是多少？"
    if not (about_previous or lexicon.content_words(text) or _asks_anything(text) or numbered(text)
            or vocab().cue["stated_figure"].search(text) or lexicon.glossary.phrases(text)):  # Any plans for AI?
        return Understanding(text=text, **flags, **base)  # nothing asked, nothing named: only instructions

    def framed_only(q: str) -> bool:  # 是约略还是以上？: asks only how a figure is framed
        return bool(framing.search(q)) and not lexicon.content_words(framing.sub(" ", q))

    parts: list[Part] = []
    weighed = False
    for sentence in list(dict.fromkeys(sentences(text, lexicon)))[:MAX_PARTS]:  # a pasted question twice is one
        pair = coordinated(sentence, lexicon)
        weighed = weighed or (len(pair) == 2 and weighs(sentence))
        for q in pair:
            if parts and parts[-1].ask == "figure" and framed_only(q):
                # 社零的目标呢？是约略还是以上？: how the figure just asked is framed, which its answer carries
                continue
            if parts and parts[-1].structure and re.match(r"^(那)?每(一)?(节|章|部分|块)", q):
                # …分了几节？每节讲的是什么: the same outline asked again, of its parts
                parts[-1] = parts[-1].model_copy(update={"text": f"{parts[-1].text}{q}"})
                continue
            part = _classify(q, lexicon, scope, about_previous)
            if parts and not lexicon.content_words(q.replace("去年", "").replace("上年", "")) and (part.compare or part.outcome):
                part = part.model_copy(update={"text": f"{parts[-1].text} {q}"})  # 比去年高吗: of the part before
            elif parts and not lexicon.content_words(q) and (part.ask in ("list", "where") or part.measure == "date"):
                # …是怎么说的？主要有哪几项？ / …, and on what date?: nothing of its own, it asks about the part before
                part = classify(f"{parts[-1].text} {q}", lexicon, scope, about_previous)
            elif (parts and part.ask == "locate" and not lexicon.names_particular(vocab().cue["locate"].sub(" ", q))
                  and (subject := lexicon.subject(parts[-1].text))):
                # 汽车拉力赛几月份比 在哪个场地比: where on the ground (the 场地 it asks for names no thing), of what
                # the part before names
                part = _classify(f"{subject}{q}", lexicon, scope, about_previous)
            parts.append(part)
    parts = parts[:MAX_PARTS]
    flags["weighed"] = weighed and len(parts) == 2  # two things weighed, nothing else asked (not …两个数各是多少)
    if lead and len(parts) > 1 and parts[0].text.strip(" ？?") == lead:
        # 具体要减排多少吨 after 主要目标里有没有降碳方面的: the old subject put before it is what it asks about, not a
        # question of its own (a subject naming a target reads as asking one when it stands alone)
        parts = [_classify(f"{lead} {parts[1].text}", lexicon, scope, about_previous), *parts[2:]]
    for i in range(1, len(parts)):
        if not parts[i].years and parts[i - 1].years and not vocab().cue["time_named"].search(parts[i].text):
            # 2027年进出口目标定了没有，是多少: the second clause asks of the same year
            parts[i] = parts[i].model_copy(update={"years": parts[i - 1].years})
    cue = vocab().cue
    own_measure = vocab().measure_of(question)[0] is not None
    if text != before and not own_measure and previous is not None:
        parts = _measure_as_before(parts, previous)
    return Understanding(text=text, alone=alone, parts=tuple(parts),
                         followup=text != before or about_previous or bool(scope),
                         own_figure=any(cue[c].search(question) for c in ("figure", "figure_word", "asks_number")),
                         own_measure=own_measure, **flags, **base)


def _figure_named_again(text: str, previous: Turn) -> str:
    """是签约额还是到位资金 / 这个数说的是签约额吗, after one figure: which kind of figure it is, which its own name
    says (招商引资到位资金); the figure is asked again by its name. Options the name does not hold (确保还是力争) are
    about its framing, answered from its sentence."""
    facts = previous.answer.facts
    m = vocab().cue["kind_choice"].search(text)
    if len(facts) != 1 or not m:
        return ""
    options = [o.rstrip("额数的") for o in (m.group("a"), m.group("b")) if o]
    if options and not any(len(o) >= 2 and o in facts[0].indicator for o in options):
        return ""
    return _asked_by_name(facts[0])


def _asked_by_name(fact: Fact) -> str:
    """The question that asks a figure by the plan's own name for it (招商引资到位资金是多少)."""
    return f"{fact.indicator}是多少"


def _classify(q: str, lexicon: Lexicon, scope: tuple[Place, ...], about_previous: bool) -> Part:
    """One question classified; a place it names by its numbers (第三章第二节) or its title (“提质升级传统产业”这一部分)
    is where to look, not what it asks."""
    named = numbered(q) or titled(q, lexicon.docs)
    if named is None:
        return classify(q, lexicon, scope, about_previous)
    rest = named.rest or q
    outline = not lexicon.content_words(vocab().cue["outline"].sub(" ", rest)) or bool(vocab().cue["summary"].search(q))
    part = classify(rest, lexicon, scope, about_previous)
    return part.model_copy(update={"at": (named.chapter, named.section), "outline": outline})


def _measure_as_before(parts: list[Part], previous: Turn) -> list[Part]:
    """那固投呢 after a growth target asks its growth: a follow-up that names no measure of its own asks the growth
    asked before, not a measure its rewording happens to spell (固定资产投资是多少 reads as an amount). Only a growth
    carries over (as in followup.py): another unit (多少家) may not fit the new subject."""
    growth = next(m for m in vocab().measures if m.measure == "growth_rate")
    # (as the caller asked it: 固定资产投资也是这个数吗, read as 固定资产投资是多少, named none, and got a growth)
    asked = vocab().measure_of(previous.question)[0]
    # GDP目标 → 固投呢: the question named no measure, the answer gave a growth rate
    gave = bool(previous.answer.facts) and all(f.indicator.endswith("增速") for f in previous.answer.facts)
    if asked != growth.measure and not (asked is None and gave):
        return parts
    return [p.model_copy(update={"measure": growth.measure, "kinds": tuple(sorted(growth.kinds))})
            if p.ask == "figure" and p.measure not in (None, growth.measure) else p for p in parts]
