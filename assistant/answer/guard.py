"""The number guard and the citation check, applied to every answer on every route before it is sent."""

from __future__ import annotations

import re

from assistant.models import Answer

MARKER = re.compile(r"\[(\d+)\]")
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def unsupported_numbers(answer: Answer, allowed: tuple[str, ...] = ()) -> list[str]:
    """Numbers in the answer text that no fact and no cited quote contains (markers [n] excluded)."""
    text = MARKER.sub(" ", answer.answer)
    sources = [c.quote for c in answer.citations] + [f"{f.value}" for f in answer.facts] + [f.quote for f in answer.facts]
    return [n for n in NUMBER.findall(text) if n not in allowed and not any(_contains_number(s, n) for s in sources)]


def _contains_number(source: str, number: str) -> bool:
    # 10 must not be "found" inside 2010 or 10.5: match whole numbers only
    return re.search(rf"(?<![\d.]){re.escape(number)}(?![\d]|\.\d)", source) is not None


def bad_markers(answer: Answer) -> list[int]:
    """[n] markers that point to no citation."""
    return [n for n in map(int, MARKER.findall(answer.answer)) if not 1 <= n <= len(answer.citations)]


def unsupported_markers(answer: Answer) -> list[int]:
    """[n] markers whose statement shares nothing (no two-character run, no number) with quote n."""
    out = []
    pos = 0
    for m in MARKER.finditer(answer.answer):
        n = int(m.group(1))
        claim = answer.answer[pos:m.start()]
        pos = m.end()
        if not 1 <= n <= len(answer.citations):
            continue
        quote = answer.citations[n - 1].quote
        shared = any(claim[i:i + 2] in quote for i in range(len(claim) - 1) if claim[i:i + 2].strip())
        if claim.strip() and not shared:
            out.append(n)
    return out


def violations(answer: Answer, plan_text: str, allowed: tuple[str, ...] = ()) -> list[str]:
    problems = [f"number {n} is in no fact and no quote" for n in unsupported_numbers(answer, allowed)]
    problems += [f"marker [{n}] points to no citation" for n in bad_markers(answer)]
    problems += [f"marker [{n}] is not supported by its quote" for n in unsupported_markers(answer)]
    problems += [f"quote is not verbatim in the plan: {c.quote[:30]}" for c in answer.citations if c.quote not in plan_text]
    return problems
