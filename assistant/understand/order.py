"""order: several figures asked in an order (把主要增长目标从高到低排一下, rank the income targets from highest to
lowest). The plan gives the figures, not their ranking; the question is read as asking each figure, and the order
asked is kept for the verdict to set the figures in."""

from __future__ import annotations

import re
from typing import Literal

from assistant.vocab import vocab

Order = Literal["", "desc", "asc"]
# what the order leaves behind in Chinese (把…, 这几个…): the things themselves, asked each
LEFT_ZH = re.compile(r"^(请|帮我|给我)?(把|将)?(这|那)?(几个|几项|各个|各项|这些|那些)?")


def ordering(text: str) -> tuple[str, Order]:
    """The question asking each figure, and the order asked ("" when none is)."""
    found = list(vocab().cue["ranked_order"].finditer(text))
    if not found:
        return text, ""
    up = any(m.group("up") or m.group("up_en") or m.group("up_en2") or m.group("up_en3") for m in found)
    rest = re.sub(r"\s+", " ", vocab().cue["ranked_order"].sub(" ", text)).strip(" ，,。.？?！!")
    if re.search(r"[\u4e00-\u9fff]", rest) and not re.search(r"[A-Za-z]{4}", rest):
        rest = LEFT_ZH.sub("", rest).strip()
        return (rest if vocab().cue["asking"].search(rest) else f"{rest}分别是多少"), ("asc" if up else "desc")
    rest = re.sub(r"^(please\s+)?(the\s+)?", "", rest, flags=re.I)
    return f"What is each of the {rest}?", ("asc" if up else "desc")
