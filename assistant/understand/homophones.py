"""homophones: a speech recogniser's slip repaired against the plan's own terms. A hotline transcript writes
互世贸易 for 互市贸易 and 风电竟配 for 风电竞配: same sounds, one character wrong. A run of three or four characters
that the plans never write, differing from exactly one run of one of their terms (names, quoted terms, glossary
targets) by one character of the same sound (tones aside), is read as that run. Only terms are targets, so an
everyday word (医疗方面) is never "repaired" into a stretch of plan prose."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.vocab import vocab

RUN = re.compile(r"[\u4e00-\u9fff]{3,}")
SIZES = (4, 3)


@lru_cache(maxsize=8192)
def _sound(ch: str) -> str:
    from pypinyin import lazy_pinyin  # imported on first use: no cost at import

    return lazy_pinyin(ch)[0]


@lru_cache(maxsize=2)
def _index(terms: tuple[str, ...]) -> dict[tuple[str, ...], frozenset[str]]:
    """By sound: each term of three or four characters whole, and every four characters of a longer one (three of a
    longer term, 医疗防, would turn an everyday 医疗方面 into prose)."""
    out: dict[tuple[str, ...], set[str]] = {}
    for term in terms:
        for run in RUN.findall(term):
            grams = [run] if len(run) <= 4 else [run[i:i + 4] for i in range(len(run) - 3)]
            for gram in grams:
                out.setdefault(tuple(_sound(c) for c in gram), set()).add(gram)
    return {k: frozenset(v) for k, v in out.items()}


def sound_alike(text: str, terms: tuple[str, ...], plan_text: str) -> str:
    """`text` with each misheard run replaced by the term's run it sounds like (see the module's doc)."""
    if not terms or not RUN.search(text):
        return text
    index = _index(terms)
    grammar = vocab().zh_grammar_chars
    for run in RUN.findall(text):
        fixed = run
        for n in SIZES:
            for i in range(len(fixed) - n + 1):
                gram = fixed[i:i + n]
                near = [g for g in index.get(tuple(_sound(c) for c in gram), ()) if g != gram]
                if not near or gram in plan_text:
                    continue
                near = [g for g in near if _one_slip(g, gram, fixed, i, grammar, plan_text)]
                if len(near) == 1:
                    fixed = fixed[:i] + near[0] + fixed[i + n:]
        if fixed != run:
            text = text.replace(run, fixed)
    return text


def _one_slip(term_gram: str, gram: str, run: str, at: int, grammar: frozenset[str], plan_text: str) -> bool:
    """One character differs; it is no grammar word (几, 个, 和) and not inside three characters the plans write as
    they stand (京津冀合作: 京津冀 is heard right)."""
    wrong = [k for k, (a, b) in enumerate(zip(term_gram, gram)) if a != b]
    if len(wrong) != 1 or gram[wrong[0]] in grammar:
        return False
    k = at + wrong[0]
    return not any(run[j:j + 3] in plan_text for j in range(max(0, k - 2), k + 1) if len(run[j:j + 3]) == 3)
