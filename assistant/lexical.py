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
    # nouns that name the kind of answer wanted, not a topic: 什么称号, 哪些措施
    "称号 名称 名字 措施 举措 安排 任务 事项 东西 信息 数据 地方 类型 种类 办法 方式 增幅 增速 多少 数 "
    "装机 装机容量 容量 产能 级别 比例 占比 比重 金额 数量 总额 总量 期次 届次 年限 "
    "the a an of to in on for and or is are was were be been what which who whom whose how much many "
    "does do did plan plans planned city erenhot erlian 2026 this that these those it its there their by with "
    "about as at from any can could would should will please tell me i we you our your year years "
    "target targets goal goals expected set sets".split()
)
# Plan words that glossary entries for measures map to: they do not make a question about the plan.
GENERIC_TERMS = frozenset("增长 新增 完成 规模 资金 额 公里 万亩 项目 企业 收入 贸易 经济".split())
HOME = ("二连", "全市", "我市", "本市")  # names of the plan's own city
QUESTION_WORDS = ("哪天", "哪一天", "几月份", "几月", "多少钱", "下发", "哪一部分", "哪部分", "什么时候", "靠谱", "可靠", "对吗",
                  "真的吗", "是不是", "怎么样", "多长", "多大", "多高", "多远", "多久", "哪几项", "哪几个", "顺带", "顺便", "大概")
# jieba POS tags that name things: nouns, proper nouns, abbreviations, nominal verbs, the plan's own terms
NOUN_TAGS = frozenset({"n", "nr", "nrt", "ns", "nt", "nz", "nl", "ng", "j", "vn", "an", "eng", "s"})
# English words that say how a question is asked, not what it is about (for the scope check).
EN_FUNCTION = frozenset("""
a an the of to in on for and or but nor is are was were be been being am do does did done doing have has had having
what which who whom whose when where why how much many more most less least some any all each every both either neither
this that these those it its it's they them their there here i me my we us our you your he she his her
will would shall should can could may might must need needs want wants going to by with from at as into onto about
over under between through during after before above below up down out off again further then once than too very
just only also not no yes so such same other another own please tell show give list say says said explain describe
plan plans planned planning city city's erenhot erenhot's erlian year year's years this-year annual 2026 2026's
target targets targeted goal goals aim aims aimed expected expect expects set sets figure figures number numbers
total overall main key major new set be-to get gets got make makes made take takes put does do done go goes
rise rises grow grows growth increase increases reach reaches achieve achieved complete completed completion
build built building add added adding lay laid drilled drill run operate operation operations start started
part section chapter mention mentioned mentions talk talks cover covers covered document text
what's where's how's is-it isn't aren't doesn't don't won't right true really actually
yuan rmb billion million thousand percent per cent date dates day month when time confirm confirms then now still wants want like would-be about-to kind sort type way ways whether
""".split())
WORD = re.compile(r"[A-Za-z][A-Za-z\-']*|\d+(?:\.\d+)?%?|[\u4e00-\u9fff]+")


