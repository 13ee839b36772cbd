"""normalise: the question as the plan would write it. Traditional → simplified characters (OpenCC), full-width
letters and digits → half-width, spoken numbers → Arabic (numerals.py), hotline fillers and self-introductions
out, and an explicit request for the answer's language read and removed. A caller's story around a Chinese question is
story_zh.py's; the context around an English one is preamble_en.py's."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from assistant.models import Frozen
from assistant.understand.followup import ASK_TAIL
from assistant.understand.numerals import arabic_numerals
from assistant.understand.preamble_en import english_preamble, without_context
from assistant.understand.gloss_en import glossed
from assistant.understand.story_zh import (POINTS_AT_STORY, after_asking, asked_last, asker_story, names_own,
                                          names_particular, people_like_us, story_lead, without_story)
from assistant.vocab import CJK, vocab

# Fillers that may be glued to what follows (喂你好请问…); the others (那个, 这个, 就是) only count as fillers
# when they stand alone, since 这个项目 is a pronoun a follow-up needs.
GLUED_OK = ("喂", "呃", "嗯", "额", "哦", "噢", "唉", "哎", "诶", "欸", "你好", "您好", "请问一下", "请问", "我想问一下", "我想问问",
            "就是想问问", "就是想问一下", "就是想问下", "就是想问",
            "想问问", "问问", "我想问", "俺想问问", "俺想问一下", "俺想问", "俺问一下", "俺打听一下",
            "我想问下", "我问一下", "我问下", "想问一下", "想问下", "麻烦问一下", "麻烦问下", "打扰一下", "我想了解一下",
            "想了解一下", "我想咨询一下", "咨询一下", "我想咨询下", "打听一下", "打听下", "想打听一下",
            "想打听下", "我想打听一下", "我打听一下", "我打听下")
# "We are an outside company…": who is calling, not what is asked; its words (企业, 投资) would mislead retrieval.
SELF_INTRO = re.compile(r"^(我|我们|我这边|我们这边|咱们|本人|本(?=公司|单位|企业|厂)|我司)(公司|单位|企业|厂|这边)?(?P<verb>是|做|搞|从事|来自|在|位于)(?P<who>[^，,。？?\s]{0,24})$")
# …said by the trade alone (做直播带货的) or by a firm of a place (澳门企业做贸易)
TRADE_INTRO = re.compile(r"^(?P<verb>做|搞|干|跑|开)(?P<who>[^，,。？?\s]{1,8})的$"
                         r"|^[^，,。？?\s]{0,8}(公司|企业|商人|客商|厂家|厂商|老板)(做|搞|干|跑|开)[^，,。？?\s]{1,8}$")
# The same, run into the question without a pause but a filler (我是苏木上的干部那个今年…, 我们是做矿石加工的嗯…).
INTRO_PREFIX = re.compile(r"^(?:那个|你好|您好)?(我|我们|我这边|我们这边|本人)(公司|单位|企业|厂|这边)?(是|做|搞|从事|来自|在|位于)"
                          r"[^，,。？?\s]{1,24}?(那个|嗯|呃|额|就是|想知道|想问一下|想问问|想问|想了解|问一下|请问)+")
GROWTH_BASE = re.compile(r"(比|较)(去年|上年|上一年)(?=(要|计划|预计|预期|将)?(多|增长|增加|提高|涨)了?(几个点|几个百分点|多少个点|百分之几|几成|多少))")
APPOSITIVE = re.compile(r"(?:^|(?<=\s))[\u4e00-\u9fff]{1,6}的就是(?=[\u4e00-\u9fff])")
# An encoded string (base64, hex) is no one's words: what it says is not read, and its letters are not English.
ENCODED = re.compile(r"(?<![A-Za-z0-9+/])(?=[A-Za-z0-9+/]*\d)(?=[A-Za-z0-9+/]*[A-Za-z])[A-Za-z0-9+/]{24,}={0,2}")
# 我家在嘎查，不想出去打工，…靠啥增收: what the asker does not want is no part of what is asked (its words, 打工,
# would lead elsewhere)
NOT_WANTED = re.compile(r"(?:^|(?<=[，,。\s]))(我|俺|我们)?(也|又|还)?(不想|不愿意?|不打算|不准备)(?![^，,。？?]*(多少|几|什么|啥|哪|吗|呢|怎么))"
                        r"[^，,。？?]{1,12}[，,]\s*")
# Hesitation sounds no word of a plan holds, wherever a transcript puts them.
GLUED_SOUNDS = re.compile(r"[呃嗯]+|^喂+")
# A caller naming their office or firm before asking (商务局的 / 交通运输局这边): who calls, not what is asked.
# (…项目是哪家企业的 asks whose it is: a question word is no introduction)
UNIT_INTRO = re.compile(r"^(?![^，,。？?]*(哪|什么|谁|啥|多少|几))[\u4e00-\u9fff]{1,12}(局|委|办|厅|署|中心|公司|企业|单位|部门|集团|银行|协会|商会|厂)(的|这边|这里)$")
# Who asks and what for, before a colon (商务局这边要汇总：…): context, not the question.
ZH_FRAME = re.compile(r"^(?![^：:]*(哪|什么|多少|几|吗))[^，。？?：:]{0,12}(这边|这里|我们|我)?[^，。？?：:]{0,4}(要|想|需要|在)"
                      r"(汇总|统计|整理|写|准备|核对)[^，。？?：:]{0,10}[：:]\s*")
# …定到了7%，在全盟数一数二: where the figure ranks, said beside it; the place is the ranking's, not the figure's
RANK_ASIDE = re.compile(r"[，,]?\s*(在|居|位居|位列)?(全盟|全区|全国|全省|区盟|盟里|盟内|区内)(都|也)?(是|算)?"
                        r"(数一数二|名列前茅|排名靠前|靠前|领先|第一|前列|前几名?)(的)?")
# 帮我核几个数：A、B、C…: what the asker will do with the figures, before them: not a question of its own
LEAD_CHECK = re.compile(r"^(帮我|给我|请|麻烦|帮忙)?(核|核对|核实|查|确认|对)(一下|下)?(以下|下面|这)?(几个|几项)?(的)?(数|数字|数据|指标)"
                        r"[：:，,]\s*")
# A caller's office, and what it is doing, before a colon or comma (商务局问： / 发改委这边问一下： / 卫健委： /
# 我们商务局要写材料， / 应急管理局写材料要引用：): who asks, not what is asked. (听说今年要办个比赛，: 办 is a verb there.)
# (an office's name asks nothing: 老板欠工资不给怎么办 ends in 办, and is no office)
OFFICE_FRAME = re.compile(r"^(我们|我|咱们)?(?P<office>(?:(?![要想说是在会能把怎咋么啥吗呢哪])[\u4e00-\u9fff]){1,10}"
                          r"(局|委|办|厅|署))(这边|这里|的)?"
                          r"(?![^：:，,]*(哪|什么|多少|几|吗|怎么|如何))[^：:，,？?。]{0,10}[：:，,]\s*")
# The asker's own field, said after their office was named (文旅局：我们口的重点项目): the office is the topic.
OWN_FIELD = re.compile(r"(我们|咱们|我|咱|本)(这个?)?(口|局|委|办|系统|部门|单位|行业|条线)(的|这块|这一块)?")
# Who asks, named with where they are from, then that they ask (香港投资者想问， / 蒙古的客商想知道：): context; its
# place is the asker's, not the question's.
WHO_ASKS = re.compile(r"^[^，,。？?：:\s]{1,16}(投资者|投资人|投资方|企业|公司|基金|商会|客商|商人|记者|游客|学生|研究人员|朋友)"
                      r"(想问|想知道|想了解|想咨询|问|咨询)(一下|下)?[，,：:]\s*")
# Who asks, said as a role first (作为拟入驻园区的企业，): context, not the question.
AS_ROLE = re.compile(r"^作为[^，,。？?]{1,20}(企业|公司|投资者|投资方|投资人|单位|部门|商户|个体户|外商|厂家|客商|市民|群众)[，,]\s*"
                     # 作为校长想了解一下，: any role, when what follows says the asking
                     r"|^作为[^，,。？?想要]{1,12}(我|本人)?(想|要)(了解|问|咨询|知道|打听)(一下|下|问)?[，,：:]?\s*")
# What the answer is for, said first (写贺词要用， / 做PPT用的：): context, not the question (nor a request to write).
# (…今年投用，: a word ending in 用, 投用 or 使用, is no purpose)
LEAD_PURPOSE = re.compile(r"^(?![^，,：:]*(哪|什么|多少|几|吗|怎么|如何))[^，,。？?：:]{1,12}"
                          r"(要用|要引用|急用|需要用|用的|(?<![投使启运应采利作费信享试占适效实通公民军])用)"
                          r"[，,：:]\s*")
# The piece of writing the asker is doing, said first (做个背景稿： / 写篇报道用，): context, not the question.
LEAD_WRITING = re.compile(r"^(我|我们)?(在|要|想|正在|得)?(做|写|准备|整理|赶)(个|一个|一篇|篇|份|一份)?[^，,。？?：:]{0,6}"
                          r"(稿|稿子|材料|报道|提纲|简报|PPT|ppt|文章|新闻|推文)(用)?[，,：:]\s*")
# 我问的是专精特新那个 (after 不对不对): what is asked, said again, not what the answer is for
SAYS_ASKED = re.compile(r"问的是|想问|要问|说的是|是说|指的是")
# What the asker will do with the answer, said after the question (我们写材料要用): context, not a second question.
PURPOSE = re.compile(r"^(我|我们|咱们|本人|我这边|俺|俺们|咱)[^？?]{0,16}$|^[^？?]{0,16}(要用|用的|急用|需要用|要引用|引用|要写|写进"
                     r"[^？?]{0,8})[。.!！]?$|^(开会|汇报|写材料|做材料|做PPT|做ppt|发言|讲话|写稿|写报告)(要)?用[。.!！]?$"
                     # 学校想搞个主题活动: what someone means to do with it
                     r"|^[^？?\s，,]{0,8}(想|要|准备|打算)(搞|做|办|写|弄|组织|策划|出)(个|一个|一期|一场|一份|一篇|篇|场|期)?"
                     r"[^？?]{0,12}[。.!！]?$")
# A speaker correcting a slip (金玉 不是 锦裕…, 三十 不对 是三十五家, the fifty no sorry …): the slip goes.
SELF_CORRECTION = re.compile(r"(?:^|(?<=\s))[^\s，,。？?]{1,6}\s+(?:不是(?![^？?]*[吗吧][？?]?\s*$)|不对|哦不|不不|说错了|口误)"
                             r"(?:\s+|[，,]\s*)(?:是(?=\S))?"
                             r"|(?:^|(?<=\s))不是[^\s，,。？?]{1,6}\s+是(?=\S)"  # 不是限上 是规上: not the one, the other
                             r"|\b(?:the |a )?[\w'-]+,? (?:no sorry|no wait|sorry,? i mean)\b,?\s*", re.I)
SLIP_MAX = 8  # characters said before 不对 我问的是…: a figure said by mistake, not a question taken back
# A word said twice across a pause (各是 各是多少, 单独 单独投资): speech, said once.
STUTTER = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{1,4})\s+(?=\1)")


def _stutter(m: re.Match) -> str:
    """A word said again is said once, unless the second time goes on into a longer unit (几万千瓦 几万千瓦时: the power,
    then the energy: two figures asked)."""
    word, after = m.group(1), m.string[m.end() + len(m.group(1)):]
    longer = any(n.startswith(word[-k:]) and len(n) > k and after.startswith(n[k:])
                 for n in vocab().unit_names for k in range(1, len(word) + 1))
    return m.group(0) if longer else ""


# A caller's guesses offered as a choice (百分之五还是百分之六, 十六还是…, 6% or 7%?): what is asked is the plan's
# figure; the guesses are neither premises nor names.
NUM = r"(?:\d+(?:\.\d+)?\s*%?|[零一二两三四五六七八九十百千万亿点]+)"
GUESSES = re.compile(rf"(?:(?<=\s)|^){NUM}\s*还是\s*(?:{NUM}|多少|别的|其他)?(?=\s|$|[，,。？?吧啊呀])"
                     rf"|\s(?!(?:19|20)\d\d\b)\d+(?:\.\d+)?\s*%?\s+or\s+(?!(?:19|20)\d\d\b)\d+(?:\.\d+)?\s*%?(?=\s*[?.,]|\s*$)", re.I)
PHRASE = re.compile(r"[^\s，,。？?！!；;]+|[\s，,。？?！!；;]+")
# What the asker sets aside first (除了国企和财政金融，还… / Besides debt, what …): the question is what follows.
EXCEPT = re.compile(r"^(除了|除去)[^，,。？?]{1,20}?(之外|以外)?[，,]\s*(?=还|另外|其他|其它|别的|再)"
                    r"|^(besides|apart from|other than|aside from|in addition to)\s+[^,?]{1,40},\s*(?=\w)", re.I)
# every word spaced: at least this many pieces, of at most this many characters on average (a transcript's
# phrases run longer: 2.5 and more in the gated sets)
WORD_SPACED_MIN, WORD_SPACED_MEAN = 5, 2.3
# Someone told the caller (我孙子跟我说 今年经济要涨百分之八): a claim heard, as 听说 says
# 朋友跟我说 / 邻居告诉我: hearsay; not 你告诉我 (a request) nor 要是不告诉我 (a threat)
HEARSAY = re.compile(r"^(我|俺)?(?![你您])[^，,。？?\s不]{1,6}(跟我说|告诉我|和我说|对我说|给我说)(的)?[，,：:]?\s*")

# …多少钱 企业多了工作机会也多吧: the caller's own inference said after the question, no claim about the plan
ZH_REMARK = re.compile(r"\s+(?![^\s]*(多少|几|哪|什么|啥|谁|怎么|计划|\d))[^\s]{2,16}(也|就|肯定|应该|总)[^\s]{0,8}吧[。！!？?]*$"
                       # …460亿元吧？我们按这个口径做了明年的预算。: what the asker has done with it, said after the
                       # question: its year (明年) is theirs, not asked
                       r"|(?<=[？?])\s*(我们|我|俺们|俺|咱们)(?![^。！!？?]*(多少|几|哪|什么|啥|谁|怎么|吗|呢|是否|能否|有没有|(?P<same>[\u4e00-\u9fff])不(?P=same)))"
                       r"[^。！!？?]{2,40}[。！!]?\s*$"
                       # …要办什么大型赛事？好提前准备医疗保障。: what the answer is for, said after the question
                       r"|(?<=[？?])\s*(好|以便|方便|便于)(提前|早点|及时|尽早)?(?![^。！!？?]*(多少|几|哪|什么|啥|谁|吗|呢))"
                       r"[^。！!？?]{2,20}[。！!]?\s*$")

# …增长多少？商务局要报个数。: whom the answer is for and what they will do with it, said after the question; it asks
# nothing (报个数 is not a count asked)
ZH_NEED = re.compile(r"(?<=[？?])\s*(?![^。！!？?]*(多少|几|哪|什么|啥|谁|怎么|吗|呢|是否|能否|有没有|\d))[^。！!？?]{0,8}"
                     r"(要|需要|得|等着|准备)(报|填|上报|汇报|写|用|交|引用|做)[^。！!？?]{0,12}[。！!]?\s*$")


class Normalised(Frozen):
    text: str
    lang: str  # the language to answer in: asked for explicitly, else the question's own
    asked_language: bool = False


@lru_cache(maxsize=2)
def _opencc(config: str):
    import opencc

    return opencc.OpenCC(config)


@lru_cache(maxsize=1)
def _latin_unit() -> re.Pattern:
    """A unit in Latin letters right after a figure (vocab/units.toml latin_units), longest first."""
    units = sorted(vocab().latin_units, key=len, reverse=True)
    return re.compile(r"(?<=[\d万千])\s*(" + "|".join(map(re.escape, units)) + r")(?![A-Za-z])", re.I)


def _simplified(text: str) -> str:
    """Traditional characters → simplified; a question written in them is read with Taiwan's words as the mainland's
    (資訊 → 信息, 網路 → 网络, 軟體 → 软件: OpenCC tw2sp). A question already in simplified characters is left as it is:
    its words (影片) are the mainland's own."""
    plain = _opencc("t2s").convert(text)
    return plain if plain == text else _opencc("tw2sp").convert(text)


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


