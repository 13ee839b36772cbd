"""split: a compound question into its parts.

- Separate questions in one message (今年一般公共预算收入增长多少？比去年高吗？, …多少公里 还有水窖 水井 各弄多少):
  each sentence that asks something is a part; one that names nothing of its own (比去年高吗) leans on the one
  before it.
- Coordinated subjects with one shared predicate (社零和城镇居民收入分别增长多少, the GDP growth target and the
  rural income growth target): one part per subject, each with the shared rest of the question.
- Several figures claimed at once, or two things weighed against each other: assistant/understand/split_pairs.py.
"""

from __future__ import annotations

import re

from assistant.lexical import Lexicon
from assistant.understand.split_en import english
from assistant.understand.split_pairs import claims, figures_of_one, weighed, weighed_en
from assistant.understand.split_zh import GATHER, chinese
from assistant.vocab import ACRONYM, CJK, vocab

SENTENCE = re.compile(r"[^？?。！!；;]+[？?。！!；;]*")
COMMA = re.compile(r"[，,]")
# 计划是哪天发的在啥会上通过的: a transcript runs two questions together, the first ending in 的 after its question
# word, the second opening with a preposition before its own
# …项目一共完成投资多少亿: what joins a second figure asked of the same things
JOINT = re.compile(r"一共|总共|总计|合计|然后|另外")
# 在啥会上通过的: a clause opening without a subject of its own (a preposition or a question word)
SUBJECTLESS = re.compile(r"(在|从|由|是|于|经|被|哪|啥|什么|谁)")
RUN_ON = re.compile(r"(哪|什么|啥|谁)[^，,。？?\s的]{0,6}的(?=[在从由跟和向到][^，,。？?\s的]{0,6}(哪|什么|啥|谁|多少|几))")
FRAME_END = re.compile(r"(里|中|当中|里面|里头|方面|这块|这一块|这部分)\s*$")
COMPOUND_MAX = 160  # characters
NEW_QUESTION = re.compile(r"(?:^|\s|[，,])(还有|另外|以及|同时|再就是|再问一下|还想问|再加一列|再加一栏|再加一行|also|and also|as well as"
                          r"|并(?:且)?(?:说明|告诉我|回答|说一下|讲一下|列出))"
                          r"(?=\s|[^\s])"
                          # …到位资金是多少还有一个就是那个限上企业…: a run-on caller goes on to the next question
                          r"|(?:(?<=多少)|(?<=[几吗呢啥么]))还有(?:一个|个)?(?:就是)?"
                          r"|,?\s+and\s+(?=(?:how|what|which|when|where|who)\b)"
                          r"|,\s+and\s+(?=(?:does|do|did|is|are|will|can|has)\s+(?:it|the plan|they|the city)\b)"
                          r"|(?<=[\u4e00-\u9fff])然后(?=[\u4e00-\u9fff])"
                          # First, … Second, … / 第一，…第二，… / 一是…二是…: numbered questions
                          r"|(?:^|(?<=[.;:]))\s*(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|finally|lastly)\s*[,:]\s*"
                          r"|(?:^|(?<=[。；;，,：:\s]))(?:第[一二三四五](?:个问题|点|个)?|其[一二三])[，,：:、]", re.I)
FIGURE_NAME = re.compile(r"(数|数量|额|资金|增速|增幅|规模|总量|产值|收入|率|目标|指标)$")  # names a figure
EACH_ASKED = re.compile(r"^(各|分别|各自)(是|为)?(多少|几)[？?。]*$")
GUESSED_NAME = re.compile(r"^(?:maybe |perhaps |is it |or )?[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2}\s*\?$")
WHICH_EN = re.compile(r"\b(which|what)\b[^?]*\?$", re.I)
THEN = re.compile(r"^(那|那么)(?!个|些|里|边|块)")  # 那固投呢: a new subject, after a clause about another
ELLIPTIC = re.compile(r"^(?:那个|这个|那么|那)?(?P<subject>[^\s，,。？?呢]{1,12})呢[？?]?$"
                      r"|^(?:and|what about|how about)\s+(?:the\s+)?(?P<en>[a-z][\w' -]{1,40}?)\s*\?$", re.I)
