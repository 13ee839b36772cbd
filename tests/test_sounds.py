"""Sounds (assistant/sounds.py): a character's pinyin needs only pypinyin's character table; a word's spelling reads
its phrase table, and only then, so a Chinese question (homophones) does not pay for it."""

from __future__ import annotations

import subprocess
import sys

from assistant.sounds import sound, spelled


def test_a_character_s_sound_and_a_word_s_spelling():
    assert sound("互") == sound("护") == "hu" and sound("市") == sound("是")
    assert spelled("增长") == "zengzhang" and spelled("固定资产") == "gudingzichan"


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_a_chinese_question_does_not_read_the_phrase_table():
    code = """
from assistant.corpus import corpus
from assistant.lexical import Lexicon
from assistant.settings import Settings
from assistant.understand import understand
s = Settings()
understand("今年互是贸易额GDP目标是多少", None, Lexicon(corpus(s.knowledge_dir), s.knowledge_dir))
import pypinyin.constants
print(len(pypinyin.constants.PHRASES_DICT))
"""
    assert int(_run(code)) < 1000  # the phrase table holds some 47,000 words


def test_a_word_spelled_after_a_sound_still_reads_as_a_word():
    assert _run("from assistant.sounds import sound, spelled; sound('长'); print(spelled('增长'))") == "zengzhang"
