"""normalise: the question as the plan would write it. Traditional → simplified characters (OpenCC), full-width
letters and digits → half-width, spoken numbers → Arabic (numerals.py), hotline fillers and self-introductions
out, and an explicit request for the answer's language read and removed."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from assistant.models import Frozen
from assistant.understand.numerals import arabic_numerals, english_numerals
from assistant.vocab import CJK, vocab

# Fillers that may be glued to what follows (喂你好请问…); the others (那个, 这个, 就是) only count as fillers
# when they stand alone, since 这个项目 is a pronoun a follow-up needs.
GLUED_OK = ("喂", "呃", "嗯", "额", "哦", "噢", "唉", "哎", "诶", "欸", "你好", "您好", "请问一下", "请问", "我想问一下", "我想问问",
            "就是想问问", "就是想问一下", "就是想问下", "就是想问",
            "想问问", "问问", "我想问",
            "我想问下", "我问一下", "我问下", "想问一下", "想问下", "麻烦问一下", "麻烦问下", "打扰一下", "我想了解一下",
            "想了解一下", "我想咨询一下", "咨询一下", "我想咨询下")
# "We are an outside company…": who is calling, not what is asked; its words (企业, 投资) would mislead retrieval.
SELF_INTRO = re.compile(r"^(我|我们|我这边|我们这边|咱们|本人|本(?=公司|单位|企业|厂)|我司)(公司|单位|企业|厂|这边)?(是|做|搞|从事|来自|在|位于)[^，,。？?\s]{0,24}$")
# The same, run into the question without a pause but a filler (我是苏木上的干部那个今年…, 我们是做矿石加工的嗯…).
INTRO_PREFIX = re.compile(r"^(?:那个|你好|您好)?(我|我们|我这边|我们这边|本人)(公司|单位|企业|厂|这边)?(是|做|搞|从事|来自|在|位于)"
                          r"[^，,。？?\s]{1,24}?(那个|嗯|呃|额|就是|想知道|想问一下|想问问|想问|想了解|问一下|请问)+")
GROWTH_BASE = re.compile(r"(比|较)(去年|上年|上一年)(?=(多|增长|增加|提高|涨)了?(几个点|几个百分点|多少个点|百分之几|几成|多少))")
APPOSITIVE = re.compile(r"(?:^|(?<=\s))[\u4e00-\u9fff]{1,6}的就是(?=[\u4e00-\u9fff])")
# Hesitation sounds no word of a plan holds, wherever a transcript puts them.
GLUED_SOUNDS = re.compile(r"[呃嗯]+|^喂+")
# A caller naming their office or firm before asking (商务局的 / 交通运输局这边): who calls, not what is asked.
UNIT_INTRO = re.compile(r"^[\u4e00-\u9fff]{1,12}(局|委|办|厅|署|中心|公司|企业|单位|部门|集团|银行|协会|商会|厂)(的|这边|这里)$")
# Who asks and what for, before a colon (商务局这边要汇总：…): context, not the question.
ZH_FRAME = re.compile(r"^(?![^：:]*(哪|什么|多少|几|吗))[^，。？?：:]{0,12}(这边|这里|我们|我)?[^，。？?：:]{0,4}(要|想|需要|在)"
                      r"(汇总|统计|整理|写|准备|核对)[^，。？?：:]{0,10}[：:]\s*")
# A caller's office, and what it is doing, before a colon or comma (商务局问： / 发改委这边问一下： / 卫健委： /
# 我们商务局要写材料， / 应急管理局写材料要引用：): who asks, not what is asked.
OFFICE_FRAME = re.compile(r"^(我们|我|咱们)?(?P<office>[\u4e00-\u9fff]{1,10}(局|委|办|厅|署))(这边|这里|的)?"
                          r"(?![^：:，,]*(哪|什么|多少|几|吗|怎么|如何))[^：:，,？?。]{0,10}[：:，,]\s*")
# The asker's own field, said after their office was named (文旅局：我们口的重点项目): the office is the topic.
OWN_FIELD = re.compile(r"(我们|咱们|我|咱|本)(这个?)?(口|局|委|办|系统|部门|单位|行业|条线)(的|这块|这一块)?")
# Who asks, said as a role first (作为拟入驻园区的企业，): context, not the question.
AS_ROLE = re.compile(r"^作为[^，,。？?]{1,20}(企业|公司|投资者|投资方|投资人|单位|部门|商户|个体户|外商|厂家|客商|市民|群众)[，,]\s*")
# What the asker does or wants, said before "in the plan…" (我们想投资个项目计划里那个REITs是咋说的): context; the
# question is what follows.
ASKER_STORY = re.compile(r"^(那个|就是|嗯)?\s*(我|我们|咱|咱们)((?!哪|什么|多少|几|吗|怎么|如何|咋)[^，,。？?]){2,24}?"
                         r"(?=(那个)?(计划|文件)(里|中|里面|里头|上)(那个|关于|对)?(?!有|是|怎|咋|提|说|讲|写|哪|什么|多少|几)[^，,。？?]{2,})")
# What the answer is for, said first (写贺词要用， / 做PPT用的：): context, not the question (nor a request to write).
LEAD_PURPOSE = re.compile(r"^(?![^，,：:]*(哪|什么|多少|几|吗|怎么|如何))[^，,。？?：:]{1,12}(要用|要引用|急用|需要用|用的|用)"
                          r"[，,：:]\s*")
# The piece of writing the asker is doing, said first (做个背景稿： / 写篇报道用，): context, not the question.
LEAD_WRITING = re.compile(r"^(我|我们)?(在|要|想|正在|得)?(做|写|准备|整理|赶)(个|一个|一篇|篇|份|一份)?[^，,。？?：:]{0,6}"
                          r"(稿|稿子|材料|报道|提纲|简报|PPT|ppt|文章|新闻|推文)(用)?[，,：:]\s*")
# Figures asked for a document, then named after a colon (I need the two headline numbers for the bureau memo: GDP
# growth and …): the question is what the colon names.
EN_NEED = re.compile(r"^(?:i|we) (?:need|want|would like)(?: to know)? (?:the |a few |some )?(?:[\w-]+ ){0,3}"
                     r"(?:numbers?|figures?|targets?|data|rates?|indicators?)\b[^:?]{0,60}:\s*(?=\S)", re.I)
# What the asker will do with the answer, said after the question (我们写材料要用): context, not a second question.
PURPOSE = re.compile(r"^(我|我们|咱们|本人|我这边)[^？?]{0,16}$|^[^？?]{0,16}(要用|用的|急用|需要用|要引用|引用|要写|写进"
                     r"[^？?]{0,8})[。.!！]?$|^(开会|汇报|写材料|做材料|做PPT|做ppt|发言|讲话|写稿|写报告)(要)?用[。.!！]?$")
# Who asks or why, said after an English question (…herders? We sell consumer goods.): context, not a question.
EN_PURPOSE = re.compile(r"(?<=[?.!])\s+(we|i|our|my|i'm|we're|i am|we are|this is for)\b[^?]*$", re.I)
# …piped natural gas? tired of swapping gas cylinders lol: a remark after the question that asks nothing, claims no
# figure and says no one's words (heard, said): how the asker feels, not a second question
EN_REMARK = re.compile(r"(?<=\?)\s+(?![^?]*(\d|\b(heard|said|says|told|read|claims?|tell|give|list|name|enumerate|show|please|what|how|"
                       r"which|where|when|who|why|is|are|does|do|did|can|could|will|would|should|and|also|plus)\b))[^?]+$",
                       re.I)
# English speech and openers: fillers (um, uh) and who is asking (I'm writing a piece on Erenhot.), not what.
EN_FILLER = re.compile(r"\b(um+|uh+|erm|er|hmm+|ah)\b[,.]?\s*|^\s*(hello|hi|hey|yes|yeah|ok(ay)?|well|so)\b[,.!]?\s*", re.I)
EN_INTRO = re.compile(r"^\s*(?:(?:hello|hi|hey|yes)\W+)*(i'?m|i am|we'?re|we are|this is)\s+(calling|writing|working|"
                      r"doing|a |an |from |with |looking|researching|interested)[^.?!]*?(\.|,|(?=\s+(how|what|which|when|where|who|is|are|does|do|can)\b))\s*",
                      re.I)
EN_ABOUT = re.compile(r"\b(looking at|looking into|interested in|asking about|calling about|writing about|researching|"
                      r"working on)\s+(?P<topic>.+)$", re.I)
# A speaker correcting a slip (金玉 不是 锦裕…, 三十 不对 是三十五家, the fifty no sorry …): the slip goes.
SELF_CORRECTION = re.compile(r"(?:^|(?<=\s))[^\s，,。？?]{1,6}\s+(?:不是(?![^？?]*[吗吧][？?]?\s*$)|不对|哦不|不不|说错了|口误)"
                             r"(?:\s+|[，,]\s*)(?:是(?=\S))?"
                             r"|\b(?:the |a )?[\w'-]+,? (?:no sorry|no wait|sorry,? i mean)\b,?\s*", re.I)
# A word said twice across a pause (各是 各是多少, 单独 单独投资): speech, said once.
STUTTER = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{1,4})\s+(?=\1)")


def _stutter(m: re.Match) -> str:
    """A word said again is said once, unless the second time goes on into a longer unit (几万千瓦 几万千瓦时: the power,
    then the energy: two figures asked)."""
    word, after = m.group(1), m.string[m.end() + len(m.group(1)):]
    longer = any(n.startswith(word[-k:]) and len(n) > k and after.startswith(n[k:])
                 for n in vocab().unit_names for k in range(1, len(word) + 1))
    return m.group(0) if longer else ""


# Who asks, said before the question (Beijing manufacturer here. / Our company in Mongolia trade via border. /
# I call from X logistics company …): context, not a question.
EN_WHO = re.compile(r"^\s*(?=[^.?!:]*\b(here|asking|calling|company|firm|manufacturer|fund|investor|analyst|delegation|"
                    r"trader|exporter|importer)\b)(?![^.?!:]*\b(know|ask|target|how|what|which|plan)\b)[^.?!:]{3,80}[.:]\s+(?=\S)"
                    r"|^\s*(i|we) (call|am calling|are calling|'m calling|work|am|are|come) (from|with|at|for) [^.?!,]*?"
                    r"\b(company|firm|group|ltd|llc|corporation|factory|bank|fund|office|agency)\b[.,]?\s*", re.I)
# A caller's guesses offered as a choice (百分之五还是百分之六, 十六还是…, 6% or 7%?): what is asked is the plan's
# figure; the guesses are neither premises nor names.
NUM = r"(?:\d+(?:\.\d+)?\s*%?|[零一二两三四五六七八九十百千万亿点]+)"
GUESSES = re.compile(rf"(?:(?<=\s)|^){NUM}\s*还是\s*(?:{NUM}|多少|别的|其他)?(?=\s|$|[，,。？?吧啊呀])"
                     rf"|\s(?!(?:19|20)\d\d\b)\d+(?:\.\d+)?\s*%?\s+or\s+(?!(?:19|20)\d\d\b)\d+(?:\.\d+)?\s*%?(?=\s*[?.,]|\s*$)", re.I)
# An aside about the caller after a dash (… 8% - our brochure needs a big number.): context, not a question.
EN_ASIDE = re.compile(r"\s+[-–—]+\s+(we|i|our|my|i'm|we're|they|the boss|our boss)\b(?![^.?!]*(\d|heard|said|told|read))"
                      r"[^.?!]*[.?!]?", re.I)
# "Tell me what the plan says" asks only for the plan's own figure: the question is what it is said of.
EN_FRAME = re.compile(r"\b(then |and )?(please )?(tell|show) me what the (plan|document|text) (actually |really )?"
                      r"(says|states|sets|gives)\s*[.?!]?\s*$", re.I)
PHRASE = re.compile(r"[^\s，,。？?！!；;]+|[\s，,。？?！!；;]+")
# What the asker sets aside first (除了国企和财政金融，还… / Besides debt, what …): the question is what follows.
EXCEPT = re.compile(r"^(除了|除去)[^，,。？?]{1,20}?(之外|以外)?[，,]\s*(?=还|另外|其他|其它|别的|再)"
                    r"|^(besides|apart from|other than|aside from|in addition to)\s+[^,?]{1,40},\s*(?=\w)", re.I)
# Sentences of context before a full English question (We are considering a warehouse near the port; our case
# depends on trade. What level does the plan set for …?): who asks and why, not what. A sentence that asks, requests,
# states a figure or reports a claim stays; so does all of it when the question points back (What is its target?).
EN_SENTENCE = re.compile(r"(?:[^.?!;]|(?<=\d)\.(?=\d))+[.?!;]*")  # 51.28 is one number, not two sentences
EN_KEEPS = re.compile(r"\b(tell|give|show|list|need|want|please|confirm|check|explain|heard|say|says|said|claims?|"
                      r"according|told|read|wrote)\b", re.I)
EN_POINTER = re.compile(r"\b(it|its|they|them|their|these|those|such|(this|that)(?!\s+(year|plan|document|city)))\b", re.I)
FULL_QUESTION_WORDS = 7
# every word spaced: at least this many pieces, of at most this many characters on average (a transcript's
# phrases run longer: 2.5 and more in the gated sets)
WORD_SPACED_MIN, WORD_SPACED_MEAN = 5, 2.3
STORY_MIN_PHRASES, STORY_MIN_CHARS = 4, 40  # a shorter transcript is a question, not a story and a question
# A story, then "does the plan deal with X" (老板欠我工资好几个月了 计划里有没有管欠薪的): X is what is asked
MENTION_LAST = re.compile(r"(计划|规划|文件)(里|中|上|里面|里头)?(有没有|有无|是否|有没)(提|说|管|讲|写|涉及|安排)(到|过)?"
                          r"(?P<topic>[^，,。？?\s]{2,})$")
PARTICULAR_MAX = 3  # times the plans write two characters and they still name a particular thing (牧区, not 政府)
STORY_AHEAD = 6  # characters: less before "我问一下" is a greeting or a name, not a story; less after is no question
POINTS_AT_STORY = re.compile(r"(这个|那个|这种|那种|这些|那些|这事|这|那|它)(?![\u4e00-\u9fff]{0,1}(年|个月))")
# Someone told the caller (我孙子跟我说 今年经济要涨百分之八): a claim heard, as 听说 says
# 朋友跟我说 / 邻居告诉我: hearsay; not 你告诉我 (a request) nor 要是不告诉我 (a threat)
HEARSAY = re.compile(r"^(我|俺)?(?![你您])[^，,。？?\s不]{1,6}(跟我说|告诉我|和我说|对我说|给我说)(的)?[，,：:]?\s*")

# …多少钱 企业多了工作机会也多吧: the caller's own inference said after the question, no claim about the plan
ZH_REMARK = re.compile(r"\s+(?![^\s]*(多少|几|哪|什么|啥|谁|怎么|计划|\d))[^\s]{2,16}(也|就|肯定|应该|总)[^\s]{0,8}吧[。！!？?]*$")


class Normalised(Frozen):
    text: str
    lang: str  # the language to answer in: asked for explicitly, else the question's own
    asked_language: bool = False


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _fold_latin(text: str) -> str:
    """Zamyn-Üüd → Zamyn-Uud: Latin letters with diacritics as a plain keyboard writes them (only Latin ones:
    NFKD would also turn Chinese punctuation into ASCII)."""
    return "".join("".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
                   if "\u00c0" <= ch <= "\u024f" else ch for ch in text)


def _width(text: str) -> str:
    # full-width letters, digits, ％ and the ideographic space → ASCII; Chinese punctuation stays as written
    return "".join(unicodedata.normalize("NFKC", ch) if ("\uff10" <= ch <= "\uff19" or "\uff21" <= ch <= "\uff3a"
                                                         or "\uff41" <= ch <= "\uff5a" or ch in "\uff05\u3000") else ch
                   for ch in text)


def _strip_fillers(text: str) -> str:
    v = vocab()
    parts = PHRASE.findall(text)
    out: list[str] = []
    for n, part in enumerate(parts):
        if not part.strip(" ，,。？?！!；;"):
            out.append(part)
            continue
        p = part
        changed = True
        while changed and p:
            if (m := INTRO_PREFIX.match(p)) and len(p) > m.end() and v.cue["asking"].search(p[m.end():]):
                p = p[m.end():]
            changed = False
            for f in v.fillers:
                if p == f:
                    p, changed = "", True
                elif p.startswith(f) and f in GLUED_OK and len(p) > len(f) and not p[len(f):].startswith("的是"):
                    # …but 我想问的是农牧民的 says what is asked
                    p, changed = p[len(f):], True
                if changed:
                    break
        rest = parts[n + 1:]  # by position: the same phrase may be said twice
        if p and (SELF_INTRO.match(p) or UNIT_INTRO.match(p)) and any(CJK.search(x) for x in rest):
            p = ""
        elif p and PURPOSE.match(p) and not v.cue["asking"].search(p) and (
                re.search(r"[？?]\s*$", "".join(out)) or v.cue["asking"].search("".join(out))):
            p = ""
        out.append(p)
    cleaned = re.sub(r"^[\s，,。；;]+", "", "".join(out))
    cleaned = re.sub(r"[ \t]{2,}", " ", cleaned)
    cleaned = re.sub(r"([，,])\s*[，,]", r"\1", cleaned)
    return cleaned.strip() or text.strip()


def _without_context(text: str) -> str:
    found = [m for m in EN_SENTENCE.finditer(text) if m.group(0).strip()]
    if len(found) < 2 or not found[-1].group(0).strip().endswith("?"):
        return text
    question = found[-1].group(0).strip()
    # "it" after the question names the plan (does the plan… and does it say…) points at the plan, not the context
    plan_named = re.search(r"\b(plan|document)\b", question, re.I)
    pointers = [m for m in EN_POINTER.finditer(question)
                if not (plan_named and m.start() > plan_named.start() and m.group(0).lower() in ("it", "its"))]
    if len(question.split()) < FULL_QUESTION_WORDS or pointers:
        return text
    # an instruction or a claim of authority stays too (wherever its match runs), for intent.py to remove and note
    v = vocab()
    spans = [m.span() for rx in (*v.injection, *v.pressure) for m in rx.finditer(text) if m.group(0).strip()]
    kept = [x.group(0).strip() for x in found[:-1]
            if x.group(0).strip().endswith("?") or EN_KEEPS.search(x.group(0)) or re.search(r"\d", x.group(0))
            or any(a < x.end() and b > x.start() for a, b in spans)]
    return " ".join(kept + [question])


def _without_story(text: str, plan_text: str, terms: frozenset[str] = frozenset()) -> str:
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
    kept = [p for i, p in enumerate(phrases) if i >= first or len(p) < 4 or re.search(r"\d", p)
            or vocab().cue["off_topic_task"].search(p)
            or _names_plan(p, plan_text)
            or any(p[j:k] in terms for j in range(len(p) - 1) for k in range(j + 2, min(len(p), j + 6) + 1))]
    return " ".join(kept) if kept else text


def _after_asking(text: str, plan_text: str) -> str:
    """我在牧区放羊的 家里就靠这点羊过日子 我问一下 今年牧民的收入要涨多少: a caller says that they ask, then asks; the
    story before goes, unless what follows only points back at it (我问一下 这个有没有政策) or names nothing particular
    of the plans' (就是问一下今年政府计划里有没有说: the story holds the topic)."""
    m = None
    for m in vocab().cue["ask_aloud"].finditer(text):
        pass
    if m is None or m.start() < STORY_AHEAD:
        return text
    rest = text[m.end():].strip(" ，,：:")
    if len(rest) < STORY_AHEAD or POINTS_AT_STORY.match(rest) or not _names_particular(rest, plan_text):
        return text
    return rest