DOCUMENT = re.compile(r"计划|文件|通知|这份|this plan|the plan|document", re.I)  # the document itself as the topic



def _then_wording(piece: str, lexicon: Lexicon) -> list[str]:
    """跨境主通道啥时候能通 今年计划里是怎么说的: when (or who, or where), which a plan often does not say, then what
    the plan does say of it: a second question about the same subject."""
    head, last = (re.split(r"[\s，,]+(?=[^\s，,]+$)", piece, maxsplit=1) + [""])[:2]
    if not last or not vocab().cue["wording"].search(last) or lexicon.content_words(last) or not _unwritten(head):
        return [piece]
    subject = lexicon.subject(head)
    return [head, f"{subject}{last}"] if subject else [piece]


# what opens a second ask after a first one ends (项目一共几个 | 要投多少钱): a verb of the plan's doing
NEXT_ASK = re.compile(r"(要|能|会|得|需要|计划|预计|准备|打算|总共|一共|共|投|花|完成|建|修|铺|达到|增长)")


def _two_measures(piece: str, lexicon: Lexicon) -> list[str]:
    """固定资产投资项目一共几个要投多少钱: a count asked, then in the same breath an amount of the same subject: two
    questions, the second about the first one's subject."""
    if re.search(r"[\s，,A-Za-z]", piece.strip()):
        return [piece]  # pauses and commas part questions elsewhere (sentences)
    cues = [(x.start(), x.end(), m.measure) for m in vocab().measures for x in m.pattern.finditer(piece)]
    if not cues:
        return [piece]
    start, end, measure = min(cues)  # the cue said first
    rest = piece[end:]
    second = vocab().measure_of(rest)[0]
    joint = JOINT.search(rest)
    if (second and second != measure and not NEXT_ASK.match(rest) and joint and vocab().cue["asking"].search(rest[joint.end():])
            and vocab().measure_of(rest[joint.end():])[0] == second):
        # 计划干多少个固定资产投资项目一共完成投资多少亿: the thing counted named after the count, then 一共 and the second
        first = piece[:end + joint.start()]
        subject = lexicon.subject(first)
        return [first, f"{subject}{rest[joint.end():]}"] if subject else [piece]
    if not second or second == measure or not NEXT_ASK.match(rest) or not vocab().cue["asking"].search(rest):
        return [piece]
    subject = lexicon.subject(piece[:start])
    return [piece[:end], f"{subject}{rest}"] if subject else [piece]


def _unwritten(text: str) -> bool:
    """Asks a date, a firm or a site: what a plan's sentence often does not give."""
    cue = vocab().cue
    return bool(vocab().measure_of(text)[0] == "date" or cue["who"].search(text) or cue["locate"].search(text))


# 几个主要预期目标里，哪个增速最高: "among the several X" is where the next clause looks, not a question; "the
# several" before it is no count asked
AMONG_TAIL = r"[^，,。？?]{1,16}(里|中|当中|之中|里面|里头|中间)\s*[，,]"
AMONG = re.compile(rf"^\s*(这|那)?(几个|几项|几大|几类|各个|各项|这些|那些){AMONG_TAIL}?\s*$")
SEVERAL = re.compile(rf"^\s*(今年|这|那)?(的)?(几个|几项|几大|几类)(?={AMONG_TAIL})")


