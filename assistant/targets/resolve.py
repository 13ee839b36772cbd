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
from functools import lru_cache
from typing import Callable, Literal

import jieba
import numpy as np

from assistant.models import Frozen, Target
from assistant.targets.table import TargetTable
from assistant.vocab import KIND_WORDS, vocab

jieba.setLogLevel(logging.WARNING)

MIN_COVERAGE = 0.5  # share of the question's content a row must explain
AMBIGUOUS_MARGIN = 0.06  # top two closer than this, for different rows → ambiguous
MAX_CANDIDATES = 8
SOFT_WEIGHT = 0.3  # an everyday word the plans never use counts this much of a word they do
NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(%|亿元|亿|万元|万千瓦时|万千瓦|万亩|万吨|公里|个|家|户|座|眼)?")
TOKEN_OK = re.compile(r"[\u4e00-\u9fff]|[a-z]{2,}|\d")
Segment = Callable[[str], list[tuple[str, int, int]]]
DOWN = re.compile(r"下降|降低|减少|压减|削减|decrease|decline|fall|reduc|cut|drop|lower")
# the unit an answer is asked in, where units measure different things (counters 个/家/户 are said loosely)


def _stages_named(q: str) -> tuple[str, ...]:
    """The stages a question names (开工建设, 全容量发电), in Chinese or by the words of their English rendering
    (full-capacity generation for generate at full capacity: each word's first five letters)."""
    low = q.lower()
    out = []
    for zh, en in vocab().stage.items():
        words = [w[:5] for w in re.findall(r"[a-z]+", en) if len(w) > 2 and not vocab().is_stop(w)]
        if zh in q or (words and all(re.search(rf"\b{re.escape(w)}", low) for w in words)):
            out.append(zh)
    return tuple(out)


@lru_cache(maxsize=1)
def _asked_unit() -> re.Pattern:
    """多少万元 / 几眼井: a unit (vocab/units.toml, counters included) right after the asking word."""
    v = vocab()
    units = sorted({u.unit for u in v.units if u.unit != "%"} | set(v.count_units), key=len, reverse=True)
    # (how many 万千瓦时: the plan's unit, asked in English)
    return re.compile(rf"(?:多少|几|\bhow (?:many|much)\s*)({'|'.join(map(re.escape, units))})", re.I)


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
    return vocab().measure_of(q)


def _default_segment(q: str) -> list[tuple[str, int, int]]:
    return [(w, s, e) for w, s, e in _fallback_tokenizer().tokenize(q)]


@lru_cache(maxsize=1)
def _fallback_tokenizer() -> jieba.Tokenizer:
    """For callers without a Lexicon (the LangChain tools, tests): jieba that keeps question words whole."""
    from assistant.lexical import QUESTION_WORDS, jieba_tokenizer

    tok = jieba_tokenizer()
    for word in QUESTION_WORDS:
        tok.add_word(word, freq=1_000_000)
    return tok


def _content(q: str, masked: list[tuple[int, int]], segment: Segment) -> list[tuple[str, int, int]]:
    """Content tokens with offsets: not a stopword, not a measure cue, not punctuation, not the figure."""
    v = vocab()
    out = []
    for word, s, e in segment(q):
        # 多少个项目 cut as one token: the cue before the noun goes, the noun stays (经济增速 stays whole: a name)
        for a, b in masked:
            if a == s and b < e and e - b >= 2:
                # an English word the cue begins (grow-th) is the cue's whole, not a rest of "th"
                word, s = (q[b:e], b) if not word.isascii() else ("", e)
        w = word.strip()
        if (not w or v.is_stop(w) or not TOKEN_OK.search(w) or any(a <= s and e <= b for a, b in masked)
                # 多少钱: a Chinese cue word, however it was cut; an English one of another measure (budget, revenue)
                # may name the indicator (budget revenue growth)
                or (re.search(r"[\u4e00-\u9fff]", w) and any(m.pattern.fullmatch(w) for m in v.measures))):
            continue
        out.append((w, s, e))
    return out


