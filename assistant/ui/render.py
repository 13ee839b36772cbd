"""HTML of the chat column (the conversation, fact cards, source chips, clarify options) and the sources panel.

Everything that comes from a user or from the plan is escaped here; the page's JavaScript only reads `data-`
attributes. Accessible names (`aria-label`) are plain text built from the model, never from rendered HTML.
"""

from __future__ import annotations

import itertools
import re
from html import escape

from markdown_it import MarkdownIt

from assistant.models import Answer, Fact
from assistant.ui.passage import Mark, find_quote, heading_end, render_passage
from assistant.ui.state import ChatTurn, Conversation
from assistant.ui.text import (
    EXAMPLES,
    ROUTE_HINTS,
    ROUTE_LABELS,
    Places,
    answer_label,
    chapter_heading,
    citation_for,
    format_value,
    framing_parts,
    group_citations,
    option_question,
    place_label,
    plain_text,
    question_lang,
    section_heading,
    unique_facts,
)

# CommonMark without raw HTML, links or images: answers are text with lists and bold at most.
_MD = MarkdownIt("commonmark", {"html": False, "breaks": True}).disable(
    ["link", "image", "autolink", "html_inline", "html_block"])
_TAG_OR_TEXT = re.compile(r"(<[^>]+>)")
_MARKER = re.compile(r"\[(\d{1,3})\]")

_SVG = '<svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16"><path fill="currentColor" d="{}"/></svg>'
ICON_COPY = _SVG.format("M16 1H4a2 2 0 0 0-2 2v14h2V3h12V1zm3 4H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7"
                        "a2 2 0 0 0-2-2zm0 16H8V7h11v14z")
ICON_UP = _SVG.format("M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3a1.5 1.5 0 0 0-.4-1L13.2 1 6.6 7.6"
                      "A2 2 0 0 0 6 9v10a2 2 0 0 0 2 2h9a2 2 0 0 0 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z")
ICON_DOWN = _SVG.format("M22 3h-4v12h4V3zM2 14a2 2 0 0 0 2 2h6.3l-1 4.6v.3c0 .4.2.8.4 1.1l1.1 1 6.6-6.6A2 2 0 0 0 18 15"
                        "V5a2 2 0 0 0-2-2H7a2 2 0 0 0-1.8 1.2l-3 7.1c-.1.2-.2.5-.2.7v2z")


def attr(value: object) -> str:
    return escape(str(value), quote=True)


# ---------------------------------------------------------------- one answer


def answer_body(text: str, answer: Answer, turn: int) -> str:
    """The answer's Markdown as HTML, each valid [n] a button that selects source n."""
    html = _MD.render(text)
    n_cites = len(answer.citations)

    def marker(m: re.Match) -> str:
        n = int(m.group(1))
        if not 1 <= n <= n_cites:
            return m.group(0)
        c = answer.citations[n - 1]
        label = f"出处 {n}：{place_label(c.chapter, c.section)}"
        title = f"{label} {c.title}".strip()
        return (f'<button type="button" class="cite" data-turn="{turn}" data-n="{n}" aria-label="{attr(label)}" '
                f'title="{attr(title)}">[{n}]</button>')

    parts = _TAG_OR_TEXT.split(html)
    return "".join(p if p.startswith("<") else _MARKER.sub(marker, p) for p in parts)


def fact_card(f: Fact, answer: Answer, turn: int) -> str:
    pre, post = framing_parts(f.qualifier)
    value = format_value(f.value)
    n = citation_for(answer, f)
    place = place_label(f.chapter, f.section)
    framed = "".join(pre) + value + f.unit + "".join(post)
    label = f"{f.indicator}：{framed}，{place}"
    figure = "".join(f'<span class="fact-framing">{escape(p)}</span>' for p in pre)
    figure += f'<span class="fact-value">{escape(value)}</span><span class="fact-unit">{escape(f.unit)}</span>'
    figure += "".join(f'<span class="fact-framing">{escape(p)}</span>' for p in post)
    where = (f'<button type="button" class="chip fact-place" data-turn="{turn}" data-n="{n}" '
             f'aria-label="{attr(f"查看出处：{place}")}">{escape(place)}</button>' if n
             else f'<span class="fact-place">{escape(place)}</span>')
    return (f'<div class="fact" role="group" aria-label="{attr(label)}">'
            f'<div class="fact-name">{escape(f.indicator)}</div>'
            f'<div class="fact-figure">{figure}</div>{where}</div>')


def fact_cards(answer: Answer, turn: int) -> str:
    if answer.route == "clarify" or not answer.facts:
        return ""  # a clarify answer's figures are its options, not facts it states
    return f'<div class="facts">{"".join(fact_card(f, answer, turn) for f in unique_facts(answer.facts))}</div>'


def clarify_options(answer: Answer, question: str, turn: int) -> str:
    if answer.route != "clarify" or not answer.facts:
        return ""
    lang = question_lang(question)
    buttons = "".join(
        f'<button type="button" class="opt" data-ask="{attr(option_question(f, lang))}" '
        f'aria-label="{attr("询问：" + f.indicator)}">{escape(f.indicator)}</button>'
        for f in unique_facts(answer.facts))
    return f'<div class="options" role="group" aria-label="请选择一项 · Pick one">{buttons}</div>'


