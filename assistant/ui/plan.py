"""The 计划全文 tab: the whole plan, a table of contents by chapter and section, search, and a place a source chip
opens (the section scrolled to, its quote marked)."""

from __future__ import annotations

import re
from html import escape

from assistant.models import ParsedDoc, Section
from assistant.ui.passage import Mark, find_quote, heading_end, render_passage, visible_text
from assistant.ui.text import chapter_heading, place_label, section_heading

MAX_QUERY_CHARS = 100


def section_id(doc: ParsedDoc, sec: Section) -> str:
    """An ASCII element id for a section (`plan-erenhot-2026-s4`): stable for one parse of the plan."""
    return f"plan-{re.sub(r'[^A-Za-z0-9_-]', '-', doc.doc)}-s{doc.sections.index(sec)}"


def search_hits(doc: ParsedDoc, query: str) -> list[tuple[int, int]]:
    """Every occurrence of the query in the plan as shown (case-insensitive for Latin letters)."""
    query = query.strip()[:MAX_QUERY_CHARS]
    if not query:
        return []
    text = doc.text.lower()
    q = query.lower()
    hits, at = [], text.find(q)
    while at >= 0:
        hits.append((at, at + len(q)))
        at = text.find(q, at + len(q))
    return hits


def toc_html(doc: ParsedDoc) -> str:
    items = []
    for ch in doc.chapters:
        secs = [s for s in ch.sections if s.section]
        first = ch.sections[0] if ch.sections else None
        if first is None:
            continue
        label = chapter_heading(first)
        sub = "".join(f'<li><a href="#{section_id(doc, s)}" data-target="{section_id(doc, s)}">'
                      f'{escape(section_heading(s))}</a></li>' for s in secs)
        sid = section_id(doc, first)
        items.append(f'<li><a href="#{sid}" data-target="{sid}">{escape(label)}</a>'
                     + (f"<ol>{sub}</ol>" if sub else "") + "</li>")
    return f'<nav class="plan-toc" aria-label="目录 · Contents"><h2>目录</h2><ol>{"".join(items)}</ol></nav>'


def plan_html(doc: ParsedDoc, query: str = "", focus: tuple[str, str] | None = None, quote: str = "",
              stamp: int = 0) -> str:
    """The whole plan. `query` marks its matches and lists where they are; `focus` (chapter, section) is the
    place to scroll to, with `quote` marked in it."""
    hits = search_hits(doc, query)
    marks = [Mark(s, e, "hit") for s, e in hits]
    focus_id = ""
    if focus is not None:
        sec = doc.section(*focus)
        if sec is not None:
            focus_id = section_id(doc, sec)
            at = find_quote(doc, quote, sec)
            if at:
                marks.append(Mark(at[0], at[1], "cite", 1, current=True))
    summary = ""
    if query.strip():
        where: dict[str, tuple[str, int]] = {}
        for s, _ in hits:
            sec = doc.section_at(s)
            if sec is not None:
                sid = section_id(doc, sec)
                label, count = where.get(sid, (place_label(sec.chapter, sec.section), 0))
                where[sid] = (label, count + 1)
        q = escape(query.strip()[:MAX_QUERY_CHARS])
        if hits:
            links = "".join(f'<a href="#{sid}" data-target="{sid}" class="hit-link">{escape(label)}'
                            f'<span class="chip-count">{count}</span></a>' for sid, (label, count) in where.items())
            summary = (f'<div class="plan-hits" role="status"><p>“{q}”共 {len(hits)} 处 · {len(hits)} match(es)</p>'
                       f'<div class="hit-links">{links}</div></div>')
        else:
            summary = f'<div class="plan-hits" role="status"><p>计划中没有“{q}”。 · No match in the plan.</p></div>'

    parts = []
    for ch in doc.chapters:
        if not ch.sections:
            continue
        first = ch.sections[0]
        secs_html = []
        for sec in ch.sections:
            sid = section_id(doc, sec)
            head_end = heading_end(doc, sec)
            head = (f'<h4 class="plan-sec-head">{render_passage(doc, sec.start, head_end, marks, inline=True)}</h4>'
                    if head_end > sec.start else "")
            cls = "plan-section focus" if sid == focus_id else "plan-section"
            text = render_passage(doc, head_end, sec.end, marks)
            secs_html.append(f'<section id="{sid}" class="{cls}" tabindex="-1" data-chapter="{escape(sec.chapter)}" '
                             f'data-section="{escape(sec.section)}" '
                             f'aria-label="{escape(place_label(sec.chapter, sec.section))}">'
                             f'{head}<div class="plan-text">{text}</div></section>')
        parts.append(f'<section class="plan-chapter"><h3>{escape(chapter_heading(first))}</h3>'
                     f'{"".join(secs_html)}</section>')
    focus_attr = f' data-focus="{focus_id}:{stamp}"' if focus_id else ""
    first_hit = f' data-first-hit="{stamp}"' if hits and not focus_id else ""
    return (f'<div class="plan"{focus_attr}{first_hit}>{toc_html(doc)}<div class="plan-body">'
            f'<header class="plan-header"><h2>{escape(doc.title)}</h2></header>{summary}{"".join(parts)}</div></div>')


def plain_plan(doc: ParsedDoc) -> str:
    """The plan text as the tab shows it (no `**` markers); for tests and for Ctrl-F expectations."""
    return visible_text(doc, 0, len(doc.text))