def _asks(text: str) -> bool:
    cue = vocab().cue
    if AMONG.match(text):
        return False
    measure = vocab().measure_of(text)[0]
    return bool(cue["figure"].search(text) or cue["list"].search(text) or cue["where"].search(text)
                or cue["who"].search(text) or cue["wording"].search(text) or cue["figure_word"].search(text)
                or measure == "date"
                or (measure is not None and re.search(r"几|多少|多大|多长|多高|多远", text))  # 牧区路几公里
                or (measure == "ordinal" and re.search(r"哪|几", text))  # 哪次人代会通过的
                or re.search(r"(啥|什么|哪)[^，,。？?的]{1,8}的\s*[？?]?\s*$", text)  # 在啥会上通过的 (not 比赛啥的: etc.)
                or re.search(r"[？?吗呢谁]|([^能会要是可有\W\d])[不没]\1|[的了]不\s*$|[了过]没有?\s*$|是吧|对吧|是不是|对不对|没错吧|告诉我|想知道|想了解|\b(what|how|which|"
                             r"when|where|who|tell me|give me|show me|let me know|i need|i want|confirm|verify)\b", text, re.I))


def _contrast(clause: str) -> bool:
    """为什么定6%，不定7%: the choice not made, said after a clause; part of that clause, not a question of its own."""
    m = vocab().cue["rejecting"].match(clause)
    return bool(m) and not re.match(r"是吗|对吗|对不对|是不是", clause[m.end():]) \
        and bool(re.match(r"[\u4e00-\u9fff]{0,4}\d", clause[m.end():]))


def _named_figures(text: str) -> list[str]:
    """固定资产投资项目个数、完成投资额、招商引资到位资金 (after 汇总三项：): figures named one after another, asking
    nothing: each is asked for."""
    return [] if _asks(text) else _figure_names(text)


def _figure_names(text: str) -> list[str]:
    """The names in an enumeration (A、B、C), when there are two or more and each names a figure."""
    items = [x.strip(" 。.") for x in text.split("、")]
    return items if len(items) >= 2 and all(2 <= len(x) <= 16 and FIGURE_NAME.search(x) for x in items) else []


def _figures_listed(piece: str) -> list[str]:
    """固定资产投资方面：增速目标、计划实施的项目数、计划完成的投资额，各是多少: figures named one after another and
    then asked each, of the topic said before the colon: each is asked, of that topic."""
    clauses = [c.strip() for c in COMMA.split(piece) if c.strip(" ？?。.")]
    if len(clauses) != 2 or not EACH_ASKED.match(clauses[1]):
        return []
    head, _, items = clauses[0].rpartition("：") if "：" in clauses[0] else ("", "", clauses[0])
    topic = re.sub(r"(方面|这块|这一块|领域)$", "", head.strip())
    return [f"{topic}{x}是多少" for x in _figure_names(items)]


def _of_a_thing(text: str) -> bool:
    """投资多少钱 / 是哪家公司做的: asks a property of some thing (its figure, who does it), which a subject said
    before may supply; not a comparison (比去年高吗) nor a restatement (就是说在哪条街上)."""
    cue = vocab().cue
    return bool((cue["figure"].search(text) or cue["who"].search(text)) and not cue["compare"].search(text)
                and not re.match(r"(就是|也就是|我是说|意思是)", text))


def _states_only(clause: str) -> bool:
    """社零增速定在4.5%左右，折算成绝对额是多少 / 今年主要预期目标里，降碳那一条怎么写: a clause that states a figure,
    or only sets the frame (…里, …方面), and asks nothing is the premise of the question after it, not a question."""
    framed = bool(vocab().cue["stated_figure"].search(clause) or FRAME_END.search(clause))
    return framed and not vocab().cue["asking"].search(clause)


def _kind_only(text: str, lexicon: Lexicon) -> bool:
    """要完成哪些工程: the question names a kind of thing, and nothing of the plan's in particular."""
    words = lexicon.content_words(text)
    return bool(words) and all(w in vocab().instance_words for w in words) and not lexicon.glossary.mapped_terms(text)


