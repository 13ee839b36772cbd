"""pinyin: an English question that spells the plan's words in pinyin (guding zichan touzi growth rate, chengzhen
jumin income) read with the plan's characters (固定资产投资 growth rate). Each word spelled is a run of two of the
plan's own characters whose toneless pinyin is that word and nothing else of the plan's; a run of such words is one
term (固定资产投资). Short spellings (ren, touz) are left alone: they collide with English."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.sounds import spelled
from assistant.vocab import vocab

MIN_LETTERS = 5  # shorter pinyin (zhan, gong, bang) collides with English words and with itself
WORD = re.compile(r"[A-Za-z]+")
PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")


@lru_cache(maxsize=2)
def _index(plan_text: str) -> dict[str, str]:
    """Toneless pinyin → the one pair of the plan's characters spelled so (two or more pairs: left out)."""
    found: dict[str, set[str]] = {}
    for pair in {m.group(1) for m in PAIR.finditer(plan_text)}:
        key = spelled(pair)
        if len(key) >= MIN_LETTERS and key.isascii() and key.isalpha():
            found.setdefault(key, set()).add(pair)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def from_pinyin(text: str, plan_text: str, english: frozenset[str] = frozenset()) -> str:
    """`text` with the plan's words it spells in pinyin written in characters; `english`: words to keep as they are
    (the glossary's English words, stopwords)."""
    words = [m for m in WORD.finditer(text) if len(m.group(0)) >= MIN_LETTERS]
    if not words or not plan_text:
        return text
    index = _index(plan_text)
    stop = vocab().en_stop
    out, last = [], 0
    previous_end = -1
    for m in words:
        low = m.group(0).lower()
        han = index.get(low)
        if han is None or low in english or low in stop:
            continue
        # a run of spelled words is one term: the spaces between them go (guding zichan → 固定资产)
        start = previous_end if previous_end >= 0 and not text[previous_end:m.start()].strip() else m.start()
        out.append(text[last:start])
        out.append(han)
        last = previous_end = m.end()
    out.append(text[last:])
    return "".join(out)
