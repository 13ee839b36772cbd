"""parse: plan text → `ParsedDoc`, a tree of notice, preamble, chapters, sections, topics, sentences.

Written for the genre (Chinese annual development plans), not for one file:
- a notice in front (`…的通知` … issuer, date, `（此件公开发布）`), then the plan's title lines;
- a preamble (`总体要求`) before the first chapter;
- chapters `一、…` on a line of their own; sections open a paragraph with `（一）title。`;
- bold lead-in topics `**…。**` inside sections.
Page breaks left blank lines inside sentences (`内蒙` / `古`); they are joined before anything else, so
every offset, chunk and quote refers to the repaired text.
"""

from __future__ import annotations

import re

from assistant.errors import DocumentError
from assistant.models import Chapter, Paragraph, ParsedDoc, Section, Span

CN_NUM = "一二三四五六七八九十"
CHAPTER_RE = re.compile(rf"^([{CN_NUM}]+)、(\S.*)$")
SECTION_RE = re.compile(rf"^(（[{CN_NUM}]+）)([^。！？]+)[。！？]?")
TOPIC_RE = re.compile(r"\*\*(.+?)\*\*")
DATE_LINE_RE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
SENTENCE_END = "。！？；"
# A line that ends a sentence or a heading-like unit; a blank line after anything else is a page break.
TERMINAL = "。！？；：…”’」』）)】"
PREAMBLE = "总体要求"
NOTICE = "通知"


def repair_page_breaks(text: str) -> tuple[str, tuple[int, ...]]:
    """Join the blank lines a page break left inside a sentence; return the text and the join offsets.

    A gap is a page break when the line before it is body text (long, or holding a full stop or comma)
    that does not end a sentence, and neither side is a heading. Titles and headings keep their breaks.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    repairs: list[int] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        gap = j - i - 1
        if (
            gap >= 1
            and j < len(lines)
            and _is_body(line)
            and not _is_chapter_heading(line)
            and not _is_heading(lines[j])
            and not line.rstrip().endswith(tuple(TERMINAL))
        ):
            lines[j] = line.rstrip() + lines[j].lstrip()
            repairs.append(sum(len(x) + 1 for x in out) + len(line.rstrip()))
            i = j
            continue
        out.append(line)
        i += 1
    return "\n".join(out), tuple(repairs)


def _is_body(line: str) -> bool:
    s = line.strip()
    return len(s) >= 40 or "。" in s or ("，" in s and len(s) >= 20)


def _is_chapter_heading(line: str) -> bool:
    s = line.strip()
    return bool(CHAPTER_RE.match(s) and "。" not in s)


def _is_heading(line: str) -> bool:
    return _is_chapter_heading(line) or bool(re.match(rf"^（[{CN_NUM}]+）", line.strip()))


def _sentences(text: str, base: int) -> tuple[Span, ...]:
    """Split at 。！？； outside bold markers; spans never contain `**`, so quotes read as plain text."""
    spans: list[Span] = []
    pos = 0
    pieces = re.split(r"(\*\*)", text)
    for piece in pieces:
        if piece == "**":
            pos += 2
            continue
        for m in re.finditer(rf"[^{SENTENCE_END}]*[{SENTENCE_END}]|[^{SENTENCE_END}]+$", piece):
            seg = m.group(0)
            lead = len(seg) - len(seg.lstrip())
            body = seg.strip()
            if body:
                s = base + pos + m.start() + lead
                spans.append(Span(text=body, start=s, end=s + len(body)))
        pos += len(piece)
    return tuple(spans)


def _paragraphs(text: str, start: int, end: int, skip_until: int) -> tuple[tuple[Paragraph, ...], tuple[Span, ...]]:
    """Paragraph parts of one section, cut at each bold topic; returns (paragraphs, topics)."""
    paras: list[Paragraph] = []
    topics: list[Span] = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        p_start, p_end = start + m.start(), start + m.end()
        if p_end <= skip_until:
            continue
        p_start = max(p_start, skip_until)
        body = text[p_start:p_end]
        cuts = [(p_start, "")]
        for t in TOPIC_RE.finditer(body):
            title = t.group(1)
            t_start = p_start + t.start(1)
            topics.append(Span(text=title, start=t_start, end=t_start + len(title)))
            cuts.append((p_start + t.start(), title.rstrip("。：:")))
        cuts.append((p_end, ""))
        for (a, topic), (b, _) in zip(cuts, cuts[1:]):
            sents = _sentences(text[a:b], a)
            if sents:
                paras.append(Paragraph(start=sents[0].start, end=sents[-1].end, topic=topic, sentences=sents))
    return tuple(paras), tuple(topics)


def parse_plan(raw: str, doc: str, title: str = "", year: int = 0) -> ParsedDoc:
    """Parse one plan. Raises DocumentError when the text has none of the genre's structure."""
    if not raw.strip():
        raise DocumentError(f"{doc}: the document is empty")
    text, repairs = repair_page_breaks(raw)
    lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", text)]
    warnings: list[str] = []

    chapter_starts = [(off, CHAPTER_RE.match(ln.strip())) for off, ln in lines]
    chapter_starts = [(off, m) for off, m in chapter_starts if m and "。" not in m.group(0)]
    if not chapter_starts:
        raise DocumentError(f"{doc}: no chapter headings (一、…) found; is this a development plan?")

    chapters: list[Chapter] = []
    body_start = 0
    notice_end, plan_title = _notice(lines)
    if notice_end:
        chapters.append(_flat_chapter(text, doc, NOTICE, NOTICE, lines[0][0], notice_end))
        body_start = notice_end
    preamble_start = _after_title(lines, body_start)
    if preamble_start < chapter_starts[0][0]:
        chapters.append(_flat_chapter(text, doc, PREAMBLE, PREAMBLE, preamble_start, chapter_starts[0][0]))
    else:
        warnings.append("no preamble (总体要求) before chapter 一")

    bounds = [off for off, _ in chapter_starts] + [len(text.rstrip())]
    for (off, m), end in zip(chapter_starts, bounds[1:]):
        chapters.append(_chapter(text, doc, m.group(1), m.group(2).strip(), off, end, warnings))

    return ParsedDoc(doc=doc, title=title or plan_title, year=year, text=text, chapters=tuple(chapters),
                     repairs=repairs, warnings=tuple(warnings))