def _strip_fillers(text: str, plan_text: str = "", terms: frozenset[str] = frozenset()) -> str:
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
        intro = SELF_INTRO.match(p) or UNIT_INTRO.match(p) or TRADE_INTRO.match(p) if p else None
        if intro and any(CJK.search(x) for x in rest) and not _intro_is_topic(p, "".join(rest), plan_text, terms):
            p = ""
        elif p and PURPOSE.match(p) and not v.cue["asking"].search(p) and not SAYS_ASKED.search(p) and (
                re.search(r"[？?]\s*$", "".join(out)) or v.cue["asking"].search("".join(out))):
            p = ""
        out.append(p)
    cleaned = re.sub(r"^[\s，,。；;]+", "", "".join(out))
    cleaned = re.sub(r"[ \t]{2,}", " ", cleaned)
    cleaned = re.sub(r"([，,])\s*[，,]", r"\1", cleaned)
    return cleaned.strip() or text.strip()


def _word_spaced(text: str) -> str:
    """二连 今年 GDP 多少 涨: a learner (or a word-by-word keyboard) spaces every word; a transcript's spaces are
    pauses between phrases. Words this short are one sentence: the spaces between Chinese characters go."""
    segs = [x for x in re.split(r"[\s，,。？?！!]+", text) if x]
    if len(segs) < WORD_SPACED_MIN or sum(map(len, segs)) / len(segs) > WORD_SPACED_MEAN:
        return text
    return re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", text)