def _own_item(t: Target) -> str:
    """The piece of the row's quote that holds its own figure: 2万千瓦分散式风电项目开工建设 in
    50万千瓦风电竞配、2万千瓦分散式风电项目开工建设 (the quote runs from the governing verb for the framing)."""
    from assistant.targets.extract import figure_span

    at = figure_span(t)[0] - t.start
    if not 0 <= at < len(t.quote):
        return t.quote
    pieces = [(m.start(), m.end()) for m in re.finditer(r"[^、，；]+", t.quote)]
    return next((t.quote[a:b] for a, b in pieces if a <= at < b), t.quote)


def _has(text: str, word: str) -> bool:
    """`word` in `text`: as a substring for Chinese, as a whole word for English (now is not in known)."""
    if re.search(r"[\u4e00-\u9fff]", word):
        return word in text
    return re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text) is not None


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _figure_matches(t: Target, value: str, unit: str | None) -> bool:
    v = value.rstrip("0").rstrip(".") if "." in value else value
    return t.value_text() == v and (unit is None or t.unit == unit or t.unit.startswith(unit))


def score_target(q: str, content: list[tuple[str, int, int]], figures: list[tuple[str, str | None, int, int]],
                 t: Target, forms: dict[str, tuple[str, ...]] | None = None,
                 soft: frozenset[str] = frozenset()) -> tuple[float, float, list[str]]:
    """(coverage of the question's content, score, why). `forms`: the plans' wordings of a question word
    (外贸 → 进出口); `soft`: everyday words the plans never use (患者), which count for less."""
    forms = forms or {}
    names = [n.lower() for n in (t.indicator, t.indicator_en, *t.aliases) if len(n) >= 2]
    item = _own_item(t)
    hay = " ".join(names + [item.lower(), t.qualifier.lower()])  # its stage too (开工建设, said once after two items)
    # the rest of the quote (the other items of its enumeration), the topic and sentence: said around the figure
    context = f"{t.quote} {t.topic} {t.context}".lower()
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
        # an everyday Chinese word counts for little; an English word the glossary lacks for more (it may name
        # another indicator: unemployment rate)
        w = (SOFT_WEIGHT if re.search(r"[\u4e00-\u9fff]", word) else 0.6) if word in soft else 1.0
        n_strong = sum(strong[s:e])
        total += w * (e - s)
        credit += w * n_strong
        rest = w * (e - s - n_strong)
        if rest and (_has(hay, word) or any(f.lower() in hay for f in forms.get(word, ()))):
            credit += 0.7 * rest
            why.append(f"word {word!r}")
        elif rest and (_has(context, word) or any(f.lower() in context for f in forms.get(word, ()))):
            credit += 0.4 * rest
            why.append(f"context {word!r}")
        elif rest and len(word) >= 3:
            grams = _bigrams(word)
            credit += 0.5 * rest * len(grams & _bigrams(hay)) / len(grams)
    for value, unit, s, e in figures:  # a figure in the question weighs double: it must be this row's figure
        total += 2 * (e - s)
        if _figure_matches(t, value, unit) or q[s:e].strip() in item:
            credit += 2 * (e - s)
            why.append(f"figure {value}{unit or ''}")
    coverage = credit / total if total else 0.0
    return coverage, coverage + 0.1 * min(longest, 8) / 8, why


def _named_longest(q: str, rows: list[Target]) -> list[Target]:
    """The rows whose name or alias, the longest any row has in `q`, the question says verbatim."""
    found = [(max((len(n) for n in (t.indicator, *t.aliases) if len(n) >= 2 and n.lower() in q), default=0), t)
             for t in rows]
    best = max((n for n, _ in found), default=0)
    return [t for n, t in found if best and n == best]


def row_text(t: Target) -> str:
    """What a row is matched against by meaning: its names and its quote."""
    return f"{t.indicator} {' '.join(t.aliases)} {t.quote}"


def _embedding_scores(q: str, rows: list[Target], embed: Callable[[list[str]], np.ndarray] | None) -> np.ndarray:
    if embed is None or not rows:
        return np.zeros(len(rows))
    texts = [row_text(t) for t in rows]
    vecs = np.asarray(embed([q, *texts]), dtype=np.float32)
    vecs = vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
    return vecs[1:] @ vecs[0]