def source_chips(answer: Answer, places: Places, turn: int) -> str:
    """One chip per cited place (a list answer quoting one section eight times is one chip)."""
    if not answer.citations:
        return ""
    groups = group_citations(answer.citations)
    if answer.route != "clarify" and answer.facts:
        on_cards = {(f.chapter, f.section) for f in answer.facts if citation_for(answer, f)}
        if all((g.chapter, g.section) in on_cards for g in groups):
            return ""  # the fact cards already name (and link) every cited place
    chips = []
    for g in groups:
        heading = places.heading(g.doc, g.chapter, g.section, g.title)
        count = f'<span class="chip-count">{len(g.numbers)} 处</span>' if len(g.numbers) > 1 else ""
        chips.append(f'<button type="button" class="chip" data-turn="{turn}" data-n="{g.numbers[0]}" '
                     f'title="{attr(heading)}" aria-label="{attr("出处：" + heading)}">'
                     f'<span class="chip-place">{escape(g.label)}</span>'
                     f'<span class="chip-title">{escape(g.title if g.title != g.label else "")}</span>{count}</button>')
    return f'<div class="a-sources"><span class="a-sources-label">出处</span>{"".join(chips)}</div>'


def route_tag(route: str) -> str:
    return (f'<span class="route-tag route-{attr(route)}" title="{attr(ROUTE_HINTS.get(route, ""))}">'
            f'{escape(ROUTE_LABELS.get(route, route))}</span>')


def answer_foot(answer: Answer, rated: str, index: int, places: Places) -> str:
    def thumb(rating: str, label: str, icon: str) -> str:
        pressed = "true" if rated == rating else "false"
        return (f'<button type="button" class="act thumb thumb-{rating}" data-turn="{index}" data-rating="{rating}" '
                f'aria-pressed="{pressed}" aria-label="{label}" title="{label}">{icon}</button>')

    return (f'<div class="a-foot">{route_tag(answer.route)}<span class="a-actions">'
            f'<button type="button" class="act copy" data-copy="{attr(plain_text(answer, places))}" '
            f'aria-label="复制回答和出处 · Copy" title="复制回答和出处 · Copy">{ICON_COPY}<span>复制</span></button>'
            f'{thumb("up", "有帮助 · Helpful", ICON_UP)}{thumb("down", "有问题 · Not right", ICON_DOWN)}'
            f'</span></div>')


def turn_html(index: int, turn: ChatTurn, places: Places, rated: str = "") -> str:
    question = f'<div class="q"><p><span class="sr-only">问：</span>{escape(turn.question)}</p></div>'
    if turn.error:
        body = f'<div class="a a-error" role="alert"><p>{escape(turn.error)}</p></div>'
    elif turn.answer is None:
        body = ('<div class="a a-pending" aria-busy="true"><span class="dots" aria-hidden="true"><i></i><i></i><i></i>'
                '</span><span>正在查找计划原文… · Looking it up…</span></div>')
    else:
        a = turn.answer
        text = a.answer if turn.shown is None else turn.shown
        busy = ' aria-busy="true"' if turn.shown is not None else ""
        extras = ""
        if turn.shown is None:
            extras = (fact_cards(a, index) + clarify_options(a, turn.question, index)
                      + source_chips(a, places, index) + answer_foot(a, rated, index, places))
        body = (f'<article class="a route-{attr(a.route)}"{busy} aria-label="{attr(answer_label(a))}">'
                f'<div class="a-text">{answer_body(text, a, index)}</div>{extras}</article>')
    return f'<section class="turn" id="turn-{index}" data-turn="{index}">{question}{body}</section>'


def empty_chat() -> str:
    examples = "".join(f'<button type="button" class="opt" data-ask="{attr(q)}">{escape(q)}</button>' for q in EXAMPLES)
    return ('<div class="empty"><p>请输入关于《2026年二连浩特市国民经济和社会发展计划》的问题。回答会先给出结论，'
            '右侧（手机上在下方）显示所引用的原文。</p>'
            '<p class="en">Ask about the plan in Chinese or English; the quoted source appears beside the answer.</p>'
            f'<div class="options examples" role="group" aria-label="示例问题 · Examples">{examples}</div></div>')


def transcript_html(conv: Conversation, places: Places, ratings: dict[int, str] | None = None) -> str:
    """The conversation; `ratings` are the thumbs given ({turn index: "up" | "down"})."""
    ratings = ratings or {}
    busy = "true" if any(not t.done and not t.error for t in conv.turns) else "false"
    body = "".join(turn_html(i, t, places, ratings.get(i, "")) for i, t in enumerate(conv.turns)) or empty_chat()
    focus = str(len(conv.turns) - 1) if conv.turns else ""
    return (f'<div class="transcript" role="log" aria-label="对话记录 · Conversation" aria-busy="{busy}" '
            f'data-count="{len(conv.turns)}" data-focus="{focus}">{body}'
            f'<span class="sr-only copy-status" aria-live="polite"></span></div>')