def language_of(text: str) -> str:
    """The question's language: English when its English words outnumber a third of its Chinese characters
    (an English sentence quoting 100万亩 or 固定资产投资 is English; 今年GDP目标 is Chinese)."""
    cjk = len(CJK.findall(text))
    words = len(re.findall(r"[A-Za-z]{2,}", text))
    return "en" if not cjk or (words >= 3 and words >= cjk / 3) else "zh"


def _restarted(text: str, plan_text: str, terms: frozenset[str]) -> str:
    """储能电站20万千瓦那个啥时候投哦不对我是想问它能存多少电: a question started, taken back and asked again. The
    second is the question; what the first named before it asked (储能电站20万千瓦) stays when the second points at it
    (它, 这个), and goes when the second names its own (固投增长多少 不对 我想问的是社零增长多少)."""
    m = None
    for m in vocab().cue["restart"].finditer(text):
        pass
    # …and not a turn that opens with it (哦我说错了 我问的是农牧民的): that takes back the previous turn (followup.py)
    # (a claim put up for checking, 进出口力争突破460亿对吧, is a question taken back as much as one asked)
    first = (vocab().cue["asking"].search(text[:m.start()]) or vocab().cue["premise"].search(text[:m.start()])) \
        if m else None
    if m and first is None and 0 < len(text[:m.start()].strip()) <= SLIP_MAX and re.search(r"\d", text[:m.start()]) \
            and len(text[m.end():].strip(" ，,。？?")) >= 2:
        return text[m.end():]  # 一百一十五公里 不对不对 我问的是水窖…: a figure, taken back before anything was asked
    if first is None or len(text[m.end():].strip(" ，,。？?")) < 2:
        return text
    again = text[m.end():]
    if not POINTS_AT_STORY.match(again) or _names_own(again, plan_text, terms):
        return again
    before = text[:m.start()]
    return f"{before[:first.start()].strip()} {again}".strip()


