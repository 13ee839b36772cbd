"""resolve: a number question → the target row(s) it asks about, or an honest "ambiguous" / "none".

Deterministic and explainable. The question's content words (jieba tokens minus stopwords and measure
cues) must be explained by a row: a row name or alias found verbatim in the question explains its
characters fully; a token found in the row's names or quote explains it partly; character bigrams give
partial credit. A row needs most of the content explained (so "恐龙博物馆投资多少" matches nothing) and
a kind compatible with what the question measures (增长多少 never returns a project count). Near-ties
between different rows are "ambiguous"; the caller asks which one is meant instead of guessing.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from typing import Callable, Literal

import jieba
import numpy as np

from assistant.models import Frozen, Target
from assistant.targets.table import TargetTable

jieba.setLogLevel(logging.WARNING)

MIN_COVERAGE = 0.5  # share of the question's content a row must explain
AMBIGUOUS_MARGIN = 0.06  # top two closer than this, for different rows → ambiguous
MAX_CANDIDATES = 8
PLAN_PERIOD = "2026"

# (cue pattern, measure, kinds it accepts). First match wins, so specific cues come first.
MEASURES: list[tuple[str, str, frozenset[str]]] = [
    (r"什么时候|哪天|哪一天|何时|几月|几号|日期|when\b|what date|which date", "date", frozenset({"date"})),
    (r"第几|几届|哪一?届|几次|哪一?次|几期|哪一?期|几轮|周年|which session|which phase|anniversary|what phase",
     "ordinal", frozenset({"ordinal", "period"})),
    (r"多长|多少公里|公里|里程|长度|多少米|how long|km\b|kilometres?|kilometers?|length", "length", frozenset({"length"})),
    (r"面积|多少亩|万亩|\d亩|hectares?|\bmu\b|\barea\b", "area", frozenset({"area"})),
    (r"万吨|多少吨|吨级|tonnes?|tons?\b", "volume", frozenset({"volume", "other"})),
    (r"千瓦时|度电|多少电|kwh|mwh|gwh|energy capacity", "energy", frozenset({"energy"})),
    (r"功率|千瓦|power rating|\bmw\b|\bkw\b", "capacity", frozenset({"capacity"})),
    (r"总投资|投资是多少|投资额|投资规模|投资了?多少|多少投资", "amount", frozenset({"amount"})),
    (r"多少个(?!点)|几个(?!点)|多少家|几家|多少户|几户|多少座|几座|多少眼|几眼|多少项|几项|数量|个数|家数|户数|how many|number of",
     "count", frozenset({"count"})),
    (r"几个点|多少个点|百分点|增长多少|增速|增幅|增长率|增长|涨幅|涨多少|grow|growth|increase|rise",
     "growth_rate", frozenset({"growth_rate"})),
    (r"多少钱|多少亿|多少万元|金额|资金|投资多少|投资额|[^增]额|how much money|how much investment|how much|yuan|billion|"
     r"money|worth|amount", "amount", frozenset({"amount", "threshold"})),
    (r"规模|多大|装机|产能|capacity|scale|size|how big|how large", "capacity",
     frozenset({"capacity", "energy", "volume", "other"})),
    (r"比例|比重|占比|[^增]率|share|percent|rate", "share", frozenset({"share", "growth_rate"})),
]
OTHER_PERIOD = re.compile(r"(?<!\d)(?!2026)(19|20)\d\d(?!\d)|去年|上年|前年|明年|后年|十四五|十三五|last year|next year")
NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(%|亿元|亿|万元|万千瓦时|万千瓦|万亩|万吨|公里|个|家|户|座|眼)?")
STOP = set("""
二连 二连浩特 二连浩特市 二连市 全市 我市 本市 市 市里 今年 本年 年度 全年 2026 2026年 计划 规划 目标 预期 指标 多少 是 的 了 吗 呢
啊 吧 请问 一下 哪个 哪些 什么 怎么 怎样 有 要 达到 达 多 几 完成 实现 力争 预计 定 定在 定为 为 在 年 主要 具体 数字 数 情况
任务 能 会 将 把 和 与 及 我 我们 你 想 知道 问 政府 里 中 提出 安排 打算 准备 设定 上 下 个 到 给 说 这个 那个 呀 嘛 还 又 啥
钱 建 要建 修 要修 新建 打 铺 要铺 实施 引进 开展 推进 新增 建成 要 需要 能够 可以
为什么 为何 怎么会 定成 成了 设为 定成了 是不是 不是 对吗 对不对 真的 确实 听说 据说 原来
大概 大约 左右 以上 突破 预期值 目标值 计划目标 期望 争取 总共 一共 共 合计 今年度 年内 当年 之 及其 其 该 对 按 对于 关于
what is the a an of for in to by how much many does do will are be this year plan planned target targets erenhot city
s what's expected expect goal set there which and on at about please tell me aim aiming reach with its it planning
why is it isn't true really heard said set at city's number erenhot's targeted built build drilled drill added add laid reached achieved aimed 2026's should was were be being has have how's
""".split())
# Cue words jieba should keep whole (otherwise 哪天下达 is cut as 哪/天下/达).
CUE_WORDS = ("哪天", "哪一天", "哪届", "几届", "第几", "几次", "几期", "几座", "几户", "几家", "几个", "几眼", "下达")
TOKEN_OK = re.compile(r"[\u4e00-\u9fff]|[a-z]{2,}|\d")


class ScoredTarget(Frozen):
    target: Target
    score: float
    why: tuple[str, ...] = ()


class Resolution(Frozen):
    status: Literal["match", "ambiguous", "none"]
    candidates: tuple[ScoredTarget, ...] = ()
    measure: str | None = None
    reason: str = ""

    @property
    def best(self) -> Target | None:
        return self.candidates[0].target if self.status == "match" else None


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower().strip()


def measure_of(q: str) -> tuple[str | None, frozenset[str] | None, list[tuple[int, int]]]:
    """The measure the question asks for, the kinds that answer it, and where its cue sits in q."""
    for pattern, measure, kinds in MEASURES:
        spans = [m.span() for m in re.finditer(pattern, q)]
        if spans:
            return measure, kinds, spans
    return None, None, []


_TOKENIZERS: dict[frozenset[str], jieba.Tokenizer] = {}


def tokenizer(words: frozenset[str] = frozenset()) -> jieba.Tokenizer:
    """A private jieba that knows the table's names, so 下达日期 is not cut as 天下/达; global jieba stays untouched."""
    tok = _TOKENIZERS.get(words)
    if tok is None:
        tok = jieba.Tokenizer()
        for w in (*sorted(words), *CUE_WORDS):
            tok.add_word(w, freq=2000)
        _TOKENIZERS.clear()
        tok = _TOKENIZERS[words] = tok
    return tok