def _notice(lines: list[tuple[int, str]]) -> tuple[int, str]:
    """(end offset of the notice or 0, the plan title found after it)."""
    if not lines or not lines[0][1].strip().endswith(NOTICE):
        return 0, ""
    end = 0
    for off, ln in lines[:15]:
        s = ln.strip()
        if DATE_LINE_RE.match(s) or (s.startswith("（") and s.endswith("）") and end):
            end = off + len(ln)
        elif end:
            break
    title = ""
    if end:
        title_lines = [ln.strip() for off, ln in lines if off >= end][:3]
        title = "".join(t for t in title_lines if not _is_body(t) and not _is_heading(t))
    return end, title


def _after_title(lines: list[tuple[int, str]], after: int) -> int:
    """Skip the short, unpunctuated title lines that precede the preamble."""
    for off, ln in lines:
        if off < after:
            continue
        if _is_body(ln) or _is_heading(ln):
            return off
    return after


def _flat_chapter(text: str, doc: str, chapter: str, title: str, start: int, end: int) -> Chapter:
    start = start + len(text[start:end]) - len(text[start:end].lstrip())
    end = start + len(text[start:end].rstrip())
    paras, topics = _paragraphs(text, start, end, start)
    sec = Section(doc=doc, chapter=chapter, chapter_title=title, section="", section_title="",
                  start=start, end=end, topics=topics, paragraphs=paras)
    return Chapter(chapter=chapter, title=title, start=start, end=end, sections=(sec,))


def _chapter(text: str, doc: str, number: str, title: str, start: int, end: int, warnings: list[str]) -> Chapter:
    heading_end = text.index("\n", start) if "\n" in text[start:end] else end
    body = [(heading_end + m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", text[heading_end:end])]
    sec_starts = [(off, SECTION_RE.match(ln)) for off, ln in body]
    sec_starts = [(off, m) for off, m in sec_starts if m]
    sections: list[Section] = []
    if not sec_starts:
        if not body:
            warnings.append(f"chapter {number} has no text")
        else:
            start_body = body[0][0]
            paras, topics = _paragraphs(text, start_body, end, start_body)
            sections.append(Section(doc=doc, chapter=number, chapter_title=title, section="", section_title="",
                                    start=start_body, end=body[-1][0] + len(body[-1][1]), topics=topics,
                                    paragraphs=paras))
    else:
        if body and body[0][0] < sec_starts[0][0]:
            lead_end = sec_starts[0][0]
            paras, topics = _paragraphs(text, body[0][0], lead_end, body[0][0])
            sections.append(Section(doc=doc, chapter=number, chapter_title=title, section="", section_title="",
                                    start=body[0][0], end=lead_end, topics=topics, paragraphs=paras))
        ends = [off for off, _ in sec_starts[1:]] + [end]
        for (off, m), s_end in zip(sec_starts, ends):
            s_end = off + len(text[off:s_end].rstrip())
            paras, topics = _paragraphs(text, off, s_end, off + len(m.group(1)))
            sections.append(Section(doc=doc, chapter=number, chapter_title=title, section=m.group(1),
                                    section_title=m.group(2).strip(), start=off, end=s_end, topics=topics,
                                    paragraphs=paras))
    return Chapter(chapter=number, title=title, start=start, end=end, sections=tuple(sections))
