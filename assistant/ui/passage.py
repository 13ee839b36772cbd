"""Plan text as HTML: paragraphs, the plan's bold topic lead-ins (`**推动对外贸易提质增量。**`) as <strong>, and
quotes or search hits as <mark>. Offsets are into `ParsedDoc.text`, so a mark is exactly the quoted characters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from assistant.models import ParsedDoc, Section

_BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)
_BREAK = re.compile(r"\s*\n\s*")


@dataclass(frozen=True)
class Mark:
    """A highlighted range of the plan text (absolute offsets)."""

    start: int
    end: int
    kind: str = "cite"  # cite (a quote of the answer) | hit (a search match)
    n: int = 0  # the citation number, for kind=cite
    current: bool = False  # the one the reader selected


def find_quote(doc: ParsedDoc, quote: str, sec: Section | None) -> tuple[int, int] | None:
    """Where a quote sits: inside its cited section first, else anywhere in the document."""
    if not quote:
        return None
    if sec is not None:
        at = doc.text.find(quote, sec.start, sec.end)
        if at >= 0:
            return at, at + len(quote)
    at = doc.text.find(quote)
    return (at, at + len(quote)) if at >= 0 else None


def heading_end(doc: ParsedDoc, sec: Section) -> int:
    """End offset of the section's own heading sentence at the start of its text (`（一）精修…边城。`), or
    `sec.start` when the text starts without one (总体要求, chapter 六)."""
    if not sec.section:
        return sec.start
    text = doc.text[sec.start:sec.end]
    head = f"{sec.section}{sec.section_title}"
    if not text.startswith(head):
        return sec.start
    end = len(head)
    while end < len(text) and text[end] in "。：:；":
        end += 1
    return sec.start + end


def _mark_open(m: Mark, ids: bool) -> str:
    cls = f"{m.kind}{' current' if m.current else ''}"
    attrs = f' class="{cls}"'
    if m.kind == "cite":
        attrs += f' data-n="{m.n}"'
        if ids and m.current:
            attrs += ' id="current-mark"'
    return f"<mark{attrs}>"


def render_passage(doc: ParsedDoc, start: int, end: int, marks: list[Mark] | tuple[Mark, ...] = (),
                   inline: bool = False, ids: bool = True) -> str:
    """HTML for doc.text[start:end]: one <p> per paragraph (or inline content when `inline`), bold lead-ins as
    <strong>, and each mark as one <mark> per contiguous run. The `**` markers themselves are not shown."""
    text = doc.text[start:end]
    n = len(text)
    bold = bytearray(n)
    hidden = bytearray(n)
    for m in _BOLD.finditer(text):
        for i in (m.start(), m.start() + 1, m.end() - 2, m.end() - 1):
            hidden[i] = 1
        for i in range(m.start(1), m.end(1)):
            bold[i] = 1
    mark_at: list[Mark | None] = [None] * n
    for mk in sorted(marks, key=lambda m: (not m.current, m.start)):  # the selected quote wins an overlap
        for i in range(max(mk.start, start) - start, min(mk.end, end) - start):
            if mark_at[i] is None:
                mark_at[i] = mk
    breaks = bytearray(n)
    for m in _BREAK.finditer(text):
        if "\n" in m.group(0):
            for i in range(m.start(), m.end()):
                breaks[i] = 1

    out: list[str] = []
    cur_mark: Mark | None = None
    in_bold = False
    para_open = False

    def close_inline() -> None:
        nonlocal cur_mark, in_bold
        if in_bold:
            out.append("</strong>")
            in_bold = False
        if cur_mark is not None:
            out.append("</mark>")
            cur_mark = None

    for i, ch in enumerate(text):
        if breaks[i]:
            if para_open:
                close_inline()
                out.append("</p>" if not inline else "<br>")
                para_open = False
            continue
        if hidden[i]:
            continue
        if not para_open:
            out.append("<p>" if not inline else "")
            para_open = True
        mk = mark_at[i]
        if mk is not cur_mark:
            close_inline()
            if mk is not None:
                out.append(_mark_open(mk, ids))
                cur_mark = mk
        if bool(bold[i]) != in_bold:
            out.append("<strong>" if bold[i] else "</strong>")
            in_bold = bool(bold[i])
        out.append(escape(ch, quote=False))
    if para_open:
        close_inline()
        out.append("</p>" if not inline else "")
    return "".join(out)


def visible_text(doc: ParsedDoc, start: int, end: int) -> str:
    """doc.text[start:end] as render_passage shows it: without the `**` markers."""
    return _BOLD.sub(r"\1", doc.text[start:end])
