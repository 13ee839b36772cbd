"""parse: document text → `ParsedDoc`, a tree of front matter, chapters, sections, topics, sentences.

Written for the genre (Chinese government plans and reports), not for one file:
- leading `#` lines are a comment about the file (the synthetic test fixtures say so there), not text;
- a notice in front (`…的通知` … issuer, date, `（此件公开发布）`), or none; the title on one or several lines;
- what stands before chapter 一 is one flat part: a plan's preamble (`总体要求`), a report's opening (`前言`:
  the `——…在…会议上` line, the issuer, `各位代表：`), or nothing;
- chapters `一、…` on a line of their own; sections open a paragraph with `（一）title。` (or stand alone);
- inside sections, sub-headings `1.` and `（1）` open a paragraph: kept as structure on the paragraphs
  (a citation still names chapter and section), never as citation places;
- bold lead-in topics `**…。**`, or none.
A chapter or section heading that names a year (`一、2025年计划执行情况`) sets the period its figures are for.
Page breaks left blank lines inside sentences (`内蒙` / `古`); they are joined before anything else, so
every offset, chunk and quote refers to the repaired text.
"""

from __future__ import annotations

import re

from assistant.errors import DocumentError
from assistant.models import Chapter, Genre, Paragraph, ParsedDoc, Section, Span

CN_NUM = "一二三四五六七八九十"
CHAPTER_RE = re.compile(rf"^([{CN_NUM}]+)、(\S.*)$")
SECTION_RE = re.compile(rf"^(（[{CN_NUM}]+）)([^。！？]+)[。！？]?")
# Sub-levels: 1. / 1． / 1、 (not 1.5), then （1）. Matched at a paragraph's start (after an optional `**`).
SUB_RE = re.compile(r"(\d{1,2}[.．、](?!\d)|（\d{1,2}）)\s*([^。！？*]*)")
TOPIC_RE = re.compile(r"\*\*(.+?)\*\*")
CN_DIGIT = "〇零一二三四五六七八九十"
DATE_LINE_RE = re.compile(rf"^[\d{CN_DIGIT}]{{4}}年[\d{CN_DIGIT}]{{1,2}}月[\d{CN_DIGIT}]{{1,3}}日$")
YEAR_RE = re.compile(r"((?:19|20)\d\d)年")
SENTENCE_END = "。！？；"
# A line that ends a sentence or a heading-like unit; a blank line after anything else is a page break.
TERMINAL = "。！？；：…”’」』）)】"
BYLINE = ("——", "—")  # ——2026年1月8日在市第十六届人民代表大会第五次会议上
NOTICE = "通知"
PREAMBLE: dict[str, str] = {"plan": "总体要求", "report": "前言", "work_report": "前言"}
COMMENT = "#"


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
    if s.startswith(BYLINE) or s.startswith(COMMENT):
        return False
    return len(s) >= 40 or "。" in s or ("，" in s and len(s) >= 20)


def _is_chapter_heading(line: str) -> bool:
    s = line.strip()
    return bool(CHAPTER_RE.match(s) and "。" not in s)


def _sub_match(line: str, pos: int = 0) -> re.Match | None:
    pos += 2 if line.startswith("**", pos) else 0
    return SUB_RE.match(line, pos)


def _is_heading(line: str) -> bool:
    s = line.strip()
    return _is_chapter_heading(s) or bool(re.match(rf"^（[{CN_NUM}]+）", s)) or bool(_sub_match(s))


def _year_of(heading: str) -> str:
    m = YEAR_RE.search(heading)
    return m.group(1) if m else ""


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


class _Parts:
    """What `_paragraphs` found in one section: paragraph parts, bold topics, sub-headings."""

    def __init__(self) -> None:
        self.paragraphs: list[Paragraph] = []
        self.topics: list[Span] = []
        self.subheadings: list[Span] = []


def _paragraphs(text: str, start: int, end: int, skip_until: int) -> _Parts:
    """Paragraph parts of one section, cut at each bold topic; each knows the sub-heading it sits under."""
    parts = _Parts()
    subs: list[tuple[int, str, str]] = []  # open sub-headings: (level, number, title)
    for m in re.finditer(r"[^\n]+", text[start:end]):
        p_start, p_end = start + m.start(), start + m.end()
        if p_end <= skip_until:
            continue
        p_start = max(p_start, skip_until)
        body = text[p_start:p_end]
        sm = _sub_match(body)
        if sm:
            number, title = sm.group(1), sm.group(2).strip()
            level = 3 if number[0].isdigit() else 4
            subs = [s for s in subs if s[0] < level] + [(level, number, title)]
            head_start = p_start + sm.start(1)
            parts.subheadings.append(Span(text=text[head_start:p_start + sm.end()].rstrip(), start=head_start,
                                          end=head_start + len(text[head_start:p_start + sm.end()].rstrip())))
            if not body.startswith("**"):  # the number is structure; the title is the first sentence
                p_start += sm.start(2)
                body = text[p_start:p_end]
        sub = "".join(n for _, n, _ in subs)
        sub_title = subs[-1][2] if subs else ""
        cuts = [(p_start, "")]
        for t in TOPIC_RE.finditer(body):
            title = t.group(1)
            t_start = p_start + t.start(1)
            parts.topics.append(Span(text=title, start=t_start, end=t_start + len(title)))
            cuts.append((p_start + t.start(), title.rstrip("。：:")))
        cuts.append((p_end, ""))
        for (a, topic), (b, _) in zip(cuts, cuts[1:]):
            sents = _sentences(text[a:b], a)
            if sents:
                parts.paragraphs.append(Paragraph(start=sents[0].start, end=sents[-1].end, topic=topic,
                                                  sentences=sents, sub=sub, sub_title=sub_title))
    return parts


