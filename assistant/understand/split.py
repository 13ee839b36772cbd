"""split: a compound question into its parts.

- Separate questions in one message (今年一般公共预算收入增长多少？比去年高吗？, …多少公里 还有水窖 水井 各弄多少):
  each sentence that asks something is a part; one that names nothing of its own (比去年高吗) leans on the one
  before it.
- Coordinated subjects with one shared predicate (社零和城镇居民收入分别增长多少, the GDP growth target and the
  rural income growth target): one part per subject, each with the shared rest of the question.
"""

from __future__ import annotations

import re

from assistant.lexical import Lexicon
from assistant.vocab import vocab

SENTENCE = re.compile(r"[^？?。！!；;]+[？?。！!；;]*")
COMMA = re.compile(r"[，,]")
FRAME_END = re.compile(r"(里|中|当中|里面|里头|方面|这块|这一块|这部分)\s*$")
COMPOUND_MAX = 160  # characters
JOINED = "\u2060and\u2060"  # "and" inside one glossary term, held apart from the coordinating "and"
NEW_QUESTION = re.compile(r"(?:^|\s|[，,])(还有|另外|以及|同时|再就是|再问一下|还想问|also|and also|as well as)(?=\s|[^\s])"
                          r"|,?\s+and\s+(?=(?:how|what|which|when|where|who)\b)"
                          r"|(?<=[\u4e00-\u9fff])然后(?=[\u4e00-\u9fff])", re.I)
MODIFIERS = re.compile(r"(?:[^、，,：:\s的]{1,8}的、)+(?:[^、，,：:\s的]{1,8}的)")  # A的、B的、C的 + one head noun
FIGURE_NAME = re.compile(r"(个数|数量|额|资金|增速|增幅|规模|总量|产值|收入|率|目标|指标)$")  # names a figure
DOCUMENT = re.compile(r"计划|文件|通知|这份|this plan|the plan|document", re.I)  # the document itself as the topic
GATHER = re.compile(r"[这那](两|二|三|四|几)(个|项|者|样)(?![年天月])|[这那]俩|这些|那些|两者|二者|三者")
ZH_AND = re.compile(r"和|与|及|跟|以及|、|还有")
EN_AND = re.compile(r",?\s+(?:and|as well as)\s+(?:(?:also|for|of|the|on|by|in|at|what|how much|how many|what is|what are)\s+)*",
                    re.I)
MEASURE_TAIL = frozenset({"增长", "增速", "增幅", "目标", "指标", "预期目标", "增长目标", "总额", "完成额", "规模", "数量"})
EN_REPEAT = re.compile(r",\s+(?:and\s+)?(the (?:[a-z-]+ ){1,2}(?:for|of) )", re.I)
EN_SECOND_FRAME = re.compile(r",\s+and\s+(the (?:number|amount|target|size|value|growth|share|length|area|capacity|"
                             r"scale|count|total) (?:for|of) )", re.I)
EN_COLON_LIST = re.compile(r"^(?P<lead>[^:?]{0,40}\b(two|three|four|five|six|\d|a few|several|these|the following)\b[^:?]{0,12}"
                           r"\b(numbers|figures|targets|data|items|things)\b[^:?]{0,20}):\s*"
                           r"(?P<items>[^:]+,[^:]+)$", re.I)
EN_ITEMS = re.compile(r",\s*(?:and\s+)?|\s+and\s+(?=the\b)", re.I)
EN_VERB = re.compile(r"\b(is|are|was|were|does|do|did|will|would|can|could|should|has|have|rank|ranks|plan|plans|want|need)\b", re.I)
EN_STOP_LEFT = re.compile(r"\b(both|for|of|about|on|are|is|me|what|give|tell|show)\s+(the\s+)?$", re.I)


def _asks(text: str) -> bool:
    cue = vocab().cue
    return bool(cue["figure"].search(text) or cue["list"].search(text) or cue["where"].search(text)
                or cue["who"].search(text) or cue["figure_word"].search(text) or re.search(r"[？?吗呢谁]|是吧|对吧|是不是|对不对|没错吧|告诉我|想知道|想了解|\b(what|how|which|when|where|who|tell me|give me|show me|let me know|i need|i want)\b", text, re.I))


def _named_figures(text: str) -> list[str]:
    """固定资产投资项目个数、完成投资额、招商引资到位资金 (after 汇总三项：): figures named one after another, asking
    nothing: each is asked for."""
    items = [x.strip(" 。.") for x in text.split("、")]
    if _asks(text) or len(items) < 2 or not all(2 <= len(x) <= 16 for x in items):
        return []
    return items if all(FIGURE_NAME.search(x) for x in items) else []


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