def _how_said(text: str) -> str:
    """The caller's own words about how they ask, out: a count of questions (我问两个事), what they do not want
    (不想出去打工), a request to hear it again (没听清 再说一遍), what it would do for them (能给我们酒店带点客流)."""
    v = vocab()
    if (m := v.cue["announce"].match(text)) and len(text) > m.end() + 4:
        text = _counted_off(text[m.end():])
    if (rest := NOT_WANTED.sub("", text)) != text and v.cue["asking"].search(rest):
        text = rest
    if (rest := v.cue["say_again"].sub("", text)) != text and v.cue["asking"].search(rest) \
            and len(rest.strip(" ，,。？?")) > 4:
        text = rest
    if (m := v.cue["for_us"].search(text)) and v.cue["asking"].search(text[:m.start()]):
        text = text[:m.start()] + text[m.end():]
    return text


def _counted_off(text: str) -> str:
    """一个是进出口目标多少 还有一个是互市贸易多少 / 第一个是GDP增长多少，第二个是社零: each item counted off is a
    question of its own; one that only names its subject asks what the item before it asked."""
    items = [x.strip(" ，,。") for x in vocab().cue["next_item"].sub("\n", text).split("\n") if x.strip(" ，,。")]
    out: list[str] = []
    for item in items:
        tail = ASK_TAIL.search(out[-1]) if out else None
        out.append(item if vocab().cue["asking"].search(item) or not tail else item.rstrip("呢") + tail.group(0))
    return "，".join(out) or text