def _restates(phrase: str, before: str, lexicon: Lexicon) -> bool:
    """A spoken phrase that names nothing the phrase before did not and asks the measure it asked (建多大面积 多少亩,
    增长多少 百分之几, 开工时间呢 具体哪天开工) says the same question again."""
    measure, _, spans = vocab().measure_of(phrase)
    # the words of the cue itself (几个点: 点) name nothing
    rest = phrase
    for a, b in reversed(spans):
        rest = rest[:a] + " " + rest[b:]
    return (measure is not None and measure == vocab().measure_of(before)[0]
            and not [w for w in lexicon.content_words(rest) if w not in vocab().unit_names and w not in before])


def sentences(text: str, lexicon: Lexicon) -> list[str]:
    """The separate questions of a message; a piece that asks nothing is joined to its neighbour."""
    text = SEVERAL.sub("", text)  # 几项主要预期增速里，哪一项最高 (AMONG)
    text = RUN_ON.sub(lambda m: m.group(0) + "？", text)
    pieces = []
    for p in SENTENCE.findall(text):
        # 项目安排几个，完成投资多少: clauses that each ask are separate questions
        clauses = [c for c in COMMA.split(p) if c.strip(" ？?。.")]
        if (len(clauses) == 2 and vocab().cue["stated_figure"].search(clauses[0]) and _states_only(clauses[0])
                and THEN.match(clauses[1].strip()) and _asks(clauses[1])
                and lexicon.names_particular(clauses[1])):
            # 计划里说GDP确保增长6%，那固定资产投资确保增长多少: a claim about one thing, then a question about
            # another: the claim is checked as one, the question answered
            pieces += [f"{clauses[0]}，对吗", clauses[1]]
        elif len(clauses) > 1 and re.search(r"[\u4e00-\u9fff]", p) and weighed(p.strip(" ？?。."), lexicon):
            # A的增速目标和B的增速目标，谁高谁低: one question weighing two things (split as one, by coordinated)
            pieces.append(p)
        elif stated := claims(p, lexicon) or figures_of_one(p):
            pieces += stated
        elif listed := _figures_listed(p):
            pieces += listed
        elif (len(clauses) >= 3 and all(_states_only(c) and vocab().cue["stated_figure"].search(c) for c in clauses[:-1])
              and GATHER.search(clauses[-1]) and _asks(clauses[-1])):
            # GDP增长6.5%左右，固投增长10%左右，这两个数对不对: each claim is checked
            shared = GATHER.sub("", clauses[-1]).strip(" ？?。") or "对吗"
            pieces += [f"{c}，{shared}" for c in clauses[:-1]]
        elif (len(clauses) > 1 and all(_asks(c) and not _states_only(c) for c in clauses)
                and not any(_contrast(c.strip()) for c in clauses[1:])
                # …和去年的目标比呢，高了还是低了: a clause that only weighs finishes the one before it
                and not any(vocab().cue["weigh"].search(c) and not lexicon.names_particular(c) for c in clauses[1:])
                and re.search(r"[\u4e00-\u9fff]", p)):
            # 智慧储能模组项目是哪家公司投资的，投资多少: a clause naming nothing particular asks about the first one's
            # subject
            subject = lexicon.subject(clauses[0])
            pieces += [clauses[0]] + [c if not subject or lexicon.names_particular(c)
                                      else f"{subject}{c}" for c in clauses[1:]]
        elif p.strip(" ，,？?。."):
            pieces.append(p)
    pieces = [p.strip(" ，,") for p in pieces]
    pieces = _guesses_joined(pieces)
    pieces = [q for p in pieces for q in _then_wording(p, lexicon)]
    pieces = [q for p in pieces for q in _two_measures(p, lexicon)]
    # a transcript has no punctuation: phrases between spaces that each ask are separate questions
    # (路修多少公里 水窖多少座 水井打几眼); a phrase that asks nothing belongs to the one after it
    spoken: list[str] = []
    for p in pieces:
        segs = [x for x in p.split(" ") if x]
        if (len(segs) > 1 and re.search(r"[\u4e00-\u9fff]", p) and not re.search(r"[A-Za-z]*[a-z][A-Za-z]{2,}", p)
                and sum(_asks(x) for x in segs) > 1):
            carry, first = "", len(spoken)
            for x in segs:
                if _asks(x) and carry == "" and len(spoken) > first and _restates(x, spoken[-1], lexicon):
                    spoken[-1] += " " + x  # 温室基地二期 建多大面积 多少亩: the same figure asked again
                elif _asks(x):
                    spoken.append(f"{carry}{x}")
                    carry = ""
                else:
                    carry += x + " "
            if carry and spoken:
                spoken[-1] += carry
        else:
            spoken.append(p)
    pieces = spoken
    for i in range(1, len(pieces)):
        # 社零增长多少 GDP呢: a subject alone with 呢 asks what the question before it asked
        m = ELLIPTIC.match(pieces[i])
        measure, _, spans = vocab().measure_of(pieces[i - 1])
        subject = m and (m["subject"] or m["en"])
        tail = pieces[i - 1][spans[0][0]:].rstrip(" ？?。") if measure else ""
        if (subject and tail and lexicon.content_words(subject) and not _asks(subject)
                and (m["subject"] or len(tail.split()) <= 3)):  # …the GDP growth target? And retail sales?
            pieces[i] = subject + ("" if m["subject"] else " ") + tail
        elif (CJK.search(pieces[i]) and _asks(pieces[i]) and not lexicon.names_particular(pieces[i])
              and vocab().measure_of(pieces[i])[0] and re.search(r"[？?]\s*$", pieces[i - 1])
              and (unknown := [a for a in ACRONYM.findall(pieces[i - 1])
                               if not lexicon.known(a) and not lexicon.known(a.lower())])):
            # 今年有几个PPP项目？总规模多少亿？: a second sentence asking a figure of nothing it names asks it of the
            # thing the first named by an acronym the plans never use (declined with it, not matched to any row)
            pieces[i] = f"{unknown[0]}{pieces[i]}"
    out: list[str] = []
    for piece in pieces:
        if vocab().cue["portion"].search(piece):  # 460亿元里进口和出口各占多少: one question about one total
            out.append(piece)
            continue
        subs = [s.strip(" ，,") for s in NEW_QUESTION.split(piece) if s]
        subs = [s for s in subs if s and not NEW_QUESTION.fullmatch(s) and s.lower() not in ("还有", "另外", "以及", "同时", "also", "and also", "as well as", "再就是", "再问一下", "还想问")]
        subs = _gathered(subs)
        for sub in subs:
            # …差多少？ after …比GDP低吗？: the same two things weighed again, nothing named of its own
            weighs = vocab().cue["weigh"].search(sub) and not lexicon.names_particular(sub)
            if out and (not _asks(sub) or not lexicon.content_words(sub) or weighs) \
                    and not vocab().cue["compare"].search(sub) and not _other_measure(sub, out[-1]):
                out[-1] = f"{out[-1]} {sub}"
            elif out and not _asks(out[-1]):
                out[-1] = f"{out[-1]} {sub}"
            else:
                out.append(sub)
    # 铀矿那个项目 是哪个公司在做 投资多少钱: a later question naming nothing particular asks about the first one's
    # subject, as a clause after a comma does
    subject = lexicon.subject(out[0]) if len(out) > 1 else ""
    # …or the topic a caller says first, on its own (这个计划 是哪天发的 谁发的)
    topic = out[0].split(" ")[0] if len(out) > 1 and " " in out[0] else ""
    subject = subject or (topic if topic and not _asks(topic) and (lexicon.content_words(topic) or DOCUMENT.search(topic))
                          else "")
    if not subject and len(out) > 1 and (doc := DOCUMENT.search(out[0])) and not re.search(r"[A-Za-z]{3,}", text):
        # 那个计划是哪天发的？在啥会上通过的: the document is what the later ones, naming nothing, ask about too
        # (a clause with a subject of its own, 我们苏木在不在里头, is about that)
        return out[:1] + [f"{doc.group(0)}{o}" if SUBJECTLESS.match(o)
                          and not DOCUMENT.search(o) else o for o in out[1:]]
    if subject and not re.search(r"[A-Za-z]{3,}", text):
        # (the words that ask who name nothing: 找谁对接)
        out = out[:1] + [f"{subject}{o}" if _of_a_thing(o)
                         and not lexicon.names_particular(vocab().cue["who"].sub("", o)) else o for o in out[1:]]
    return out or [text]


