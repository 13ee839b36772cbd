"""sounds: toneless pinyin, with pypinyin imported on first use. A character's sound needs only pypinyin's character
table; its phrase table (增长 → zengzhang, not zengchang) is read only when a word is spelled, which only an English
question needs: reading it costs a Chinese question's CLI call a fifth of a second."""

from __future__ import annotations

import os
import sys
from functools import lru_cache


@lru_cache(maxsize=1)
def _pypinyin():
    without = "pypinyin" not in sys.modules and "PYPINYIN_NO_PHRASES" not in os.environ
    if without:
        os.environ["PYPINYIN_NO_PHRASES"] = "true"  # read once, at import
    try:
        import pypinyin
    finally:
        if without:
            del os.environ["PYPINYIN_NO_PHRASES"]
    return pypinyin, without


@lru_cache(maxsize=1)
def _with_phrases():
    pypinyin, without = _pypinyin()
    if without:
        from pypinyin.phrases_dict import phrases_dict

        pypinyin.load_phrases_dict(phrases_dict)
    return pypinyin


@lru_cache(maxsize=8192)
def sound(ch: str) -> str:
    """The toneless pinyin of one character (互 → hu)."""
    return _pypinyin()[0].lazy_pinyin(ch)[0]


def spelled(word: str) -> str:
    """The toneless pinyin of a word, read as a word (增长 → zengzhang)."""
    return "".join(_with_phrases().lazy_pinyin(word))
