"""numbered: a place of the plan named by its numbers (第三章第二节, 第四章（三）, chapter 4 section 3, section 1 of
chapter II), read into the plans' own notation (chapter 三, section （二）), with the words that named it removed.
Which places exist is the verdict's business: this only reads the numbers."""

from __future__ import annotations

import re

import cn2an

from assistant.models import Frozen

_ZH_NUM = r"[一二三四五六七八九十两\d]{1,3}"
_EN_NUM = r"\d{1,2}|[ivx]{1,4}|one|two|three|four|five|six|seven|eight|nine|ten"
_EN_WORDS = {w: n for n, w in enumerate("one two three four five six seven eight nine ten".split(), 1)}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
ZH = re.compile(rf"第\s*(?P<ch>{_ZH_NUM})\s*(?:章|部分|大部分|大项|篇)(?:\s*的?\s*(?:第\s*(?P<sec>{_ZH_NUM})\s*"
                rf"(?:节|小节|部分|条|项)|[（(]\s*(?P<br>{_ZH_NUM})\s*[)）](?:节|部分)?))?")
EN = re.compile(rf"\b(?:chapter|part)\s+(?P<ch>{_EN_NUM})\b(?:\s*[,.]?\s*(?:section|sub-?section)\s+(?P<sec>{_EN_NUM})\b)?"
                rf"|\b(?:section|sub-?section)\s+(?P<sec2>{_EN_NUM})\s+of\s+(?:the\s+)?(?:chapter|part)\s+"
                rf"(?P<ch2>{_EN_NUM})\b", re.I)


class Numbered(Frozen):
    chapter: str  # 三
    section: str  # （二）, or "" for a chapter named alone
    rest: str  # the question without the words that named the place


def _number(token: str) -> int | None:
    t = token.strip().lower()
    if t.isdigit():
        return int(t)
    if t in _EN_WORDS:
        return _EN_WORDS[t]
    if t in _ROMAN:
        return _ROMAN[t]
    try:
        return int(cn2an.cn2an(t.replace("两", "二"), "smart"))
    except (ValueError, KeyError):
        return None


def _zh(n: int | None) -> str:
    return cn2an.an2cn(n) if n and 0 < n <= 99 else ""


def numbered(text: str) -> Numbered | None:
    """The first place `text` names by its numbers, or None."""
    m = ZH.search(text) or EN.search(text)
    if m is None:
        return None
    groups = m.groupdict()
    chapter = _zh(_number(groups.get("ch") or groups.get("ch2") or ""))
    sec_token = groups.get("sec") or groups.get("br") or groups.get("sec2")
    section = f"（{_zh(_number(sec_token))}）" if sec_token else ""
    if not chapter or section == "（）":
        return None
    rest = f"{text[:m.start()]} {text[m.end():]}".strip()
    return Numbered(chapter=chapter, section=section, rest=rest)