def _guesses_joined(pieces: list[str]) -> list[str]:
    """…with which southern Chinese city? Shenzhen?: a name alone after a which-question is the asker's guess at its
    answer, part of that question, not a second one."""
    out: list[str] = []
    for p in pieces:
        if out and GUESSED_NAME.match(p) and WHICH_EN.search(out[-1]):
            out[-1] = f"{out[-1].rstrip(' ?')}, {p}"
            continue
        out.append(p)
    return out


def _other_measure(question: str, before: str) -> bool:
    """锦裕二期产能多大？总投资是多少？ / 到什么阶段？总投资多少？: a second question asking another measure than the
    question before (or a measure after a question of another kind): a question of its own about the same subject,
    not the first one said again."""
    asked, earlier = vocab().measure_of(question)[0], vocab().measure_of(before)[0]
    # (a question of another kind must have ended with its question mark: a caller's run-on speech has none)
    return (asked is not None and asked != earlier and _asks(before) and _asks(question)
            and (earlier is not None or before.rstrip().endswith(("？", "?"))))


def _gathered(subs: list[str]) -> list[str]:
    """进出口额 还有 超五千万的企业要多少家 这两个数 / A 还有 B 这俩目标是多少: a closing 这两个 (这俩) gathers the
    subjects named before it, so each subject that asks nothing of its own asks what the gathering phrase asks (else
    the figure: 这两个数)."""
    if len(subs) < 2 or _asks(subs[0]) or not (m := GATHER.search(subs[-1])):
        return subs
    if m.group(0) in ("这些", "那些") and not re.match(r"\s*(数|数字|数据|目标|指标)", subs[-1][m.end():]):
        return [" ".join(subs)]  # 草畜平衡 还有 禁牧那些规矩，还执行不: those rules, asked of together (not figures)
    shared = subs[-1][m.end():].strip()
    shared = shared if vocab().cue["asking"].search(shared) else "是多少"
    last = (subs[-1][:m.start()] + " " + (subs[-1][m.end():] if not _asks(subs[-1][:m.start()]) else "")).strip()
    return [s if _asks(s) else f"{s} {shared}" for s in subs[:-1]] + [last if _asks(last) else f"{last} {shared}"]