def resolve(question: str, table: TargetTable, embed: Callable[[list[str]], np.ndarray] | None = None,
            chapter: str | None = None, *, segment: Segment | None = None, measure: str | None = None,
            kinds: frozenset[str] | None = None, rows: list[Target] | None = None,
            min_coverage: float = MIN_COVERAGE, forms: dict[str, tuple[str, ...]] | None = None,
            soft: frozenset[str] = frozenset()) -> Resolution:
    """The table rows `question` asks about. `measure`/`kinds` override what the question's own cues say (a
    stated figure's unit decides it: 投资99亿元 asks for an amount); `rows` restricts the candidates (the rows of
    the documents and periods the question is about)."""
    q = normalise(question)
    cue_measure, cue_kinds, cue_spans = measure_of(q)
    if measure is None:
        measure, kinds = cue_measure, cue_kinds
    year_spans = [m.span() for m in re.finditer(r"(?<!\d)(?:19|20)\d\d(?!\d)\s*年?", q)]
    years = {q[a:b].rstrip("年 ") for a, b in year_spans}
    figures = [(m.group(1), m.group(2), m.start(), m.end()) for m in NUMBER.finditer(q) if m.group(1) not in years]
    # a year says which document, not which row: the caller has already chosen the rows by it
    content = _content(q, cue_spans + year_spans + [(s, e) for *_, s, e in figures], segment or _default_segment)
    down = bool(DOWN.search(q))  # 能耗下降多少 is not answered by a growth target
    rows = [t for t in (table.rows() if rows is None else rows) if (chapter is None or t.chapter == chapter)
            and (kinds is None or t.kind in kinds)
            and not (down and t.kind == "growth_rate" and not DOWN.search(t.quote))
            and (measure != "investment" or vocab().cue["invested_row"].search(t.indicator))]
    asked_unit = {m.group(1) for m in _asked_unit().finditer(q)}  # 多少万元 / 几眼: the unit the answer is in
    asked_unit |= {u for g in vocab().counters_alike if asked_unit & g for u in g}  # 多少家 of firms counted in 户
    if not content and not figures:
        named = _named_longest(q, rows)
        if measure and len(named) == 1:  # 全年要完成的投资额: the measure's words are one row's own name
            return Resolution(status="match", candidates=(ScoredTarget(target=named[0], score=1.0),), measure=measure)
        if measure and len(rows) > 1:  # "增速目标是多少": a measure and nothing else
            cands = tuple(ScoredTarget(target=t, score=0.0, why=(f"measure {measure}",)) for t in rows)
            return Resolution(status="ambiguous", candidates=cands[:MAX_CANDIDATES], measure=measure,
                              reason="the question names a measure but no indicator")
        if measure and rows:
            return Resolution(status="match", candidates=(ScoredTarget(target=rows[0], score=1.0),), measure=measure)
        return Resolution(status="none", measure=measure, reason="no indicator named")
    # the text as the retriever embedded it, so that the question's vector is computed once (MemoEmbeddings)
    sims = _embedding_scores(question, rows, embed)
    stages = _stages_named(q)
    own_kind = [t for t in rows if t.kind == measure]
    only = own_kind[0].id if measure and len(own_kind) == 1 else None  # the plan's only date, say
    scored = []
    for t, sim in zip(rows, sims):
        coverage, score, why = score_target(q, content, figures, t, forms, soft)
        # with no other row of the kind asked for, less is needed to name this one
        if coverage >= (min_coverage / 2 if t.id == only else min_coverage):
            if t.kind == measure:  # the measure's own kind beats a merely compatible one
                score += 0.05
            if measure == "ordinal" and t.unit and any(t.unit in q[a:b] for a, b in cue_spans):
                score += 0.1  # 哪届 asks for the 届 row, not the 次 row of the same meeting
            if measure is None and t.kind in ("ordinal", "period") and vocab().cue["figure_word"].search(q):
                score -= 0.3  # 沙地治理有指标没: a target asked, not the phase (二期) said of the same project
            if stages and t.qualifier and any(st in t.qualifier for st in stages):
                score += 0.1  # …should reach full-capacity generation: the stage named tells the projects apart
            if (kind := KIND_WORDS.search(t.indicator)) and len(kind.group(2)) >= 2 and kind.group(2) in q:
                score += 0.05  # 储能电站的容量: the kind its name ends with, said, tells it from its sibling (功率)
            if asked_unit and t.unit:  # 按多少万元以上统计 asks for a 万元 figure, not an 亿元 one
                score += 0.1 if t.unit in asked_unit else -0.1
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
