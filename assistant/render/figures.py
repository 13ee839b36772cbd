"""figures: a target row's figure as the plan frames it (力争突破460亿元), in Chinese and in English (strive for over
RMB 46 billion), and a place in the plan in words. The guard uses `english_numbers` to check English figures
against the quoted plan text."""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.models import Target
from assistant.vocab import vocab

CN_NUM = "零一二三四五六七八九十"
STAGE_EN = {"开工建设": "construction to start", "投产达效": "to reach full production", "全容量发电": "to generate at full capacity",
            "建成投用": "to be completed and put into use", "投产": "to go into production", "开工": "construction to start",
            "投用": "to be put into use", "完成": "to be completed"}
GOVERNING_EN = {"力争": "strive for", "确保": "ensure", "争取": "seek"}
BEFORE_EN = {"突破": "over", "超过": "over", "超": "over", "达到": "", "达": "", "提升至": "", "提高到": "", "提高至": "",
             "不低于": "at least", "新增": "", "完成": ""}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def parts(qualifier: str) -> list[str]:
    return [p for p in re.split(r"…+", qualifier or "") if p]


def _classify(qualifier: str) -> tuple[str, str, str, str]:
    """(governing verb, bound before, bound after, stage) of a qualifier in CONTRACT notation."""
    v = vocab()
    gov = before = after = stage = ""
    for p in parts(qualifier):
        if p in v.governing:
            gov = p
        elif p in v.bound_after:
            after = p
        elif p in v.bound_before and not stage and p != "完成":
            before = p
        elif p in v.stage or p == "完成":
            stage = p
        else:
            before = before or p
    return gov, before, after, stage


def framed_zh(t: Target) -> str:
    """6%左右 · 力争突破460亿元 · 确保完成88万亩 · 50万千瓦，开工建设."""
    gov, before, after, stage = _classify(t.qualifier)
    figure = f"{t.value_text()}{t.unit}" if t.kind != "date" else str(t.value)
    if stage == "完成" and not before:
        before, stage = "完成", ""
    text = f"{gov}{before}{figure}{after}"
    return f"{text}，{stage}" if stage else text


def _number(x: float) -> str:
    d = Decimal(str(round(x, 6))).normalize()
    text = f"{d:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    whole, _, frac = text.partition(".")
    whole = f"{int(whole):,}"
    return f"{whole}.{frac}" if frac else whole


def figure_en(value, unit: str, kind: str = "") -> str:
    """The figure in English units: 51.28亿元 → RMB 5.128 billion, 20万千瓦 → 200 MW, 88万亩 → 880,000 mu."""
    if kind == "date" or (isinstance(value, str) and re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", value)):
        y, m, d = map(int, re.findall(r"\d+", str(value)))
        return f"{d} {MONTHS[m - 1]} {y}"
    try:
        x = float(value)
    except (TypeError, ValueError):
        return f"{value}{unit}"
    u = vocab().unit(unit)
    if u is None:
        return _number(x)  # counts: the thing counted is named beside it
    if unit == "周年":
        n = int(x)
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix} anniversary"
    base = x * u.scale
    for step, word in u.en_steps:
        if base >= step or step == u.en_steps[-1][0]:
            amount = _number(base / step)
            sep = "" if word in ("%",) else " "
            return f"{u.en_prefix}{amount}{sep}{word}".strip()
    return _number(x)


def english_numbers(value, unit: str) -> set[str]:
    """Every number `figure_en` may write for this figure (for the guard)."""
    text = figure_en(value, unit)
    return {n.replace(",", "") for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}


def framed_en(t: Target) -> str:
    gov, before, after, stage = _classify(t.qualifier)
    if stage == "完成" and not before and gov:
        return f"{GOVERNING_EN[gov]} completion of {figure_en(t.value, t.unit, t.kind)}"
    fig = figure_en(t.value, t.unit, t.kind)
    if after == "左右":
        fig = f"about {fig}"
    elif after == "以上":
        fig = f"{fig} or more"
    elif after in ("以内", "以下"):
        fig = f"{fig} or less"
    if before and BEFORE_EN.get(before):
        fig = f"{BEFORE_EN[before]} {fig}"
    if gov:
        fig = f"{GOVERNING_EN.get(gov, '')} {fig}".strip()
    if stage:
        fig = f"{fig}, {STAGE_EN.get(stage, stage)}"
    return fig


def place_zh(chapter: str, section: str, chapter_title: str = "", section_title: str = "", full: bool = False) -> str:
    """第二章（一） · with titles: 第二章“…”第（一）节“…” · 总体要求部分 · 通知."""
    if chapter in ("通知", "总体要求"):
        return "开头的下达通知" if chapter == "通知" else "“总体要求”部分"
    if not full:
        return f"第{chapter}章{section}"
    text = f"第{chapter}章“{chapter_title}”" if chapter_title else f"第{chapter}章"
    return text + (f"第{section}节“{section_title}”" if section and section_title else f"第{section}节" if section else "")


def place_en(chapter: str, section: str, section_title: str = "") -> str:
    if chapter == "通知":
        return "the notice in front of the plan"
    if chapter == "总体要求":
        return "the plan's general requirements (总体要求)"
    ch = CN_NUM.index(chapter) if chapter in CN_NUM else chapter
    sec = section.strip("（）")
    text = f"chapter {ch}"
    if sec and sec in CN_NUM:  # "" is in every string: chapter 六 has no sections
        text += f", section {CN_NUM.index(sec)}"
    return text + (f" (“{section_title}”) of the plan" if section_title else "")
