"""homophones: a speech recogniser's slip repaired against the plan's own terms. A hotline transcript writes
互世贸易 for 互市贸易 and 风电竟配 for 风电竞配: same sounds, one character wrong. A run of three or four characters
that the plans never write, differing from exactly one run of one of their terms (names, quoted terms, glossary
targets) by one character of the same sound (tones aside), is read as that run. Only terms are targets, so an
everyday word (医疗方面) is never "repaired" into a stretch of plan prose. Two characters (水叫 for 水窖, 口案 for
口岸) are read as a two-character term only when they are no word at all, and the slip makes no word with its
other neighbour (下大雨 stays)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from assistant.sounds import sound as _sound
from assistant.vocab import vocab

RUN = re.compile(r"[\u4e00-\u9fff]{3,}")
PAIR = re.compile(r"[\u4e00-\u9fff]{2,}")
SIZES = (4, 3)
TWO_SLIPS_MAX = 80  # characters of one run


@lru_cache(maxsize=2)
def _index(terms: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Each term of three or four characters whole, and every four characters of a longer one (three of a longer
    term, 医疗防, would turn an everyday 医疗方面 into prose), under each of its spellings with one character left
    open: a slip keeps all characters but one, so only those spellings are compared by sound."""
    out: dict[str, set[str]] = {}
    for term in terms:
        for run in RUN.findall(term):
            for gram in [run] if len(run) <= 4 else [run[i:i + 4] for i in range(len(run) - 3)]:
                for k in range(len(gram)):
                    out.setdefault(_open(gram, k), set()).add(gram)
                    if len(gram) == 4:  # two left open, for two slips (_two_slips)
                        for j in range(k + 1, 4):
                            out.setdefault(_open(_open(gram, k), j), set()).add(gram)
    return {key: frozenset(v) for key, v in out.items()}


def _open(gram: str, k: int) -> str:
    return f"{gram[:k]}\0{gram[k + 1:]}"


@lru_cache(maxsize=2)
def _pairs(terms: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Each two-character term under its two spellings with one character left open."""
    out: dict[str, set[str]] = {}
    for term in terms:
        if len(term) == 2 and PAIR.fullmatch(term):
            for k in range(2):
                out.setdefault(_open(term, k), set()).add(term)
    return {key: frozenset(v) for key, v in out.items()}


@lru_cache(maxsize=2)
def _written(plan_text: str) -> frozenset[str]:
    """Every run of two to four characters the plans write: a run is looked up, not searched for, in their text."""
    return frozenset(plan_text[i:i + n] for n in (2, 3, 4) for i in range(len(plan_text) - n + 1))


def sound_alike(text: str, terms: tuple[str, ...], plan_text: str,
                is_word: Callable[[str], bool] | None = None) -> str:
    """`text` with each misheard run replaced by the term's run it sounds like (see the module's doc). `is_word`
    (the tokenizer's dictionary) lets two-character terms be read too."""
    if not terms or not PAIR.search(text):
        return text
    written = _written(plan_text)  # every run compared below has two to four characters
    index = _index(terms)
    grammar = vocab().zh_grammar_chars
    for run in PAIR.findall(text):
        fixed = _pair_slips(run, _pairs(terms), written, grammar, is_word) if is_word else run
        fixed = _two_slips(fixed, index, written, grammar)
        for n in SIZES:
            for i in range(len(fixed) - n + 1):
                gram = fixed[i:i + n]
                near = {(g, k) for k in range(n) for g in index.get(_open(gram, k), ()) if g[k] != gram[k]}
                if not near or gram in written:
                    continue
                # a grammar character (是, 的) may be a slip only inside four characters the term holds around it
                # (互是贸易 for 互市贸易); at an edge it is the sentence's own (X是Y)
                near = {g for g, k in near if (gram[k] not in grammar or (n == 4 and 0 < k < 3))
                        and _sound(g[k]) == _sound(gram[k]) and not _heard(fixed, i + k, written)}
                if len(near) == 1:
                    fixed = fixed[:i] + near.pop() + fixed[i + n:]
        if fixed != run:
            text = text.replace(run, fixed)
    return text


def _pair_slips(run: str, pairs: dict[str, frozenset[str]], written: frozenset[str], grammar: frozenset[str],
                is_word: Callable[[str], bool]) -> str:
    """水叫修几座: two characters that are no word and that the plans never write, one character from exactly one
    two-character term of theirs by sound, read as the term."""
    for i in range(len(run) - 1):
        gram = run[i:i + 2]
        if gram in written or is_word(gram):
            continue
        near = set()
        for k in range(2):
            at = i + k
            other = run[at - 1:at + 1] if k == 0 and at > 0 else run[at:at + 2] if k == 1 else ""
            if gram[k] in grammar or (len(other) == 2 and is_word(other)) or _heard(run, at, written):
                continue  # 下大雨: 大雨 is a word, 大 no slip
            near |= {g for g in pairs.get(_open(gram, k), ()) if g[k] != gram[k] and _sound(g[k]) == _sound(gram[k])}
        if len(near) == 1:
            run = run[:i] + near.pop() + run[i + 2:]
    return run


def _two_slips(run: str, index: dict[str, frozenset[str]], written: frozenset[str], grammar: frozenset[str]) -> str:
    """护士贸易 for 互市贸易: a four-character run with two characters misheard, each of the same sound, the other two
    as the term writes them; read as the term when exactly one term fits. A run longer than a spoken phrase (a pasted
    paragraph) is left as it is: six look-ups per character would cost more than the question."""
    if len(run) > TWO_SLIPS_MAX:
        return run
    for i in range(len(run) - 3):
        gram = run[i:i + 4]
        if gram in written:
            continue
        near = {g for a in range(4) for b in range(a + 1, 4) for g in index.get(_open(_open(gram, a), b), ())}
        fits = {g for g in near if sum(a != b for a, b in zip(g, gram)) == 2
                and all(b not in grammar and _sound(a) == _sound(b) for a, b in zip(g, gram) if a != b)}
        if len(fits) == 1:
            run = run[:i] + fits.pop() + run[i + 4:]
    return run


def _heard(run: str, k: int, written: frozenset[str]) -> bool:
    """The character at k sits inside three characters the plans write as they stand (京津冀合作: 京津冀)."""
    return any(run[j:j + 3] in written for j in range(max(0, k - 2), k + 1) if len(run[j:j + 3]) == 3)
