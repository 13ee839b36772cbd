"""figures: what kind of figure a number is (its unit's kind), and whether a stated figure is a target row's: the
verdict's small arithmetic of units, kept apart from its decisions."""

from __future__ import annotations

import re

from assistant.models import Target
from assistant.understand.types import Stated
from assistant.vocab import vocab

# a number, or an order of magnitude in words (千吨级: the plan's own way to state a size)
FIGURE = re.compile(r"(\d+(?:\.\d+)?|[十百千万亿]{1,2}(?=[\u4e00-\u9fff]{0,2}级))\s*(%|[\u4e00-\u9fff]{1,4})")


def same_figure(stated: Stated, row: Target) -> bool:
    value = stated.value.rstrip("0").rstrip(".") if "." in stated.value else stated.value
    if row.value_text() != value:
        return False
    return not stated.unit or row.unit.startswith(stated.unit) or stated.unit.startswith(row.unit)


def unit_kind(unit: str) -> str | None:
    v = vocab()
    if unit == "date":
        return "date"
    return (v.stated_kind.get(unit) or next((u.kind for u in v.units if u.unit == unit), None)
            or ("count" if unit in v.count_units else None))


def same_kind(stated_unit: str, row_unit: str) -> bool:
    a, b = unit_kind(stated_unit), unit_kind(row_unit)
    return a is None or b is None or a == b or stated_unit.startswith(row_unit) or row_unit.startswith(stated_unit)


def is_figure(m: re.Match, measure: str | None) -> bool:
    """A number that states a quantity: not a year (2026年), unless a date is asked."""
    return measure == "date" or not (len(m.group(1)) == 4 and m.group(2).startswith("年"))


# 提升至45%, 达到80%: a level the figure reaches, not how much it grows (市域就诊率提高几个百分点 is not answered by it)
REACHED = re.compile(r"(至|到|达)\s*$")
# 要提到百分之多少, 达到多少: the question asks the level itself
LEVEL_ASKED = re.compile(r"(到|至|达)了?\s*(百分之|多少|几|\d)|\b(reach|to what level|up to)\b", re.I)


def reached(m: re.Match, question: str) -> bool:
    """The figure matched is a level reached (提升至45%), said so by the word before it, and the question asks a
    change, not the level (提高多少 after 比上年, not 要提到百分之多少)."""
    return bool(REACHED.search(m.string[max(0, m.start() - 2):m.start()])) and not LEVEL_ASKED.search(question)


def measure_units(measure: str | None) -> tuple[str, ...] | None:
    """The units a figure of `measure` is written with; () = any number; None = no number can answer it."""
    v = vocab()
    if measure is None:
        return ()
    if measure == "magnitude":  # 多大规模: any size the plan states
        return ()
    if measure == "ordinal":  # 建城多少周年, 第几届
        return ("周年", "届", "次", "期", "批", "轮")
    if measure in ("growth_rate", "share"):
        return ("%",)
    if measure == "count":
        return tuple(v.count_units)
    if measure == "date":
        return ("年", "月", "日")
    units = tuple(u.unit for u in v.units if u.kind == ("amount" if measure == "investment" else measure))
    return units or None
