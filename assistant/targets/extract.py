"""extract: parsed plan → one `Target` row per quantitative statement.

Works clause by clause (a sentence cut at ，；、：) so each quote is short, verbatim and holds exactly the
figure it is about. Every figure is emitted, even ones that are not targets (the plan's year, slogans):
the reviewed overlay (`knowledge/targets.toml`) drops those with a reason, so nothing is missed silently.
Indicator names here are heuristic; the overlay gives this plan's rows their canonical names.
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.models import ParsedDoc, Section, Span, Target

CN = "零一二三四五六七八九十百千两"
CLAUSE_SEP = "，；、：。！？"
# Longest first, so 万千瓦时 wins over 万千瓦 and 亿元 over 元.
UNITS = ("万千瓦时", "万千瓦", "千瓦时", "千瓦", "亿元", "万元", "元", "万亩", "亩", "万吨", "吨", "公里", "万人",
         "%", "％", "个", "家", "户", "座", "眼", "项", "条", "所", "台", "辆", "人", "倍", "周年")
UNIT_KIND = {"万千瓦时": "energy", "千瓦时": "energy", "万千瓦": "capacity", "千瓦": "capacity",
             "亿元": "amount", "万元": "amount", "元": "amount", "万亩": "area", "亩": "area",
             "万吨": "volume", "吨": "volume", "公里": "length", "%": "share", "周年": "ordinal"}
COUNT_UNITS = {"个", "家", "户", "座", "眼", "项", "条", "所", "台", "辆", "人", "万人"}
KIND_SUFFIX = {"count": "数", "length": "里程", "area": "面积", "capacity": "装机容量", "energy": "储能容量",
               "volume": "规模", "threshold": "门槛"}
QUALIFIERS_AFTER = ("左右", "以上", "以内", "以下")
QUALIFIERS_BEFORE = ("提升至", "提高到", "提高至", "不低于", "突破", "达到", "完成", "超过", "新增", "达", "超")
GROWTH_VERBS = ("增长", "增加", "提高", "提升")
# Words that frame a clause but do not name the thing counted; stripped from the front of a name.
LEAD_WORDS = ("全年计划", "力争", "全年", "计划", "年度", "实施", "确保", "完成", "推动", "推进", "加快", "打造",
              "依托", "也是", "按照", "其中", "主要")

PATTERNS: list[tuple[str, re.Pattern]] = [
    ("date", re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")),
    ("combo", re.compile(r"\d+(?:\+\d+)+")),  # 8+1+1: a system's name, kept as written
    ("year", re.compile(r"(\d{4})年")),
    ("arabic", re.compile(r"(\d+(?:\.\d+)?)(" + "|".join(map(re.escape, UNITS)) + ")")),
    ("code", re.compile(r"(?<=“)(\d+)(?=”)")),  # “1571”: a numbered work plan
    ("five_year", re.compile(r"十[一二三四五六七八九]五")),
    ("cn_ordinal", re.compile(rf"第?([{CN}]+)(届|次|期|轮)")),
    ("magnitude", re.compile(r"([千万百])(吨|千瓦|亿元)级")),
    ("cn_years", re.compile(rf"([{CN}]+)(年)(?=行动|攻坚|规划)")),
    ("cn_count", re.compile(rf"([{CN}]+)(个|家|户|座|项)")),
]


def clauses(sentence: Span) -> list[Span]:
    """The sentence cut at clause punctuation; offsets stay in doc.text."""
    out = []
    for m in re.finditer(rf"[^{CLAUSE_SEP}]+", sentence.text):
        s, e = m.start(), m.end()
        while s < e and sentence.text[s].isspace():
            s += 1
        if s < e:
            out.append(Span(text=sentence.text[s:e], start=sentence.start + s, end=sentence.start + e))
    return out


def _in_quotes(clause_text: str, sentence: Span, clause_start: int, pos: int) -> bool:
    """Inside “…” in the sentence: slogans such as “两个市场” name policies, not quantities."""
    before = sentence.text[: clause_start - sentence.start + pos]
    return before.count("“") > before.count("”")


def _strip_lead(name: str) -> str:
    changed = True
    while changed and name:
        changed = False
        for w in LEAD_WORDS:
            if name.startswith(w) and len(name) > len(w):
                name, changed = name[len(w):], True
    return name.strip("“”《》（）() ")


def _qualifier(before: str, after: str) -> str:
    for q in QUALIFIERS_AFTER:
        if after.startswith(q):
            return q
    for q in QUALIFIERS_BEFORE:
        if before.endswith(q):
            return q
    return ""


def _noun_after(after: str) -> str:
    after = after.lstrip("左右以上以内以下")
    return re.split(r"及|等|和|与|项目|建设|开工|投产|落地|的|突破|达|\d", after, maxsplit=1)[0]


def derive_indicator(before: str, after: str, kind: str, qualifier: str) -> str:
    """A short name from the clause: `X增长N%` → X增速; `…X N个` → X数; `N公里X` → X里程."""
    head = before
    for q in QUALIFIERS_BEFORE:
        head = head[: -len(q)] if head.endswith(q) else head
    for verb in GROWTH_VERBS:
        if kind in ("growth_rate", "share") and head.endswith(verb):
            return _strip_lead(head[: -len(verb)]) + ("增速" if verb in ("增长", "增加") else "")
    tail = after[len(qualifier):] if after.startswith(qualifier) else after
    noun = _noun_after(tail)
    # Chinese puts the measured thing after `N unit` (115公里农牧区道路), or before a clause-final figure.
    name = noun if noun and kind not in ("ordinal", "period", "other") else _strip_lead(head)
    if kind == "amount" and noun and head.endswith("投资"):
        name = noun + "投资"
    suffix = KIND_SUFFIX.get(kind, "")
    return name if not suffix or name.endswith(suffix) else name + suffix


def _kind(pattern: str, unit: str, before: str, after: str) -> str:
    if pattern == "date":
        return "date"
    if pattern in ("year", "five_year", "cn_years"):
        return "period"
    if pattern in ("cn_ordinal",):
        return "ordinal"
    if pattern in ("combo", "code", "magnitude"):
        return "other"
    if pattern == "cn_count" or unit in COUNT_UNITS:
        return "count"
    kind = UNIT_KIND.get(unit, "other")
    if kind == "share" and before.rstrip("达到至").endswith(GROWTH_VERBS[:2]):
        return "growth_rate"
    if kind == "amount" and re.match(r"(以上)?(企业|项目|的企业)", after):
        return "threshold"  # 超5000万元企业: a size bar for counting firms, not money to be spent
    return kind


def _value(pattern: str, m: re.Match) -> tuple[Decimal | str, str]:
    if pattern == "date":
        return m.group(0), ""
    if pattern == "arabic":
        return Decimal(m.group(1)), "%" if m.group(2) == "％" else m.group(2)
    if pattern in ("year",):
        return Decimal(m.group(1)), "年"
    if pattern in ("combo", "code", "five_year"):
        return m.group(0), ""
    return m.group(1), m.group(2) + ("级" if pattern == "magnitude" else "")


def _place(section: Section) -> str:
    return section.chapter + section.section


def _rows_in_clause(doc: ParsedDoc, section: Section, topic: str, sentence: Span, clause: Span) -> list[dict]:
    taken: list[tuple[int, int]] = []
    rows = []
    for pattern, rx in PATTERNS:
        for m in rx.finditer(clause.text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue  # one figure, one row: 2026年3月3日 is a date, not also a year
            if pattern.startswith("cn_") and _in_quotes(clause.text, sentence, clause.start, m.start()):
                continue
            taken.append((m.start(), m.end()))
            value, unit = _value(pattern, m)
            before, after = clause.text[: m.start()], clause.text[m.end():]
            qualifier = _qualifier(before, after) if pattern == "arabic" else ""
            kind = _kind(pattern, unit, before, after)
            rows.append(dict(
                doc=doc.doc, chapter=section.chapter, section=section.section, topic=topic,
                indicator=derive_indicator(before, after, kind, qualifier) or clause.text,
                value=value, unit=unit, qualifier=qualifier, kind=kind, quote=clause.text,
                start=clause.start, end=clause.end, _at=m.start(),
                context=f"{section.section_title or section.chapter_title} {topic} {sentence.text}", _context=(re.sub(r"[“”《》\d]", "", before)[-4:] or after[:4]),
            ))
    return rows


def _assign_ids(rows: list[dict]) -> None:
    """id = doc:place:value+unit; where that repeats in a place, the few characters before the figure
    tell the rows apart. Both come from the text, so the id survives re-extraction."""
    base = [f"{r['doc']}:{r['chapter']}{r['section']}:{_value_text(r['value'])}{r['unit']}" for r in rows]
    for r, b in zip(rows, base):
        r["id"] = b if base.count(b) == 1 else f"{b}@{r['_context']}"
    seen: dict[str, int] = {}
    for r in rows:  # last resort for identical contexts: order within the place
        n = seen[r["id"]] = seen.get(r["id"], 0) + 1
        if n > 1:
            r["id"] = f"{r['id']}#{n}"


def _value_text(value: Decimal | str) -> str:
    if isinstance(value, Decimal):
        return str(int(value)) if value == value.to_integral_value() else str(value.normalize())
    return value


def extract_targets(doc: ParsedDoc) -> list[Target]:
    rows: list[dict] = []
    for section in doc.sections:
        for para in section.paragraphs:
            for sentence in para.sentences:
                for clause in clauses(sentence):
                    found = _rows_in_clause(doc, section, para.topic, sentence, clause)
                    rows.extend(sorted(found, key=lambda r: r["_at"]))
    _assign_ids(rows)
    return [Target(**{k: v for k, v in r.items() if not k.startswith("_")}) for r in rows]


def figure_span(t: Target) -> tuple[int, int]:
    """Offsets of the figure itself (value+unit as written) inside the row's quote."""
    text = f"{t.value_text()}{t.unit}" if t.kind != "date" else str(t.value)
    at = t.quote.find(text)
    if at < 0:
        at, text = t.quote.find(t.value_text()), t.value_text()
    return (t.start + at, t.start + at + len(text)) if at >= 0 else (t.start, t.end)
