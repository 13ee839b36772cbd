"""numbered: a place of the plan named by its numbers (第三章第二节, 第四章（三）, chapter 4 section 3, section 1 of
chapter II), read into the plans' own notation (chapter 三, section （二）), with the words that named it removed; or
named by its title, quoted or said as a place (“提质升级传统产业”这一部分). Which numbered places exist is the
verdict's business: this only reads the numbers."""

from __future__ import annotations

import re

from assistant.models import Frozen, ParsedDoc

_ZH_NUM = r"[一二三四五六七八九十两\d]{1,3}"
_EN_NUM = r"\d{1,2}|[ivx]{1,4}|one|two|three|four|five|six|seven|eight|nine|ten"
_EN_WORDS = {w: n for n, w in enumerate("one two three four five six seven eight nine ten".split(), 1)}
_EN_ORD = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
_EN_WORDS |= {w: n for n, w in enumerate(_EN_ORD.split("|"), 1)}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
ZH = re.compile(rf"第\s*(?P<ch>{_ZH_NUM})\s*(?:章|部分|大部分|大项|篇)(?:\s*的?\s*(?:第\s*(?P<sec>{_ZH_NUM})\s*"
                rf"(?:节|小节|部分|条|项)|[（(]\s*(?P<br>{_ZH_NUM})\s*[)）](?:节|部分)?))?")
EN = re.compile(rf"\b(?:chapter|part)\s+(?P<ch>{_EN_NUM})\b"
                rf"(?:\s*[,.]?\s*(?:section|sub-?section)\s+(?P<sec>{_EN_NUM})\b)?"
                rf"|\b(?:section|sub-?section)\s+(?P<sec2>{_EN_NUM})\s+of\s+(?:the\s+)?(?:chapter|part)\s+"
                rf"(?P<ch2>{_EN_NUM})\b"
                # the first section of chapter one / the third chapter: places said by ordinals
                rf"|\b(?P<sec3>{_EN_ORD})\s+(?:section|sub-?section)\s+of\s+(?:the\s+)?(?:(?:chapter|part)\s+"
                rf"(?P<ch3>{_EN_NUM})|(?P<ch4>{_EN_ORD})\s+(?:chapter|part))\b"
                rf"|\b(?P<ch5>{_EN_ORD})\s+chapter\b", re.I)


# A title said as a place: in quotes, or beside a word for a part of the plan
PLACE_WORD = re.compile(r"^\s*[”\"」』]?\s*(这一?(节|部分|章|段|块)|该(节|部分|章)|一(节|章)|(部分|章节|小节))"
                        r"|\b(section|part|chapter|heading)\b", re.I)
QUOTED = "“\"「『"
TITLE_MIN = 4  # characters: a shorter run of a title is an ordinary phrase


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
    import cn2an  # imported on first use: a heavy import, and most questions name no place by its numbers

    try:
        return int(cn2an.cn2an(t.replace("两", "二"), "smart"))
    except (ValueError, KeyError):
        return None


def _zh(n: int | None) -> str:
    import cn2an

    return cn2an.an2cn(n) if n and 0 < n <= 99 else ""


def numbered(text: str) -> Numbered | None:
    """The first place `text` names by its numbers, or None."""
    m = ZH.search(text) or EN.search(text)
    if m is None:
        return None
    groups = m.groupdict()
    chapter = _zh(_number(next((groups[g] for g in ("ch", "ch2", "ch3", "ch4", "ch5") if groups.get(g)), "")))
    sec_token = groups.get("sec") or groups.get("br") or groups.get("sec2") or groups.get("sec3")
    section = f"（{_zh(_number(sec_token))}）" if sec_token else ""
    if not chapter or section == "（）":
        return None
    rest = f"{text[:m.start()]} {text[m.end():]}".strip()
    return Numbered(chapter=chapter, section=section, rest=rest)


def titled(text: str, docs: tuple[ParsedDoc, ...]) -> Numbered | None:
    """The place whose title (or the title's first clause) `text` quotes or says as a place, or None."""
    best: tuple[int, str, str, int, int] | None = None
    for d in docs:
        for ch in d.chapters:
            places = [(ch.chapter, "", ch.title)] + [(s.chapter, s.section, s.section_title) for s in ch.sections
                                                      if s.section]
            for chapter, section, title in places:
                for run in dict.fromkeys([title, title.split("，")[0]]):
                    at = text.find(run) if len(run) >= TITLE_MIN else -1
                    if at < 0:
                        continue
                    quoted = at > 0 and text[at - 1] in QUOTED
                    if quoted or PLACE_WORD.search(text[at + len(run):at + len(run) + 6]):
                        if best is None or len(run) > best[0]:
                            best = (len(run), chapter, section, at, at + len(run))
    if best is None:
        return None
    _, chapter, section, a, b = best
    after = PLACE_WORD.match(text[b:])
    b = b + after.end() if after else b
    rest = f"{text[:a]} {text[b:]}".strip(" “”\"「」『』")
    return Numbered(chapter=chapter, section=section, rest=rest)