# ---------------------------------------------------------------- the sources panel


def _panel(inner: str, conv: Conversation, extra: str = "") -> str:
    return (f'<div class="src-panel" data-reason="{attr(conv.select_reason)}" data-stamp="{conv.stamp}"{extra}>'
            f'<h2 class="src-title">出处 <span class="en">Sources</span></h2>{inner}</div>')


def sources_html(conv: Conversation, places: Places) -> str:
    if conv.selected is None:
        done = [t for t in conv.turns if t.done]
        note = ("这条回答没有引用计划原文。 · This answer quotes no source." if done else
                "提问后，这里显示回答所引用的那一节计划原文，引文以黄色标出；点击回答中的 [1] 或出处标签可切换。"
                "<span class=\"en\">The cited section of the plan appears here, with the quoted sentence "
                "highlighted.</span>")
        return _panel(f'<p class="src-empty">{note}</p>', conv)
    index, n = conv.selected
    turn = conv.turns[index]
    a = turn.answer
    c = a.citations[n - 1]
    groups = []
    for g in group_citations(a.citations):
        nums = "".join(
            f'<button type="button" class="src-chip{" current" if k == n else ""}" data-turn="{index}" data-n="{k}" '
            f'aria-pressed="{"true" if k == n else "false"}" aria-label="{attr(f"出处 {k}")}">{k}</button>'
            for k in g.numbers)
        heading = places.heading(g.doc, g.chapter, g.section, g.title)
        groups.append(f'<div class="src-group"><span class="src-place" title="{attr(heading)}">{escape(g.label)}'
                      f'</span><span class="src-nums">{nums}</span></div>')
    asked = f'<p class="src-for">第 {index + 1} 问：{escape(turn.question)}</p>'
    view = section_view(a, n, places)
    nav = f'<nav class="src-groups" aria-label="本回答的出处 · This answer\'s sources">{"".join(groups)}</nav>'
    return _panel(asked + nav + view, conv, f' data-turn="{index}" data-n="{n}" data-doc="{attr(c.doc)}"')


def section_view(a: Answer, n: int, places: Places) -> str:
    """The cited section under its real heading, its full text, every quote of this answer in it marked and
    quote n the current one."""
    c = a.citations[n - 1]
    doc = places.doc(c.doc)
    sec = places.section(c.doc, c.chapter, c.section)
    if doc is None or sec is None:
        return (f'<div class="src-view"><p class="src-path">{escape(place_label(c.chapter, c.section))} '
                f'{escape(c.title)}</p><blockquote class="src-quote"><mark class="cite current" id="current-mark">{escape(c.quote)}</mark>'
                '</blockquote></div>')
    found = find_quote(doc, c.quote, sec)
    note = ""
    if found and not (sec.start <= found[0] < sec.end):
        moved = doc.section_at(found[0])
        if moved is not None:
            note = f'<p class="src-note">引文位于 {escape(place_label(moved.chapter, moved.section))}。</p>'
            sec = moved
    elif not found:
        note = '<p class="src-note">未能在本节中定位这句引文。 · The quote was not found in this section.</p>'
    marks = []
    for k, other in enumerate(a.citations, 1):
        at = found if k == n else find_quote(doc, other.quote, sec)
        if at and sec.start <= at[0] < sec.end:
            marks.append(Mark(at[0], at[1], "cite", k, current=(k == n)))
    head_end = heading_end(doc, sec)
    sub = section_heading(sec)
    heading = (f'<p class="src-path"><span class="src-ch">{escape(chapter_heading(sec))}</span>'
               + (f'<span class="src-sec">{render_passage(doc, sec.start, head_end, marks, inline=True)}</span>'
                  if sub and head_end > sec.start else f'<span class="src-sec">{escape(sub)}</span>' if sub else "")
               + '</p>')
    body = render_passage(doc, head_end, sec.end, marks)
    open_btn = (f'<button type="button" class="src-open" data-doc="{attr(sec.doc)}" data-chapter="{attr(sec.chapter)}" '
                f'data-section="{attr(sec.section)}" data-n="{n}">在计划全文中查看 · Open in the full plan</button>')
    return (f'<div class="src-view">{heading}{note}<div class="src-text" tabindex="0" '
            f'aria-label="{attr("原文：" + place_label(sec.chapter, sec.section))}">{body}</div>{open_btn}</div>')


# ---------------------------------------------------------------- the line under the question box


_status_serial = itertools.count(1)


def status_html(message: str = "", kind: str = "error", refocus: bool = False) -> str:
    """The inline message line by the box (never an overlay): role=alert for problems, status for confirmations.
    `refocus` puts the cursor back in the box; each such line gets a new serial, so that the page acts on it
    even when the same message comes twice."""
    flag = f' data-refocus="{next(_status_serial)}"' if refocus else ""
    if not message:
        return f'<div class="status-line"{flag}></div>'
    role = "alert" if kind == "error" else "status"
    return f'<div class="status-line"{flag}><p class="status {attr(kind)}" role="{role}">{escape(message)}</p></div>'