def _names(rows) -> frozenset[str]:
    return frozenset(n for t in rows for n in (t.indicator, *t.aliases) if re.fullmatch(r"[\u4e00-\u9fff]{2,}", n))


def _content(q: str, masked: list[tuple[int, int]], tok: jieba.Tokenizer | None = None) -> list[tuple[str, int, int]]:
    """Content tokens with offsets: not a stopword, not a measure cue, not punctuation, not the figure."""
    out = []
    for word, s, e in (tok or tokenizer()).tokenize(q):
        w = word.strip()
        if not w or w in STOP or not TOKEN_OK.search(w) or any(a <= s and e <= b for a, b in masked):
            continue
        out.append((w, s, e))
    return out


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _figure_matches(t: Target, value: str, unit: str | None) -> bool:
    v = value.rstrip("0").rstrip(".") if "." in value else value
    return t.value_text() == v and (unit is None or t.unit == unit or t.unit.startswith(unit))


def score_target(q: str, content: list[tuple[str, int, int]], figures: list[tuple[str, str | None, int, int]],
                 t: Target) -> tuple[float, float, list[str]]:
    """(coverage of the question's content, score, why)."""
    names = [n.lower() for n in (t.indicator, t.indicator_en, *t.aliases) if len(n) >= 2]
    hay = " ".join(names + [t.quote.lower(), t.topic.lower()])
    context = t.context.lower()
    strong = [False] * len(q)
    why, longest = [], 0
    for n in sorted(set(names), key=len, reverse=True):
        at = q.find(n)
        if at >= 0 and not all(strong[at:at + len(n)]):
            strong[at:at + len(n)] = [True] * len(n)
            longest = max(longest, len(n))
            why.append(f"name {n!r}")
    total = credit = 0.0
    for word, s, e in content:  # per character, so a token half-named by an alias gets half credit
        n_strong = sum(strong[s:e])
        total += e - s
        credit += n_strong
        rest = e - s - n_strong
        if rest and word in hay:
            credit += 0.7 * rest
            why.append(f"word {word!r}")
        elif rest and word in context:  # said around the figure, not of it: weaker evidence
            credit += 0.4 * rest
            why.append(f"context {word!r}")
        elif rest and len(word) >= 3:
            grams = _bigrams(word)
            credit += 0.5 * rest * len(grams & _bigrams(hay)) / len(grams)
    for value, unit, s, e in figures:  # a figure in the question weighs double: it must be this row's figure
        total += 2 * (e - s)
        if _figure_matches(t, value, unit) or q[s:e].strip() in t.quote:
            credit += 2 * (e - s)
            why.append(f"figure {value}{unit or ''}")
    coverage = credit / total if total else 0.0
    return coverage, coverage + 0.1 * min(longest, 8) / 8, why