def coordinated(text: str, lexicon: Lexicon, depth: int = 3) -> list[str]:
    """One question per coordinated subject, when the question distributes over them (分别, 各, both, each, or a
    figure asked of two named things); else the question itself. Applied again to each result (A, B and C)."""
    if len(text) > COMPOUND_MAX or vocab().cue["portion"].search(text):
        return [text]  # a long text is not a question about two named things; parts of one total are one question
    if len(named := _named_figures(text)) > 1:
        return [f"{x}是多少" for x in named]
    # English with the plan's Chinese terms in it (the 互市贸易 turnover) is read as English
    latin = len(re.findall(r"[A-Za-z]", text)) > 2 * len(re.findall(r"[\u4e00-\u9fff]", text))
    if pair := (weighed_en if latin else weighed)(text, lexicon):
        return pair
    parts = english(text, lexicon) if latin else chinese(text, lexicon)
    if len(parts) > 1 and not latin:
        # 城市更新投资多少、要完成哪些工程: a part that names only a kind of thing (工程, 项目) asks about the first
        # part's subject
        subject = lexicon.subject(parts[0])
        parts = parts[:1] + [f"{subject}{p}" if subject and _kind_only(p, lexicon) else p for p in parts[1:]]
    if len(parts) == 1 or depth <= 1:
        return parts
    return [q for p in parts for q in coordinated(p, lexicon, depth - 1)]
