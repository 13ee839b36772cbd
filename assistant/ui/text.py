"""Plain-text pieces of the staff chat: staff words for routes, places and framings, the messages for bad input,
the clean text that Copy puts on the clipboard, the Markdown export, and where a streamed answer may be cut.
No HTML here (render.py) and no Gradio."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from assistant.errors import InvalidQuestion
from assistant.models import Answer, Citation, Fact, ParsedDoc, Section
from assistant.question import validate_question

TITLE = "二连浩特市2026年国民经济和社会发展计划 · 问答助手"
SUBTITLE = "Staff Q&A over Erenhot's 2026 economic and social development plan — every answer cites the plan verbatim."

# Staff words for where an answer comes from (the route names are system words).
ROUTE_LABELS = {
    "target": "出自指标表",
    "retrieval": "出自计划原文",
    "clarify": "需要澄清",
    "refusal": "计划未涉及",
    "smalltalk": "助手说明",
}
ROUTE_HINTS = {
    "target": "数字取自计划的目标表，并附原文出处 · Figure from the plan's target table",
    "retrieval": "回答摘自计划原文 · Quoted from the plan's text",
    "clarify": "问题对应多项内容，请选择 · Several items fit; pick one",
    "refusal": "计划中没有相关内容 · The plan does not cover this",
    "smalltalk": "助手的说明，不涉及计划内容 · About the assistant, not from the plan",
}
EXAMPLES = (
    "今年固定资产投资计划增长多少？",
    "土默特街改造在哪一部分？",
    "风电项目有哪些？",
    "增速目标是多少？",
    "What is the GDP growth target?",
)
# Framing words the plan writes after the figure (6%左右); the others come before it (力争突破460亿元).
POST_FRAMING = ("左右", "以上", "以内", "以下")
_NUMERALS = "一二三四五六七八九十"


# ---------------------------------------------------------------- places


def chapter_label(chapter: str) -> str:
    """`第五章`; the unnumbered parts (通知, 总体要求) go by their name."""
    if not chapter or chapter in ("通知", "总体要求") or not all(ch in _NUMERALS for ch in chapter):
        return chapter
    return f"第{chapter}章"


def place_label(chapter: str, section: str = "") -> str:
    """Short place: `第五章（一）`, `第六章`, `总体要求`."""
    return chapter_label(chapter) + (section or "")


def chapter_heading(sec: Section) -> str:
    """`第五章 完善城乡功能品质，焕发城乡融合发展新气象`; `总体要求`; the notice's own title."""
    if sec.chapter in ("通知", "总体要求"):
        return sec.chapter_title or sec.chapter
    return f"{chapter_label(sec.chapter)} {sec.chapter_title}".strip()


def section_heading(sec: Section) -> str:
    """`（一）精修城市功能品质，打造宜居宜业边城`, or "" for a chapter without sections."""
    return f"{sec.section}{sec.section_title}" if sec.section else ""


def full_heading(sec: Section) -> str:
    return " · ".join(p for p in (chapter_heading(sec), section_heading(sec)) if p)


class Places:
    """Looks up the parsed section a citation or fact names, across the loaded documents."""

    def __init__(self, docs: tuple[ParsedDoc, ...] | list[ParsedDoc]):
        self.docs = {d.doc: d for d in docs}

    def doc(self, doc_id: str) -> ParsedDoc | None:
        return self.docs.get(doc_id) or (next(iter(self.docs.values())) if len(self.docs) == 1 else None)

    def section(self, doc_id: str, chapter: str, section: str) -> Section | None:
        d = self.doc(doc_id)
        return d.section(chapter, section) if d else None

    def heading(self, doc_id: str, chapter: str, section: str, fallback_title: str = "") -> str:
        sec = self.section(doc_id, chapter, section)
        if sec is not None:
            return full_heading(sec)
        return " ".join(p for p in (place_label(chapter, section), fallback_title) if p)


# ---------------------------------------------------------------- figures