def _asker_story(text: str, plan_text: str) -> re.Match | None:
    """我们想投资个项目计划里那个REITs是咋说的: what the asker does, then the plan's own thing asked about (not
    我是开大车的…听说要换新能源重卡 计划里到底是咋写的, where the story holds the topic)."""
    m = ASKER_STORY.match(text)
    if not m or not plan_text:
        return None
    rest = re.sub(r"^(那个)?(计划|文件)(里|中|里面|里头|上)", "", text[m.end():])
    rest = vocab().cue["asking"].split(rest)[0]
    named = _names_plan(rest, plan_text) or any(w in plan_text for w in re.findall(r"[A-Za-z]{2,}", rest))
    return m if named else None


def _asked_last(text: str, plan_text: str) -> str:
    """老板欠我工资好几个月了计划里有没有管欠薪的: what the plan is asked to deal with, named after the asking, is the
    question; the story before it goes, unless it names something of the plans' own (这种违法犯罪 规划有没有说打击)."""
    m = MENTION_LAST.search(text)
    if not m or m.start() < STORY_MIN_CHARS // 4 or not plan_text:
        return text
    story = re.sub(r"[^\u4e00-\u9fff]", "", text[:m.start()])
    if any(story[j:j + 3] in plan_text for j in range(len(story) - 2)):
        return text
    return text[m.start():] if _names_plan(m.group("topic"), plan_text) else text