def _task_label(text: str, plan_text: str) -> re.Match | None:
    """新能源项目融资需求摸底：今年开工的风电项目规模各是多少: the asker's task, named before a colon and asking
    nothing, is context when the question after it names a particular thing of the plans' own."""
    m = re.match(r"^[^：:？?，,。\s]{2,16}[：:]\s*", text)
    if not m or vocab().cue["asking"].search(m.group(0)) or not plan_text:
        return None
    if re.search(r"(方面|这块|这一块|领域|板块)[：:]\s*$", m.group(0)):
        return None  # 固定资产投资方面：增速目标、项目数…各是多少: the topic the items after it are of
    rest = text[m.end():]
    return m if vocab().cue["asking"].search(rest) and names_particular(rest, plan_text) else None


def _intro_is_topic(intro: str, rest: str, plan_text: str, terms: frozenset[str]) -> bool:
    """我们是脱贫户，今年还有政策照顾吗 / 我是退伍回来的老兵，计划里有没有提到我们: who asks is what is asked, when the
    intro names a particular thing of the plan's (or an everyday word for one) and the question after it names none."""
    m = SELF_INTRO.match(intro) or TRADE_INTRO.match(intro)
    who = m.group("who") if m and m.group("verb") in ("是", "做", "搞", "从事", "干", "跑", "开") else ""  # not 在北京: where
    return bool(plan_text and who) and (names_particular(who, plan_text) or any(t in who for t in terms)) \
        and not names_own(rest, plan_text) \
        and not any(t in rest and not vocab().cue["help_asked"].fullmatch(t) for t in terms)  # 扶持: help, no topic