def _embedding_scores(q: str, rows: list[Target], embed: Callable[[list[str]], np.ndarray] | None) -> np.ndarray:
    if embed is None or not rows:
        return np.zeros(len(rows))
    texts = [f"{t.indicator} {' '.join(t.aliases)} {t.quote}" for t in rows]
    vecs = np.asarray(embed([q, *texts]), dtype=np.float32)
    vecs = vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
    return vecs[1:] @ vecs[0]


def resolve(question: str, table: TargetTable, embed: Callable[[list[str]], np.ndarray] | None = None,
            chapter: str | None = None) -> Resolution:
    q = normalise(question)
    measure, kinds, cue_spans = measure_of(q)
    if OTHER_PERIOD.search(q):
        return Resolution(status="none", measure=measure, reason="asks about a period the plan does not cover")
    figures = [(m.group(1), m.group(2), m.start(), m.end()) for m in NUMBER.finditer(q) if m.group(1) != PLAN_PERIOD]
    content = _content(q, cue_spans + [(s, e) for *_, s, e in figures], tokenizer(_names(table.rows())))
    rows = [t for t in table.rows() if (chapter is None or t.chapter == chapter)
            and (kinds is None or t.kind in kinds) and t.period == PLAN_PERIOD]
    if not content and not figures:
        if measure and len(rows) > 1:  # "增速目标是多少": a measure and nothing else
            cands = tuple(ScoredTarget(target=t, score=0.0, why=(f"measure {measure}",)) for t in rows)
            return Resolution(status="ambiguous", candidates=cands[:MAX_CANDIDATES], measure=measure,
                              reason="the question names a measure but no indicator")
        if measure and rows:
            return Resolution(status="match", candidates=(ScoredTarget(target=rows[0], score=1.0),), measure=measure)
        return Resolution(status="none", measure=measure, reason="no indicator named")
    sims = _embedding_scores(q, rows, embed)
    scored = []
    for t, sim in zip(rows, sims):
        coverage, score, why = score_target(q, content, figures, t)
        if coverage >= MIN_COVERAGE:
            if t.kind == measure:  # the measure's own kind beats a merely compatible one
                score += 0.05
            if measure == "ordinal" and t.unit and any(t.unit in q[a:b] for a, b in cue_spans):
                score += 0.1  # 哪届 asks for the 届 row, not the 次 row of the same meeting
            scored.append(ScoredTarget(target=t, score=round(score + 0.2 * float(sim), 4),
                                       why=(*why, f"coverage {coverage:.2f}")))
    scored.sort(key=lambda c: (-c.score, c.target.start))
    if not scored:
        return Resolution(status="none", measure=measure, reason="no row explains the question")
    top = scored[0]
    close = [c for c in scored if top.score - c.score < AMBIGUOUS_MARGIN]
    distinct = {(c.target.indicator, c.target.value_text(), c.target.unit) for c in close}
    if len(distinct) > 1:
        return Resolution(status="ambiguous", candidates=tuple(close[:MAX_CANDIDATES]), measure=measure,
                          reason="several rows fit about equally")
    return Resolution(status="match", candidates=tuple(scored[:3]), measure=measure)