def format_value(value: float | int | str) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def framing_parts(qualifier: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(words before the figure, words after it): `力争…突破` → (力争, 突破), (); `左右` → (), (左右);
    `力争…以上` → (力争,), (以上,). The parts are CONTRACT.md's notation split on `…`."""
    parts = [p for p in qualifier.split("…") if p]
    pre, post = [], []
    for p in parts:
        tail = next((w for w in POST_FRAMING if p.endswith(w) and p != w), None)
        if p in POST_FRAMING:
            post.append(p)
        elif tail:  # 力争以上 written without the `…`
            pre.append(p[: -len(tail)])
            post.append(tail)
        else:
            pre.append(p)
    return tuple(pre), tuple(post)


def framed_figure(f: Fact) -> str:
    """The figure as the plan frames it: `10%左右`, `力争突破15亿元`, `力争10%以上`."""
    pre, post = framing_parts(f.qualifier)
    return "".join(pre) + format_value(f.value) + f.unit + "".join(post)


def fact_key(f: Fact) -> tuple:
    return (f.doc, f.indicator, format_value(f.value), f.unit, f.qualifier)


def unique_facts(facts: tuple[Fact, ...]) -> list[Fact]:
    """Each figure once, in the answer's order."""
    seen, out = set(), []
    for f in facts:
        if fact_key(f) not in seen:
            seen.add(fact_key(f))
            out.append(f)
    return out


def citation_for(answer: Answer, f: Fact) -> int | None:
    """The [n] of the citation that quotes this fact's sentence (1-based), if the answer cites it."""
    for n, c in enumerate(answer.citations, 1):
        if c.quote == f.quote or (c.chapter, c.section) == (f.chapter, f.section) and f.quote in c.quote:
            return n
    for n, c in enumerate(answer.citations, 1):
        if (c.chapter, c.section) == (f.chapter, f.section):
            return n
    return None


# ---------------------------------------------------------------- citations grouped by place


@dataclass(frozen=True)
class PlaceGroup:
    doc: str
    chapter: str
    section: str
    title: str
    numbers: tuple[int, ...]  # the [n] of each citation in this place

    @property
    def label(self) -> str:
        return place_label(self.chapter, self.section)


def group_citations(citations: tuple[Citation, ...]) -> list[PlaceGroup]:
    """One group per cited place, in order of first citation: a list answer quoting one section 8 times is one
    place with 8 numbers, not 8 lines."""
    order: dict[tuple[str, str, str], list[int]] = {}
    titles: dict[tuple[str, str, str], str] = {}
    for n, c in enumerate(citations, 1):
        key = (c.doc, c.chapter, c.section)
        order.setdefault(key, []).append(n)
        titles.setdefault(key, c.title)
    return [PlaceGroup(doc=k[0], chapter=k[1], section=k[2], title=titles[k], numbers=tuple(ns))
            for k, ns in order.items()]


# ---------------------------------------------------------------- clean text (Copy) and Markdown (export)

_MD_STRONG = re.compile(r"\*\*(.+?)\*\*")
_MD_BULLET = re.compile(r"^\s*[-*+]\s+", re.M)


def strip_markdown(text: str) -> str:
    """The answer as plain text: bold markers dropped, list bullets as `・`."""
    return _MD_BULLET.sub("・", _MD_STRONG.sub(r"\1", text)).strip()


def source_lines(answer: Answer, places: Places) -> list[str]:
    return [f"[{n}] {places.heading(c.doc, c.chapter, c.section, c.title)}：“{c.quote}”"
            for n, c in enumerate(answer.citations, 1)]


def plain_text(answer: Answer, places: Places) -> str:
    """What Copy puts on the clipboard: the answer, then its sources as plain lines. No markup."""
    parts = [strip_markdown(answer.answer)]
    lines = source_lines(answer, places)
    if lines:
        parts.append("出处：\n" + "\n".join(lines))
    return "\n\n".join(parts)


def answer_label(answer: Answer) -> str:
    """A short plain label for assistive technology: the route in staff words and the first line of the answer."""
    first = strip_markdown(answer.answer).splitlines()[0] if answer.answer.strip() else ""
    first = re.sub(r"\[\d+\]", "", first)
    return f"{ROUTE_LABELS.get(answer.route, answer.route)}：{first[:80]}"


def _md_escape_line(text: str) -> str:
    """Quoted plan text inside Markdown: keep it verbatim on screen (`*`, `_`, `[`, `<` would be read as markup)."""
    return re.sub(r"([\\`*_{}\[\]<>#|~])", r"\\\1", text)


def export_markdown(turns: list[tuple[str, Answer]], places: Places, when: datetime | None = None) -> str:
    """The conversation as a Markdown document: each question, its answer, figures and sources."""
    when = when or datetime.now()
    out = [f"# {TITLE}", "", f"对话导出 · Conversation exported {when:%Y-%m-%d %H:%M}", ""]
    for i, (question, answer) in enumerate(turns, 1):
        out += [f"## 问题 {i}", "", "> " + _md_escape_line(question), "", answer.answer.strip(), ""]
        facts = unique_facts(answer.facts) if answer.route != "clarify" else []
        if facts:
            out += ["**指标**", ""]
            out += [f"- {_md_escape_line(f.indicator)}：{framed_figure(f)}（{place_label(f.chapter, f.section)}）"
                    for f in facts]
            out.append("")
        if answer.citations:
            out += ["**出处**", ""]
            out += [f"{n}. {_md_escape_line(places.heading(c.doc, c.chapter, c.section, c.title))}："
                    f"“{_md_escape_line(c.quote)}”" for n, c in enumerate(answer.citations, 1)]
            out.append("")
        out += [f"*{ROUTE_LABELS.get(answer.route, answer.route)}*", ""]
    return "\n".join(out).rstrip() + "\n"


# ---------------------------------------------------------------- bad input, in Chinese with English beside it


def input_problem(question: object, max_chars: int) -> str | None:
    """None when the question can be asked; else what is wrong with it, for the line under the box. The check
    itself is the core's (`validate_question`); this only chooses the staff's words for its verdict."""
    try:
        validate_question(question, max_chars)
        return None
    except InvalidQuestion as e:
        if not isinstance(question, str) or not question:
            return "请输入问题。 · Please type a question."
        if not question.strip():
            return "问题只有空格，请输入文字。 · The question is only spaces; please type some words."
        length = len(re.sub(r"\s+", " ", question).strip())
        if length > max_chars:
            return (f"问题有 {length} 个字，超过 {max_chars} 字的上限，请缩短后再发送。 · "
                    f"The question is {length} characters; the limit is {max_chars}.")
        return f"无法处理这个问题：请只输入文字。 · This question cannot be processed: {e}"


GENERIC_ERROR = "抱歉，系统暂时出错，问题已放回输入框，请稍后重试。 · Something went wrong; your question is back in the box, please try again."
FEEDBACK_SAVED = "已记录您的反馈，谢谢！ · Feedback saved, thank you."
FEEDBACK_FAILED = "反馈保存失败，请稍后再试。 · The feedback could not be saved; please try again."


def option_question(f: Fact, lang: str) -> str:
    """The question a clarify option asks: the chosen indicator by its name in the table."""
    return f"What is the figure for {f.indicator}?" if lang == "en" else f"{f.indicator}是多少？"


def question_lang(question: str) -> str:
    return "zh" if re.search(r"[\u4e00-\u9fff]", question) else "en"


# ---------------------------------------------------------------- streaming

# Never cut inside one of these: a figure (10%, 20.9, 2026年), a [n] marker, a bold span.
_ATOMIC = re.compile(r"\[\d+\]|\d+(?:[.,/]\d+)*\s*%?|\*\*[^*\n]+\*\*|[A-Za-z]+")


def stream_cuts(text: str, steps: int) -> list[int]:
    """Positions (ending with len(text)) at which a streamed answer is shown: about `steps` of them, evenly
    spread, none inside a figure, a citation marker or a word, so a partial answer never shows `1` of `10%`."""
    if not text:
        return [0]
    inside = bytearray(len(text) + 1)
    for m in _ATOMIC.finditer(text):
        for i in range(m.start() + 1, m.end()):
            inside[i] = 1
    step = max(1, len(text) // max(steps, 1))
    cuts, pos = [], step
    while pos < len(text):
        cut = pos
        while cut < len(text) and inside[cut]:
            cut += 1
        if not cuts or cut > cuts[-1]:
            cuts.append(cut)
        pos = max(pos + step, cut + 1)
    if not cuts or cuts[-1] != len(text):
        cuts.append(len(text))
    return cuts
