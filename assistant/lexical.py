"""lexical: jieba tokens with a user dictionary derived from the plan, the EN→ZH glossary, and BM25.

The dictionary is built from the plan itself (quoted terms “新三样”, items of 、-lists), so the plan's own compounds (限上企业, 互市贸易, 中蒙经济合作区) stay whole.
"""

from __future__ import annotations

import logging
import math
import re
import tomllib
from collections import Counter
from functools import cached_property
from pathlib import Path

from assistant.models import Chunk, ParsedDoc

GLOSSARY = "glossary.toml"
CJK = re.compile(r"[\u4e00-\u9fff]")
# Function words and question words: they say how something is asked, not what about.
STOPWORDS = frozenset(
    "的 了 是 在 和 与 及 等 对 把 被 为 于 也 都 就 还 又 并 或 吗 呢 吧 啊 呀 哦 嘛 么 请问 请 问 一下 我 我们 你 您 你们 他 她 它 "
    "这 那 这个 那个 这些 那些 其中 什么 多少 几 几个 哪 哪些 哪个 哪里 哪儿 怎么 怎样 如何 为什么 有 有没有 没有 是否 会 能 "
    "可以 要 想 想要 了解 知道 告诉 一 个 里 中 上 下 方面 情况 内容 部分 具体 主要 相关 一些 今年 今年度 全年 年度 "
    "二连 二连浩特 二连浩特市 市 全市 我市 计划 规划 目标 预期 提到 提出 说 讲 写 呢 吗 时候 方面 指标 数字 问题 工作 "
    "the a an of to in on for and or is are was were be been what which who whom whose how much many "
    "does do did plan plans planned city erenhot erlian 2026 this that these those it its there their by with "
    "about as at from any can could would should will please tell me i we you our your year years "
    "target targets goal goals expected set sets".split()
)
# jieba POS tags that name things: nouns, proper nouns, abbreviations, nominal verbs, the plan's own terms
NOUN_TAGS = frozenset({"n", "nr", "nrt", "ns", "nt", "nz", "nl", "ng", "j", "vn", "an", "eng", "s"})
WORD = re.compile(r"[A-Za-z][A-Za-z\-']*|\d+(?:\.\d+)?%?|[\u4e00-\u9fff]+")


class Lexicon:
    """Tokenizer + glossary for one corpus. Built once per corpus version; jieba is loaded lazily."""

    def __init__(self, docs: tuple[ParsedDoc, ...], knowledge_dir: Path, extra_terms: tuple[str, ...] = ()):
        self.docs = docs
        self.plan_text = "\n".join(d.text for d in docs)
        self.glossary = _load_glossary(knowledge_dir / GLOSSARY)
        self.terms = sorted(set(plan_terms(docs)) | set(extra_terms) | {t for v in self.glossary.values() for t in v})

    @cached_property
    def _jieba(self):
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tok = jieba.Tokenizer()
        for term in self.terms:
            if CJK.search(term):
                tok.add_word(term, freq=2000, tag="nz")
        return tok

    def english_terms(self, text: str) -> list[str]:
        """Chinese terms for the English phrases in `text`, longest phrase first, each used once."""
        low = " " + re.sub(r"[^a-z0-9\- ]", " ", text.lower()) + " "
        found: list[str] = []
        for phrase in sorted(self.glossary, key=len, reverse=True):
            pad = f" {phrase} "
            if pad in low:
                found.extend(self.glossary[phrase])
                low = low.replace(pad, " | ")
        return found

    def tokens(self, text: str) -> list[str]:
        """Content tokens: Chinese words (jieba, plan dictionary), glossary terms for English, numbers."""
        out: list[str] = []
        for w in WORD.findall(text):
            if CJK.match(w):
                out.extend(t for t in self._jieba.lcut(w) if t not in STOPWORDS and t.strip())
            elif w[0].isdigit():
                out.append(w)
            elif w.lower() not in STOPWORDS and len(w) > 1:
                out.append(w.lower())
        if re.search(r"[A-Za-z]{3,}", text):
            for zh in self.english_terms(text):
                out.extend(t for t in self._jieba.lcut(zh) if t not in STOPWORDS)
        return out

    @cached_property
    def _pos(self):
        import jieba.posseg

        return jieba.posseg.POSTokenizer(self._jieba)

    def focus_terms(self, text: str) -> list[str]:
        """What the question is about: its nouns (Chinese, POS-tagged with the plan's dictionary) and the
        plan terms its English words map to. Verbs, adverbs, numbers and question words are how it asks."""
        terms = [w.word for w in self._pos.lcut(text)
                 if w.flag in NOUN_TAGS and w.word not in STOPWORDS and len(w.word) >= 1 and CJK.match(w.word)]
        if re.search(r"[A-Za-z]{3,}", text):
            terms += self.english_terms(text)
        return list(dict.fromkeys(terms))

    def known(self, term: str) -> bool:
        return term in self.plan_text or any(term in t for t in self.terms)


def plan_terms(docs: tuple[ParsedDoc, ...]) -> list[str]:
    terms: list[str] = []
    for d in docs:
        terms += [m for m in re.findall(r"“([^”]{2,10})”", d.text)]
        # items of enumerations: 跨境电商、互市贸易等 (the first item has no left boundary, so it is skipped)
        terms += re.findall(r"(?<=、)([\u4e00-\u9fffA-Za-z]{2,6}?)(?=[、，。；]|等)", d.text)
    return [t for t in terms if 2 <= len(t) <= 12]


def _load_glossary(path: Path) -> dict[str, list[str]]:
    if not path.exists():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {k.lower(): list(v) for k, v in data.get("terms", {}).items()}


class BM25:
    """Okapi BM25 over chunk tokens (k1=1.5, b=0.75). Tiny corpus: scored exhaustively."""

    def __init__(self, chunks: list[Chunk], lexicon: Lexicon, k1: float = 1.5, b: float = 0.75):
        self.chunks = chunks
        self.lexicon = lexicon
        self.k1, self.b = k1, b
        self.docs = [Counter(lexicon.tokens(f"{c.section_title} {c.topic} {c.text}")) for c in chunks]
        self.avgdl = sum(sum(d.values()) for d in self.docs) / max(len(self.docs), 1)
        df = Counter(t for d in self.docs for t in d)
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    def scores(self, query_tokens: list[str]) -> list[float]:
        out = []
        for d in self.docs:
            dl = sum(d.values())
            s = 0.0
            for t in set(query_tokens):
                f = d.get(t, 0)
                if f:
                    s += self.idf[t] * f * (self.k1 + 1) / (f + self.k1 * (1 - self.b + self.b * dl / self.avgdl))
            out.append(s)
        return out
