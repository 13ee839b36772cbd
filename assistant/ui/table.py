"""The 指标表 tab: the target table, filtered and sorted on the server (so the CSV download is what is shown)."""

from __future__ import annotations

import csv
import io

from assistant.models import Target
from assistant.targets.table import EXPORT_FIELDS, target_dict
from assistant.ui.text import format_value, framing_parts, place_label

HEADERS = ["指标 Indicator", "数值 Value", "单位 Unit", "表述 Framing", "位置 Place", "类别 Kind", "原文 Quote"]
ALL = "全部 All"
SORTS = {
    "计划顺序 Plan order": lambda t: (t.doc, t.start),
    "指标名称 Indicator": lambda t: (t.indicator, t.start),
    "类别 Kind": lambda t: (t.kind, t.doc, t.start),
}
KIND_LABELS = {
    "growth_rate": "增速", "amount": "金额", "count": "数量", "capacity": "规模/容量", "energy": "电量",
    "length": "长度", "area": "面积", "share": "比重", "threshold": "门槛", "volume": "体量", "date": "日期",
    "ordinal": "位次", "period": "期限", "other": "其他",
}


def chapter_choices(rows: tuple[Target, ...]) -> list[str]:
    seen: list[str] = []
    for t in sorted(rows, key=lambda t: (t.doc, t.start)):
        label = place_label(t.chapter)
        if label not in seen:
            seen.append(label)
    return [ALL, *seen]


def matches(t: Target, words: list[str]) -> bool:
    hay = " ".join((t.indicator, t.indicator_en, t.quote, t.topic, t.unit, t.qualifier, *t.aliases)).lower()
    return all(w in hay for w in words)


def select_rows(rows: tuple[Target, ...], text: str = "", chapter: str = ALL, sort: str = "") -> list[Target]:
    """The rows whose name, aliases or quote contain every word of `text`, in `chapter`, in `sort` order."""
    words = [w.lower() for w in (text or "").split() if w.strip()][:10]
    picked = [t for t in rows if (not words or matches(t, words))
              and (not chapter or chapter == ALL or place_label(t.chapter) == chapter)]
    return sorted(picked, key=SORTS.get(sort, SORTS["计划顺序 Plan order"]))


def framing_text(qualifier: str) -> str:
    pre, post = framing_parts(qualifier)
    return " … ".join(p for p in (*pre, *post) if p)


def display_rows(rows: list[Target]) -> list[list[str]]:
    return [[t.indicator, format_value(t.value_json()), t.unit, framing_text(t.qualifier),
             place_label(t.chapter, t.section), KIND_LABELS.get(t.kind, t.kind), t.quote] for t in rows]


def rows_csv(rows: list[Target]) -> str:
    """CSV of the rows in the fields of `assistant targets --format csv`, with a BOM so that spreadsheet programs
    on Chinese Windows read it as UTF-8."""
    buf = io.StringIO()
    buf.write("\ufeff")
    w = csv.DictWriter(buf, fieldnames=EXPORT_FIELDS, lineterminator="\n")
    w.writeheader()
    for t in rows:
        d = target_dict(t)
        w.writerow({**d, "aliases": "|".join(d["aliases"])})
    return buf.getvalue()
