"""speakable: an answer for a voice line. Plain sentences, no markdown, no [n] markers, the figure with its framing
(进出口贸易额力争突破460亿元), the source said in words (见计划第二章第一节 / see chapter 2, section 1 of the plan).
It only takes away from a guarded answer (markers, list marks, the place prefix, an English answer's Chinese
in brackets) and adds the place in words, so it states no figure the guarded text did not."""

from __future__ import annotations

import re

from assistant.models import Answer, Citation

CN_DIGITS = "零一二三四五六七八九十"
MARKER = re.compile(r"\s*\[\d+\]")
# the place prefixes of render/phrases.py: the place is said at the end instead
PREFIX = re.compile(r"^(据计划[^：]*：|这在计划.*?：(?=“)|计划[^：]{0,40}提到：|According to the plan \([^)]*\): |"
                    r"This is in .*? of the plan: |The plan lists \([^)]*\):)")
FIGURE_MAX = 120  # characters: a figure answer said on the phone stays short
CJK = re.compile(r"[\u4e00-\u9fff]")


def place_spoken(c: Citation, lang: str) -> str:
    if lang == "en":
        if c.chapter == "通知":
            return "the notice in front of the plan"
        if c.chapter == "总体要求":
            return "the plan's general requirements"
        ch = CN_DIGITS.index(c.chapter) if c.chapter in CN_DIGITS else c.chapter
        sec = c.section.strip("（）")
        return f"chapter {ch}" + (f", section {CN_DIGITS.index(sec)}" if sec and sec in CN_DIGITS else "") + " of the plan"
    if c.chapter == "通知":
        return "计划的下达通知"
    if c.chapter == "总体要求":
        return "计划的总体要求部分"
    return f"计划第{c.chapter}章" + (f"第{c.section.strip('（）')}节" if c.section else "")


def _language(answer: Answer) -> str:
    outside = re.sub(r"“[^”]*”|\([^)]*\)|（[^）]*）", "", answer.answer)
    return "zh" if CJK.search(outside) else "en"


def plain(text: str, lang: str) -> str:
    """Markers, list marks, the place prefix and (in English) bracketed Chinese out; list lines joined."""
    lines = []
    for ln in text.splitlines():
        ln = PREFIX.sub("", MARKER.sub("", ln)).strip()
        ln = re.sub(r"^[-*•]\s*", "", ln).replace("**", "")
        if lang == "en":
            ln = re.sub(r"\s*\([^)]*[\u4e00-\u9fff][^)]*\)", "", ln)
        if ln:
            lines.append(ln)
    out = ""
    for ln in lines:
        if out and not out.endswith(("。", "：", ":", ".", "？", "?", "！", "!", "；", ";")):
            out += "；" if lang == "zh" else "; "
        elif out and lang == "en":
            out += " "
        out += ln
    return out


def speakable(answer: Answer) -> Answer:
    lang = _language(answer)
    text = plain(answer.answer, lang)
    if answer.route == "target" and len(text) > FIGURE_MAX:  # the first figure, with its framing
        first = re.match(r".+?[。.](?=\s|$|[^\d])", text)
        text = first.group(0) if first else text[:FIGURE_MAX]
    if answer.citations and not answer.refused:
        where = place_spoken(answer.citations[0], lang)
        text = text.rstrip("。.；; ") + (f"。见{where}。" if lang == "zh" else f". See {where}.")
    return answer.model_copy(update={"answer": text})