class Lexicon:
    """Tokenizer + glossary for one corpus. Built once per corpus version; jieba is loaded lazily."""

    def __init__(self, docs: tuple[ParsedDoc, ...], knowledge_dir: Path, names: tuple[str, ...] = ()):
        self.docs = docs
        self.plan_text = "\n".join(d.text for d in docs)
        self.glossary, self.synonyms = _load_glossary(knowledge_dir / GLOSSARY)
        # The dictionary holds only wording that occurs in the plan (or abbreviations of it), so a
        # question's token is a substring of the sentences that answer it.
        self.terms = sorted(set(plan_terms(docs)) | set(self.synonyms)
                            | {t for v in (*self.glossary.values(), *self.synonyms.values()) for t in v})
        self.names = frozenset(names)  # the target table's indicator names and aliases: known, not tokens

    @cached_property
    def _jieba(self):
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tok = jieba.Tokenizer()
        for term in self.terms:
            if CJK.search(term):
                tok.add_word(term, freq=2000, tag="nz")
        for word in QUESTION_WORDS:  # kept whole, so 哪天下发 is not cut as 哪/天下/发
            tok.add_word(word, freq=5000, tag="r")
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
        for zh in self.mapped_terms(text):
            out.extend(t for t in self._jieba.lcut(zh) if t not in STOPWORDS)
        return out

    def mapped_terms(self, text: str) -> list[str]:
        """The plan's wording for the English phrases and Chinese abbreviations in `text`."""
        found = self.english_terms(text) if re.search(r"[A-Za-z]{3,}", text) else []
        return found + [t for abbr, terms in self.synonyms.items() if abbr in text for t in terms]

    @cached_property
    def _pos(self):
        import jieba.posseg

        return jieba.posseg.POSTokenizer(self._jieba)

    def focus_terms(self, text: str) -> list[str]:
        """What the question is about: its nouns (Chinese, POS-tagged with the plan's dictionary) and the
        plan terms its English words map to. Verbs, adverbs, numbers and question words are how it asks."""
        terms = [w.word for w in self._pos.lcut(text) if w.flag in NOUN_TAGS and w.word not in STOPWORDS
                 and (CJK.match(w.word) or re.fullmatch(r"[A-Z]{2,6}", w.word))]  # and acronyms: GDP, CPI
        terms += self.mapped_terms(text)
        return list(dict.fromkeys(terms))

    def places(self, text: str) -> list[str]:
        """Place names in `text` other than the plan's own city."""
        return [w.word for w in self._pos.lcut(text) if w.flag == "ns" and not any(c in w.word for c in HOME)]

    def english_topics(self, text: str) -> list[str]:
        """Plan terms for the English words that name a topic (not growth, new, completed …)."""
        return [t for t in self.english_terms(text) if t not in GENERIC_TERMS]

    def unknown_english(self, text: str) -> list[str]:
        """English content words that neither the glossary nor the plan's own Latin terms cover."""
        low = text.lower()
        for phrase in sorted(self.glossary, key=len, reverse=True):
            low = re.sub(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])", " ", low)
        words = re.findall(r"[a-z][a-z\-']+", low)
        return [w for w in words if w not in EN_FUNCTION and w.rstrip("s") not in EN_FUNCTION
                and w not in self.plan_text.lower() and len(w) > 2]

    def known(self, term: str) -> bool:
        return (term in self.plan_text or term.lower() in self.glossary or term in self.synonyms or any(term in t for t in self.terms)
                or any(term in n for n in self.names))


def plan_terms(docs: tuple[ParsedDoc, ...]) -> list[str]:
    terms: list[str] = []
    for d in docs:
        terms += [m for m in re.findall(r"“([^”]{2,10})”", d.text)]
        # items of enumerations: 跨境电商、互市贸易等 (the first item has no left boundary, so it is skipped)
        terms += re.findall(r"(?<=、)([\u4e00-\u9fffA-Za-z]{2,6}?)(?=[、，。；]|等)", d.text)
    return [t for t in terms if 2 <= len(t) <= 12]


def cjk_bigrams(text: str) -> list[str]:
    return [run[i:i + 2] for run in re.findall(r"[\u4e00-\u9fff]{2,}", text) for i in range(len(run) - 1)]


def _load_glossary(path: Path) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(English phrase → plan terms, Chinese abbreviation → plan terms)."""
    if not path.exists():
        return {}, {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return ({k.lower(): list(v) for k, v in data.get("terms", {}).items()},
            {k: list(v) for k, v in data.get("synonyms", {}).items()})


class BM25:
    """Okapi BM25 over chunk tokens (k1=1.5, b=0.75). Tiny corpus: scored exhaustively."""

    def __init__(self, chunks: list[Chunk], lexicon: Lexicon, k1: float = 1.5, b: float = 0.75):
        self.chunks = chunks
        self.lexicon = lexicon
        self.k1, self.b = k1, b
        self.docs = [Counter(self.terms(f"{c.section_title} {c.topic} {c.text}")) for c in chunks]
        self.avgdl = sum(sum(d.values()) for d in self.docs) / max(len(self.docs), 1)
        df = Counter(t for d in self.docs for t in d)
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    def terms(self, text: str) -> list[str]:
        """Words, plus the character bigrams of Chinese runs: a word cut differently in question and
        text (安全生产 vs 安全/生产) still matches through its bigrams."""
        return self.lexicon.tokens(text) + cjk_bigrams(text)

    def query_scores(self, question: str) -> list[float]:
        mapped = " ".join(self.lexicon.mapped_terms(question))  # English / abbreviations in plan wording
        return self.scores(self.terms(question) + cjk_bigrams(mapped))

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