def _names_own(again: str, plan_text: str, terms: frozenset[str]) -> bool:
    """那个互市贸易额是多少: 那个 said before a thing the plan names is a filler, not a pointer back."""
    m = re.match(r"(那个|这个)\s*([\u4e00-\u9fff]{3,12}?)(?=\s|是|有|的|" + vocab().cue["asking"].pattern + ")", again)
    return bool(m and plan_text and (any(m.group(2)[i:i + 3] in plan_text for i in range(len(m.group(2)) - 2))
                                    or any(t in m.group(2) for t in terms)))


TABLE = re.compile(r"\|[^|]*(?:\|[^|]*){3,}\|")  # table cells in a row (its line breaks read as spaces)


def _pasted_table(text: str) -> str:
    """A table pasted before the question (| 指标 | 目标 | …) is what the asker holds, not what is asked (nor an
    instruction hidden in a cell): what comes after it asks."""
    m = TABLE.search(text)
    if not m or not vocab().cue["asking"].search(text[m.end():]):
        return text
    return f"{text[:m.start()]} {text[m.end():]}".strip()


def normalise(question: str, plan_text: str = "", terms: frozenset[str] = frozenset()) -> Normalised:
    """`terms`: everyday words the glossary reads as the plans' own (交房, 家庭医生): a phrase holding one is not a story."""
    v = vocab()
    text = _pasted_table(question)
    text = _fold_latin(_width(text))
    text = v.cue["addressed"].sub("", text) or text
    if re.search(r"[係邊點咩幾冇唔喺嘅咗佢啲埋而同]", text):  # written Cantonese, read in Mandarin (vocab/dialect.toml)
        for rx, mandarin in v.cantonese:
            text = rx.sub(mandarin, text)
    text = _simplified(text)
    text = _word_spaced(text)
    text = text.replace("个亿", "亿").replace("好几", "好多")  # 坏了好几个月: several, not a question
    text = ENCODED.sub(" ", text)
    lang = language_of(text)
    asked = False
    for want, cue in (("en", v.cue["answer_in_english"]), ("zh", v.cue["answer_in_chinese"])):
        if cue.search(text):
            text, lang, asked = cue.sub(" ", text), want, True
            break
    text = arabic_numerals(text, plan_text, terms)
    if lang == "zh" and v.latin_units:  # 50万kw → 50万千瓦
        text = _latin_unit().sub(lambda m: v.latin_units[m.group(1).lower()], text)
    text = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)  # 500,000 kW: one number, not two clauses
    text = GLUED_SOUNDS.sub(" ", text)  # 那个呃牧区的: a recogniser writes a hesitation inside the run
    text = GROWTH_BASE.sub("", text)  # 比去年多几个点: last year is the base of the growth asked, not a year asked
    text = APPOSITIVE.sub("", text)  # 牧区的就是农牧民: said again in other words, the second is meant
    if lang == "zh":
        text = _restarted(text, plan_text, terms)
        text = story_lead(after_asking(people_like_us(text, plan_text), plan_text), plan_text, terms)
    text = _how_said(_strip_fillers(text, plan_text, terms))
    text = HEARSAY.sub("听说", text)
    text = RANK_ASIDE.sub("", text)
    text = v.cue["heard"].sub("听说", text)
    if (m := ZH_REMARK.search(text) or ZH_NEED.search(text)) and v.cue["asking"].search(text[:m.start()]):
        text = text[:m.start()]
    if lang == "zh":
        text = asked_last(without_story(text, plan_text, terms), plan_text)
    text = STUTTER.sub(_stutter, text)
    text = SELF_CORRECTION.sub("", text).strip() or text
    text = GUESSES.sub(" ", text).strip() or text
    if (m := ZH_FRAME.match(text) or LEAD_CHECK.match(text) or OFFICE_FRAME.match(text) or LEAD_PURPOSE.match(text)
             or LEAD_WRITING.match(text)
             or AS_ROLE.match(text) or WHO_ASKS.match(text)
             or asker_story(text, plan_text) or _task_label(text, plan_text)) \
            and len(text) > m.end() + 4:
        office = m.groupdict().get("office")
        text = text[m.end():]
        if office:
            # 商务局：我们今年重点是啥: the office is the topic, said by 我们 alone as well
            text = OWN_FIELD.sub(office + "的", text, count=1) if OWN_FIELD.search(text) \
                else re.sub(r"^(我们|咱们|我|咱)(?=\S)", office, text, count=1)
    if lang == "en":
        text = without_context(text)
    text = EXCEPT.sub("", text) or text
    if lang == "en":
        text = english_preamble(text)
    text = re.sub(r"\s+", " ", text).strip(" ，,：:")
    if not asked:
        lang = language_of(text)
    if lang == "en":
        text = glossed(text, plan_text)
    return Normalised(text=text or question.strip(), lang=lang, asked_language=asked)