def _names_plan(phrase: str, plan_text: str) -> bool:
    """Whether a phrase shares two adjacent characters with the plans."""
    pairs = _plan_pairs(plan_text)
    return any(phrase[j:j + 2] in pairs for j in range(len(phrase) - 1))


def _names_particular(phrase: str, plan_text: str) -> bool:
    """Whether a phrase shares with the plans two adjacent characters they seldom write (牧区, 公里; not 政府, 计划):
    it names a particular thing of theirs."""
    pairs = _plan_pairs(plan_text)
    return any(0 < pairs.get(phrase[j:j + 2], 0) <= PARTICULAR_MAX for j in range(len(phrase) - 1))


@lru_cache(maxsize=4)
def _plan_pairs(plan_text: str) -> dict[str, int]:
    """Every two adjacent Chinese characters of the plans, with how often they occur."""
    return dict(Counter(plan_text[i:i + 2] for i in range(len(plan_text) - 1)
                        if CJK.match(plan_text[i]) and CJK.match(plan_text[i + 1])))


def _word_spaced(text: str) -> str:
    """二连 今年 GDP 多少 涨: a learner (or a word-by-word keyboard) spaces every word; a transcript's spaces are
    pauses between phrases. Words this short are one sentence: the spaces between Chinese characters go."""
    segs = [x for x in re.split(r"[\s，,。？?！!]+", text) if x]
    if len(segs) < WORD_SPACED_MIN or sum(map(len, segs)) / len(segs) > WORD_SPACED_MEAN:
        return text
    return re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", text)