def parse_plan(raw: str, doc: str, title: str = "", year: int = 0, genre: Genre = "plan",
               date: str = "") -> ParsedDoc:
    """Parse one document of the genre. Raises DocumentError when the text has none of its structure."""
    if not raw.strip():
        raise DocumentError(f"{doc}: the document is empty")
    text, repairs = repair_page_breaks(raw)
    lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
    while lines and lines[0][1].lstrip().startswith(COMMENT):
        lines.pop(0)
    if not lines:
        raise DocumentError(f"{doc}: the document is empty")
    warnings: list[str] = []
    period = str(year) if year else ""

    chapter_starts = [(off, CHAPTER_RE.match(ln.strip())) for off, ln in lines]
    chapter_starts = [(off, m) for off, m in chapter_starts if m and "。" not in m.group(0)]
    if not chapter_starts:
        raise DocumentError(f"{doc}: no chapter headings (一、…) found; is this a development plan or report?")

    chapters: list[Chapter] = []
    body_start = lines[0][0]
    notice_end = _notice(lines)
    if notice_end:
        chapters.append(_flat_chapter(text, doc, NOTICE, NOTICE, lines[0][0], notice_end, period))
        body_start = notice_end
    preamble_start, text_title = _title(lines, body_start)
    front = PREAMBLE.get(genre, PREAMBLE["plan"])
    if preamble_start < chapter_starts[0][0]:
        chapters.append(_flat_chapter(text, doc, front, front, preamble_start, chapter_starts[0][0], period))
    else:
        warnings.append(f"no preamble ({front}) before chapter 一")

    bounds = [off for off, _ in chapter_starts] + [len(text.rstrip())]
    for (off, m), end in zip(chapter_starts, bounds[1:]):
        heading = m.group(2).strip()
        chapters.append(_chapter(text, doc, m.group(1), heading, off, end, _year_of(heading) or period, warnings))

    return ParsedDoc(doc=doc, title=title or text_title, year=year, genre=genre, date=date, text=text,
                     chapters=tuple(chapters), repairs=repairs, warnings=tuple(warnings))


def _notice(lines: list[tuple[int, str]]) -> int:
    """End offset of the notice in front (`…的通知` within the first lines, up to its date), or 0."""
    if not any(ln.strip().endswith(NOTICE) for _, ln in lines[:3]):
        return 0
    end = 0
    for off, ln in lines[:15]:
        s = ln.strip()
        if DATE_LINE_RE.match(s) or (s.startswith("（") and s.endswith("）") and end):
            end = off + len(ln)
        elif end:
            break
    return end


def _is_title_line(line: str) -> bool:
    """Short and unpunctuated: a title line, not a byline (——…), salutation (各位代表：) or dated line."""
    s = line.strip()
    return not (_is_body(s) or _is_heading(s) or s.startswith(BYLINE) or s.startswith("（") or s.endswith(("：", ":"))
                or DATE_LINE_RE.match(s) or s.startswith(COMMENT))


def _title(lines: list[tuple[int, str]], after: int) -> tuple[int, str]:
    """(where the text after the title begins, the title's lines joined)."""
    title: list[str] = []
    for off, ln in lines:
        if off < after:
            continue
        if not _is_title_line(ln):
            return off, "".join(title)
        title.append(ln.strip())
    return after, "".join(title)


def _flat_chapter(text: str, doc: str, chapter: str, title: str, start: int, end: int, period: str) -> Chapter:
    start = start + len(text[start:end]) - len(text[start:end].lstrip())
    end = start + len(text[start:end].rstrip())
    parts = _paragraphs(text, start, end, start)
    sec = _section(doc, chapter, title, "", "", start, end, parts, period)
    return Chapter(chapter=chapter, title=title, start=start, end=end, sections=(sec,))


def _section(doc: str, chapter: str, chapter_title: str, section: str, section_title: str, start: int, end: int,
             parts: _Parts, period: str) -> Section:
    return Section(doc=doc, chapter=chapter, chapter_title=chapter_title, section=section,
                   section_title=section_title, start=start, end=end, topics=tuple(parts.topics),
                   paragraphs=tuple(parts.paragraphs), subheadings=tuple(parts.subheadings), period=period)


def _chapter(text: str, doc: str, number: str, title: str, start: int, end: int, period: str,
             warnings: list[str]) -> Chapter:
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
            parts = _paragraphs(text, start_body, end, start_body)
            sections.append(_section(doc, number, title, "", "", start_body, body[-1][0] + len(body[-1][1]),
                                     parts, period))
    else:
        if body and body[0][0] < sec_starts[0][0]:
            lead_end = sec_starts[0][0]
            parts = _paragraphs(text, body[0][0], lead_end, body[0][0])
            sections.append(_section(doc, number, title, "", "", body[0][0], lead_end, parts, period))
        ends = [off for off, _ in sec_starts[1:]] + [end]
        for (off, m), s_end in zip(sec_starts, ends):
            s_end = off + len(text[off:s_end].rstrip())
            parts = _paragraphs(text, off, s_end, off + len(m.group(1)))
            sec_title = m.group(2).strip()
            sections.append(_section(doc, number, title, m.group(1), sec_title, off, s_end, parts,
                                     _year_of(sec_title) or period))
    return Chapter(chapter=number, title=title, start=start, end=end, sections=tuple(sections))