def _restates(phrase: str, before: str, lexicon: Lexicon) -> bool:
    """A spoken phrase that names nothing the phrase before did not and asks the measure it asked (建多大面积 多少亩,
    增长多少 百分之几, 开工时间呢 具体哪天开工) says the same question again."""
    measure = vocab().measure_of(phrase)[0]
    return (measure is not None and measure == vocab().measure_of(before)[0]
            and not [w for w in lexicon.content_words(phrase) if w not in vocab().unit_names and w not in before])


def sentences(text: str, lexicon: Lexicon) -> list[str]:
    """The separate questions of a message; a piece that asks nothing is joined to its neighbour."""
    pieces = []
    for p in SENTENCE.findall(text):
        # 项目安排几个，完成投资多少: clauses that each ask are separate questions
        clauses = [c for c in COMMA.split(p) if c.strip(" ？?。.")]
        if (len(clauses) > 1 and all(_asks(c) and not _states_only(c) for c in clauses)
                and re.search(r"[\u4e00-\u9fff]", p)):
            # 智慧储能模组项目是哪家公司投资的，投资多少: a clause naming nothing particular asks about the first one's
            # subject
            subject = "".join(w for w in lexicon.content_words(clauses[0]) if lexicon.specific(w))
            pieces += [clauses[0]] + [c if not subject or any(lexicon.specific(w) for w in lexicon.content_words(c))
                                      else f"{subject}{c}" for c in clauses[1:]]
        elif p.strip(" ，,？?。."):
            pieces.append(p)
    pieces = [p.strip(" ，,") for p in pieces]
    # a transcript has no punctuation: phrases between spaces that each ask are separate questions
    # (路修多少公里 水窖多少座 水井打几眼); a phrase that asks nothing belongs to the one after it
    spoken: list[str] = []
    for p in pieces:
        segs = [x for x in p.split(" ") if x]
        if (len(segs) > 1 and re.search(r"[\u4e00-\u9fff]", p) and not re.search(r"[A-Za-z]{3,}", p)
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
    out: list[str] = []
    for piece in pieces:
        if vocab().cue["portion"].search(piece):  # 460亿元里进口和出口各占多少: one question about one total
            out.append(piece)
            continue
        subs = [s.strip(" ，,") for s in NEW_QUESTION.split(piece) if s]
        subs = [s for s in subs if s and not NEW_QUESTION.fullmatch(s) and s.lower() not in ("还有", "另外", "以及", "同时", "also", "and also", "as well as", "再就是", "再问一下", "还想问")]
        subs = _gathered(subs)
        for sub in subs:
            if out and (not _asks(sub) or not lexicon.content_words(sub)) and not vocab().cue["compare"].search(sub):
                out[-1] = f"{out[-1]} {sub}"
            elif out and not _asks(out[-1]):
                out[-1] = f"{out[-1]} {sub}"
            else:
                out.append(sub)
    # 铀矿那个项目 是哪个公司在做 投资多少钱: a later question naming nothing particular asks about the first one's
    # subject, as a clause after a comma does
    subject = "".join(w for w in lexicon.content_words(out[0]) if lexicon.specific(w)) if len(out) > 1 else ""
    # …or the topic a caller says first, on its own (这个计划 是哪天发的 谁发的)
    topic = out[0].split(" ")[0] if len(out) > 1 and " " in out[0] else ""
    subject = subject or (topic if topic and not _asks(topic) and (lexicon.content_words(topic) or DOCUMENT.search(topic))
                          else "")
    if subject and not re.search(r"[A-Za-z]{3,}", text):
        out = out[:1] + [f"{subject}{o}" if _of_a_thing(o) and not any(lexicon.specific(w) for w in lexicon.content_words(o))
                         else o for o in out[1:]]
    return out or [text]


def _gathered(subs: list[str]) -> list[str]:
    """进出口额 还有 超五千万的企业要多少家 这两个数 / A 还有 B 这俩目标是多少: a closing 这两个 (这俩) gathers the
    subjects named before it, so each subject that asks nothing of its own asks what the gathering phrase asks (else
    the figure: 这两个数)."""
    if len(subs) < 2 or _asks(subs[0]) or not (m := GATHER.search(subs[-1])):
        return subs
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
    english = len(re.findall(r"[A-Za-z]", text)) > 2 * len(re.findall(r"[\u4e00-\u9fff]", text))
    if english:
        # a glossary term with "and" inside (combined heat and power) is one noun, not two subjects
        held = text
        # …unless the question says it distributes (urban and rural income targets, both): then they are two
        both = vocab().cue["distributive"].search(text)
        for term in (t for t in lexicon.glossary_phrases(text) if re.search(r"\band\b", t) and not both):
            held = re.sub(re.escape(term).replace(r"\ and\ ", r"\s+and\s+"),
                          lambda m: re.sub(r"\s+and\s+", JOINED, m.group(0)), held, flags=re.I)
        parts = [p.replace(JOINED, " and ") for p in _english(held)]
    else:
        parts = _chinese(text, lexicon)
    if len(parts) == 1 or depth <= 1:
        return parts
    return [q for p in parts for q in coordinated(p, lexicon, depth - 1)]


def _chinese(text: str, lexicon: Lexicon) -> list[str]:
    v = vocab()
    distributive = bool(vocab().cue["distributive"].search(text))
    if distributive:  # A 还有 B 这两个各增长多少: "these two" points back at the subjects, it is not a third
        text = re.sub(r"\s+", " ", GATHER.sub(" ", text)).strip()
    if distributive and (m := MODIFIERS.search(text)):
        # 全容量发电的、竞配的、分散式的项目规模各是多少: one head noun, each modifier a subject of its own
        mods = [x for x in m.group(0).split("、") if x]
        return [f"{text[:m.start()]}{x}{text[m.end():]}" for x in mods]
    toks = lexicon.segment(text)
    # a pause parts the subjects only when no word does (锦裕二期 金巢科尾矿 各多少, not 锦裕二期 跟 金巢科尾矿 各是多少)
    spaced = distributive and " " in text.strip() and not any(ZH_AND.fullmatch(w) for w, _, _ in toks)
    for i, (w, s, e) in enumerate(toks):
        is_and = bool(ZH_AND.fullmatch(w)) or (spaced and w == " ")
        if not is_and:
            continue
        if w == "、" and re.search(r"(多少|几|吗)\s*$", text[:s]):
            # 蒙府酒店总投资多少、是几星级: the pause mark parts two questions, not two subjects
            return [text[:s].strip(), text[e:].strip()]
        left = _run(toks, i - 1, -1, v)
        right = _run(toks, i + 1, +1, v)
        if not left or not right:
            continue
        a, b = toks[left[0]][1], toks[left[-1]][2]
        c, d = toks[right[0]][1], toks[right[-1]][2]
        if a > b or c > d:
            continue
        lw, rw = text[min(a, b):max(a, b)], text[min(c, d):max(c, d)]
        if w == " " and (vocab().cue["distributive"].search(text[e:d]) or v.cue["asking"].search(text[e:d])):
            continue  # 锦裕二期 各是多少万吨: after the pause comes the question, not a second subject
        if not distributive and not (v.cue["figure"].search(text) or v.cue["figure_word"].search(text)):
            return [text]  # 跨境电商和互市贸易有什么政策: one question about both
        start, end = min(a, c), max(b, d)
        # more coordinated subjects after the right one (A、B和C)
        rest = text[end:]
        more = re.match(r"^((?:[和与及、跟]|还有)[^\s，,的]{1,12}?)(?=[的今分各要是\s]|$)", rest)
        subjects = [lw, rw]
        while more:
            subjects.append(re.sub(r"^(和|与|及|、|跟|还有)", "", more.group(1)))
            end += len(more.group(1))
            more = re.match(r"^((?:[和与及、跟]|还有)[^\s，,的]{1,12}?)(?=[的今分各要是\s]|$)", text[end:])
        return [f"{text[:start]}{subj}{text[end:]}".strip() for subj in subjects if subj.strip()]
    return [text]


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


def _english(text: str) -> list[str]:
    # three numbers please: A, B, and C — the items after a colon, each a question
    if (m := EN_COLON_LIST.match(text)) and len(items := [x for x in EN_ITEMS.split(m.group("items").strip(" ?.")) if x]) > 1:
        return [f"What is {x.strip()}?" for x in items]
    # the target for A, the target for B: a frame said again after a comma starts a second question
    for rep in EN_REPEAT.finditer(text):
        frame = rep.group(1)
        first = text.lower().find(frame.lower())
        if 0 <= first < rep.start():
            return [text[:rep.start()].strip() + "?", (text[:first] + text[rep.start(1):]).strip()]
    # the target for A, and the number of B: a second frame after ", and" starts a second question
    if (two := EN_SECOND_FRAME.search(text)) and re.search(r"\b(the|a) [a-z-]+ (for|of)\b", text[:two.start()], re.I):
        first = text[:two.start()].strip()
        return [first.rstrip("?") + "?", "What is " + text[two.start(1):].strip()]
    m = EN_AND.search(text)
    cue = vocab().cue
    if not m or not (vocab().cue["distributive"].search(text) or cue["figure"].search(text) or cue["figure_word"].search(text)):
        return [text]
    head, tail = text[:m.start()], text[m.end():]
    if re.search(r"\b(how|what|which)\b", m.group(0), re.I):  # …and how much X: a second question
        second = re.sub(r"^,?\s*and\s+", "", m.group(0).strip(" ,"), flags=re.I) + " " + tail
        if len(second.split()) <= 4:  # …, and on what date?: of what the first part names
            said = re.sub(r"^\s*(who|what|which|where|how (much|many))\b\s*", "", head, flags=re.I)
            second = f"{second.rstrip(' ?')}: {said.strip(' ,')}?"
        return [head.rstrip(" ,") + "?", second]
    # the left subject starts after the question phrase or the last framing word (for / of / both / the …)
    qword = re.match(r"\s*((?:how (?:many|much|long|large|big)|what (?:is|are|was|were) the|what.s the|which|what)\s+)", head,
                     re.I)
    lm = None
    # the nearest framing word to "and" wins: under the sand-control and wind-solar project is one noun
    for lm in re.finditer(r"(?:\b(?:both|for|of|about|on|are|is|me|give me|tell me|show me|under|in|from|with|to|by|at|"
                          r"between|among|within|into)|[:：])\s+(?:the\s+)?",
                          head, re.I):
        pass
    # GDP growth and retail sales growth targets?: a question that opens on its subject starts it at once
    bare = not (lm or qword) and not EN_VERB.search(head) and len(head.split()) <= 5
    if not (lm or qword or bare):  # where the subject starts is unknown (…rank among the banners and cities): one question
        return [text]
    cut = lm.end() if lm else qword.end() if qword else 0
    prefix, left = head[:cut], head[cut:]
    # rural and pastoral residents: adjectives of one noun, not two questions; but "for GDP and for …" repeats
    # its preposition, and an acronym (GDP) is a noun
    repeated = re.search(r"\band\s+(for|of)\b", m.group(0), re.I)
    both = bool(vocab().cue["distributive"].search(text))
    if len(left.split()) < 2 and not (repeated or both or re.fullmatch(r"[A-Z]{2,6}s?", left.strip())):
        return [text]
    right = re.sub(r"^(for|of|the)\s+", "", tail, flags=re.I)
    # the right subject ends where the shared rest begins (…, are to be built / in 2026? / growth target?)
    rm = re.search(r"\s+(in|for|this|next|during|by|under|according|are|is|will|does|do)\b|[,?.!]", right)
    right_subject, rest = (right[:rm.start()], right[rm.start():]) if rm else (right, "")
    if both and len(left.split()) == 1 and len(right_subject.split()) > 1:
        # urban and rural income growth target both: adjectives each of the noun said once after the second
        right_subject = re.sub(r"\s+(both|each|respectively)$", "", right_subject.strip(), flags=re.I)
        if " " in right_subject:
            left = f"{left.strip()} {right_subject.split(' ', 1)[1]}"
    prefix = re.sub(r"\bboth\s+", "", prefix, flags=re.I)
    # A, B, and C: the items before the last "and" are parted by commas (each of two words or more, so that
    # "in 2026, GDP" is not two subjects)
    lefts = [x.strip() for x in re.split(r",\s+", left) if x.strip()]
    if len(lefts) < 2 or any(len(x.split()) < 2 for x in lefts):
        lefts = [left]
    parts = [f"{prefix}{x}{rest}".strip() for x in lefts] + [f"{prefix}{right_subject}{rest}".strip()]
    if bare and (noun := re.search(r"\b(targets?|goals?|figures?)\W*$", text, re.I)):
        # …growth targets?: the noun said once at the end is each subject's
        parts = [p if noun.group(1).lower() in p.lower() else f"{p.rstrip(' ?')} {noun.group(1)}?" for p in parts]
    return parts
