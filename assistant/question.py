"""The one check every channel's question goes through before anything else (cheap: no model needed)."""

from __future__ import annotations

import re
import unicodedata

from assistant.errors import InvalidQuestion


def validate_question(question: object, max_chars: int) -> str:
    """The question as clean text, or InvalidQuestion saying what is wrong with it."""
    if isinstance(question, bytes):
        try:
            question = question.decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidQuestion("the question is not UTF-8 text") from None
    if not isinstance(question, str):
        raise InvalidQuestion("the question must be text")
    if "\x00" in question or "\ufffd" in question or any("\ud800" <= ch <= "\udfff" for ch in question):
        raise InvalidQuestion("the question contains binary data, not text")
    controls = sum(1 for ch in question if unicodedata.category(ch) == "Cc" and ch not in "\n\t\r")
    if controls:
        raise InvalidQuestion("the question contains control characters, not text")
    q = re.sub(r"\s+", " ", question).strip()
    if not q:
        raise InvalidQuestion("the question is empty")
    if len(q) > max_chars:
        raise InvalidQuestion(f"the question is {len(q)} characters long; the limit is {max_chars}")
    return q
