"""normalise: the question as the plan would write it. Traditional → simplified characters (OpenCC), full-width
letters and digits → half-width, spoken numbers → Arabic (numerals.py), hotline fillers and self-introductions
out, and an explicit request for the answer's language read and removed."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from assistant.models import Frozen
from assistant.understand.numerals import arabic_numerals
from assistant.vocab import CJK, vocab

# Fillers that may be glued to what follows (喂你好请问…); the others (那个, 这个, 就是) only count as fillers
# when they stand alone, since 这个项目 is a pronoun a follow-up needs.
GLUED_OK = ("喂", "呃", "嗯", "额", "哦", "噢", "唉", "哎", "诶", "欸", "你好", "您好", "请问一下", "请问", "我想问一下", "我想问问",
            "想问问", "问问", "我想问",
            "我想问下", "我问一下", "我问下", "想问一下", "想问下", "麻烦问一下", "麻烦问下", "打扰一下", "我想了解一下",
            "想了解一下", "我想咨询一下", "咨询一下", "我想咨询下")
# "We are an outside company…": who is calling, not what is asked; its words (企业, 投资) would mislead retrieval.
SELF_INTRO = re.compile(r"^(我|我们|我这边|我们这边|咱们|本人)(是|这边是|公司是|单位是|做|搞|从事|来自|在)[^，,。？?\s]{0,24}$")
# English speech and openers: fillers (um, uh) and who is asking (I'm writing a piece on Erenhot.), not what.
EN_FILLER = re.compile(r"\b(um+|uh+|erm|er|hmm+|ah)\b[,.]?\s*|^\s*(hello|hi|hey|yes|yeah|ok(ay)?|well|so)\b[,.!]?\s*", re.I)
EN_INTRO = re.compile(r"^\s*(?:(?:hello|hi|hey|yes)\W+)*(i'?m|i am|we'?re|we are|this is)\s+(calling|writing|working|"
                      r"doing|a |an |from |with |looking|researching|interested)[^.?!]*?(\.|,|(?=\s+(how|what|which|when|where|who|is|are|does|do|can)\b))\s*",
                      re.I)
PHRASE = re.compile(r"[^\s，,。？?！!；;]+|[\s，,。？?！!；;]+")


class Normalised(Frozen):
    text: str
    lang: str  # the language to answer in: asked for explicitly, else the question's own
    asked_language: bool = False


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _width(text: str) -> str:
    # full-width letters, digits, ％ and the ideographic space → ASCII; Chinese punctuation stays as written
    return "".join(unicodedata.normalize("NFKC", ch) if ("\uff10" <= ch <= "\uff19" or "\uff21" <= ch <= "\uff3a"
                                                         or "\uff41" <= ch <= "\uff5a" or ch in "\uff05\u3000") else ch
                   for ch in text)


def _strip_fillers(text: str) -> str:
    v = vocab()
    parts = PHRASE.findall(text)
    out: list[str] = []
    for part in parts:
        if not part.strip(" ，,。？?！!；;"):
            out.append(part)
            continue
        p = part
        changed = True
        while changed and p:
            changed = False
            for f in v.fillers:
                if p == f:
                    p, changed = "", True
                elif p.startswith(f) and f in GLUED_OK and len(p) > len(f):
                    p, changed = p[len(f):], True
                if changed:
                    break
        if p and SELF_INTRO.match(p) and any(CJK.search(x) for x in parts[parts.index(part) + 1:]):
            p = ""
        out.append(p)
    cleaned = re.sub(r"^[\s，,。；;]+", "", "".join(out))
    cleaned = re.sub(r"[ \t]{2,}", " ", cleaned)
    cleaned = re.sub(r"([，,])\s*[，,]", r"\1", cleaned)
    return cleaned.strip() or text.strip()


def normalise(question: str, plan_text: str = "") -> Normalised:
    v = vocab()
    text = _t2s().convert(_width(question))
    text = text.replace("个亿", "亿")
    lang = "zh" if CJK.search(text) else "en"
    asked = False
    for want, cue in (("en", v.cue["answer_in_english"]), ("zh", v.cue["answer_in_chinese"])):
        if cue.search(text):
            text, lang, asked = cue.sub(" ", text), want, True
            break
    text = arabic_numerals(text, plan_text)
    text = _strip_fillers(text)
    if not CJK.search(text):
        for _ in range(3):
            text = EN_FILLER.sub(" ", text).strip()
        text = EN_INTRO.sub("", text, count=1) or text
    text = re.sub(r"\s+", " ", text).strip(" ，,：:")
    if not asked:
        lang = "zh" if CJK.search(text) else "en"
    return Normalised(text=text or question.strip(), lang=lang, asked_language=asked)
