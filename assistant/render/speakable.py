"""speakable: an answer for a voice line: plain sentences, no markdown, no [n] markers, the source said in words
(见计划第二章第一节 / see chapter 2, section 1 of the plan)."""

from __future__ import annotations

import re

from assistant.models import Answer, Citation

CN_DIGITS = "零一二三四五六七八九十"
MARKER = re.compile(r"\s*\[\d+\]")


def place_spoken(c: Citation, lang: str) -> str:
    if lang == "en":
        if c.chapter in ("通知", "总体要求"):
            return "the notice in front of the plan" if c.chapter == "通知" else "the plan's general requirements"
        ch = CN_DIGITS.index(c.chapter) if c.chapter in CN_DIGITS else c.chapter
        sec = c.section.strip("（）")
        return f"chapter {ch}" + (f", section {CN_DIGITS.index(sec)}" if sec in CN_DIGITS else "") + " of the plan"
    if c.chapter == "通知":
        return "计划的下达通知"
    if c.chapter == "总体要求":
        return "计划的总体要求部分"
    return f"计划第{c.chapter}章" + (f"第{c.section.strip('（）')}节" if c.section else "")


def plain(text: str) -> str:
    """Markdown and markers out; list lines become one sentence."""
    lines = [re.sub(r"^\s*[-*•]\s*", "", MARKER.sub("", ln)).strip() for ln in text.splitlines()]
    out = ""
    for ln in (x for x in lines if x):
        if out and not out.endswith(("。", "：", ":", ".", "？", "?", "！", "!")):
            out += "；" if re.search(r"[\u4e00-\u9fff]", ln) else "; "
        out += ln
    return out.replace("**", "")


def speakable(answer: Answer) -> Answer:
    lang = "zh" if re.search(r"[\u4e00-\u9fff]", re.sub(r"“[^”]*”", "", answer.answer)) else "en"
    text = plain(answer.answer)
    if answer.citations and not answer.refused:
        where = place_spoken(answer.citations[0], lang)
        text = text.rstrip("。.") + (f"。见{where}。" if lang == "zh" else f". See {where}.")
    return answer.model_copy(update={"answer": text})