def _language(text: str) -> str:
    """The question's language: English when its English words outnumber a third of its Chinese characters
    (an English sentence quoting 100万亩 or 固定资产投资 is English; 今年GDP目标 is Chinese)."""
    cjk = len(CJK.findall(text))
    words = len(re.findall(r"[A-Za-z]{2,}", text))
    return "en" if not cjk or (words >= 3 and words >= cjk / 3) else "zh"


def normalise(question: str, plan_text: str = "", terms: frozenset[str] = frozenset()) -> Normalised:
    """`terms`: everyday words the glossary reads as the plans' own (交房, 家庭医生): a phrase holding one is not a story."""
    v = vocab()
    text = _fold_latin(_width(question))
    if re.search(r"[係邊點咩幾冇唔喺嘅咗佢啲埋而同]", text):  # written Cantonese, read in Mandarin (vocab/dialect.toml)
        for rx, mandarin in v.cantonese:
            text = rx.sub(mandarin, text)
    text = _t2s().convert(text)
    text = _word_spaced(text)
    text = text.replace("个亿", "亿").replace("好几", "好多")  # 坏了好几个月: several, not a question
    lang = _language(text)
    asked = False
    for want, cue in (("en", v.cue["answer_in_english"]), ("zh", v.cue["answer_in_chinese"])):
        if cue.search(text):
            text, lang, asked = cue.sub(" ", text), want, True
            break
    text = arabic_numerals(text, plan_text)
    text = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)  # 500,000 kW: one number, not two clauses
    text = GLUED_SOUNDS.sub(" ", text)  # 那个呃牧区的: a recogniser writes a hesitation inside the run
    text = GROWTH_BASE.sub("", text)  # 比去年多几个点: last year is the base of the growth asked, not a year asked
    text = APPOSITIVE.sub("", text)  # 牧区的就是农牧民: said again in other words, the second is meant
    if lang == "zh":
        text = _after_asking(text, plan_text)
    text = _strip_fillers(text)
    text = HEARSAY.sub("听说", text)
    if (m := ZH_REMARK.search(text)) and v.cue["asking"].search(text[:m.start()]):
        text = text[:m.start()]
    if lang == "zh":
        text = _asked_last(_without_story(text, plan_text, terms), plan_text)
    text = STUTTER.sub(_stutter, text)
    text = SELF_CORRECTION.sub("", text).strip() or text
    text = GUESSES.sub(" ", text).strip() or text
    if (m := ZH_FRAME.match(text) or OFFICE_FRAME.match(text) or LEAD_PURPOSE.match(text) or LEAD_WRITING.match(text)
             or AS_ROLE.match(text)
             or _asker_story(text, plan_text)) \
            and len(text) > m.end() + 4:
        office = m.groupdict().get("office")
        text = text[m.end():]
        if office:
            text = OWN_FIELD.sub(office + "的", text, count=1)
    if lang == "en":
        text = _without_context(text)
    text = EXCEPT.sub("", text) or text
    if lang == "en":
        text = english_numerals(text)
        for _ in range(3):
            text = EN_FILLER.sub(" ", text).strip()
        if m := EN_INTRO.match(text):  # …, but what they are looking at is the topic (the bidding wind project)
            about = EN_ABOUT.search(m.group(0))
            text = (about.group("topic").strip(" ,.") + " " if about else "") + text[m.end():] or text
        if m := EN_NEED.match(text):
            text = "What is the " + text[m.end():]
        text = EN_PURPOSE.sub("", text) or text
        text = EN_REMARK.sub("", text) or text
        if ((m := EN_WHO.match(text)) and not re.search(r"\d", m.group(0))  # a figure said is the topic, kept
                and len(text[m.end():].split()) >= 5):
            text = text[m.end():]
        text = EN_ASIDE.sub(" ", text).strip() or text
        text = EN_FRAME.sub(" ", text).strip(" .") or text
    text = re.sub(r"\s+", " ", text).strip(" ，,：:")
    if not asked:
        lang = _language(text)
    return Normalised(text=text or question.strip(), lang=lang, asked_language=asked)
