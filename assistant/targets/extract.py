"""extract: parsed plan → one `Target` row per quantitative statement.

Works clause by clause (a sentence cut at ，；、：) so each quote is short, verbatim and holds exactly the
figure it is about. Every figure is emitted, even ones that are not targets (the plan's year, slogans):
the reviewed overlay (`knowledge/targets.toml`) drops those with a reason, so nothing is missed silently.
Indicator names here are heuristic; the overlay gives this plan's rows their canonical names. A document
without overlay entries still yields answerable rows: names follow the plan's own wording (X增长N% → X增速),
a clause without a subject (`，同比增长5.6%`) borrows the one before it in the sentence.

Every row carries its period (the year its section is about, else the document's year). In a report, a
figure about a year that had ended when the document was issued is an outcome (`outcome=True`), and its
qualifier is the reporting verb (完成, 增长, 下降, 达到).
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
DECLINE_VERBS = ("下降", "减少", "回落")
# Comparison words between a subject and its verb (地区生产总值同比增长): not part of the name.
COMPARE_WORDS = ("同比", "比上年", "较上年", "比去年", "分别")
OUTCOME_LEADS = ("完成", "实现", "达到")
NOT_QUANTITY = ("date", "ordinal", "period", "other")
NAME_SUFFIXES = ("增速", "数", "里程", "面积", "装机容量", "储能容量", "规模", "门槛")
# Words that frame a clause but do not name the thing counted; stripped from the front of a name.
LEAD_WORDS = ("全年计划", "力争", "全年", "计划", "年度", "实施", "确保", "完成", "推动", "推进", "加快", "打造",
              "依托", "也是", "按照", "其中", "主要", "全市")

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
    name = name.strip("“”《》（）() ")
    if name.count("“") != name.count("”"):  # a quote cut by the clause (三北”工程…): drop the stray marks
        name = name.replace("“", "").replace("”", "")
    return name


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


def _strip_compare(head: str) -> str:
    for w in COMPARE_WORDS:
        if head.endswith(w):
            return head[: -len(w)]
    return head


def derive_indicator(before: str, after: str, kind: str, qualifier: str) -> str:
    """A short name from the clause: `X增长N%` → X增速; `…X N个` → X数; `N公里X` → X里程.
    `X下降N%` is named X增速 too (the qualifier 下降 carries the sign). No subject → "增速" alone."""
    head = before
    for q in QUALIFIERS_BEFORE:
        head = head[: -len(q)] if head.endswith(q) else head
    for verb in (*GROWTH_VERBS, *DECLINE_VERBS):
        if kind in ("growth_rate", "share") and head.endswith(verb):
            stem = _strip_lead(_strip_compare(head[: -len(verb)]))
            stem = "" if stem in COMPARE_WORDS else stem
            return stem + ("增速" if verb in ("增长", "增加", *DECLINE_VERBS) else "")
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
    if kind == "share" and before.rstrip("达到至").endswith((*GROWTH_VERBS[:2], *DECLINE_VERBS)):
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


def period_of(doc: ParsedDoc, section: Section) -> str:
    return section.period or (str(doc.year) if doc.year else "")


def reports_outcomes(doc: ParsedDoc, section: Section) -> bool:
    """A report's section about a year that had ended when the report was issued (its `date`; without one,
    an execution report is issued the year after the year it reports on, a work report in its own year)."""
    if doc.genre == "plan" or not period_of(doc, section).isdigit():
        return False
    issued = int(doc.date[:4]) if doc.date[:4].isdigit() else doc.year + (1 if doc.genre == "report" else 0)
    return int(period_of(doc, section)) < issued


def _outcome_qualifier(before: str, clause: str) -> str:
    """The reporting verb of an outcome: the verb right before the figure, else the clause's leading 完成."""
    head = before.rstrip("达到至")
    for verb in (*GROWTH_VERBS[:2], *DECLINE_VERBS):
        if head.endswith(verb):
            return verb
    lead = _strip_lead_words(clause)
    return next((v for v in OUTCOME_LEADS if lead.startswith(v)), "")


def _strip_lead_words(text: str) -> str:
    for w in ("全年", "全市", "累计"):
        text = text[len(w):] if text.startswith(w) else text
    return text


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
            outcome = reports_outcomes(doc, section) and kind not in NOT_QUANTITY
            if outcome and not qualifier:
                qualifier = _outcome_qualifier(before, clause.text)
            rows.append(dict(
                doc=doc.doc, chapter=section.chapter, section=section.section, topic=topic,
                indicator=derive_indicator(before, after, kind, qualifier) or clause.text,
                value=value, unit=unit, qualifier=qualifier, kind=kind, quote=clause.text,
                period=period_of(doc, section), outcome=outcome,
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


def _stem(name: str) -> str:
    """The thing a row measures, without the measure suffix: 城镇居民人均可支配收入增速 → 城镇居民人均可支配收入."""
    for suffix in NAME_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _name_in_context(rows: list[dict], sentence: Span) -> None:
    """Names the clause alone cannot give, from the sentence: `X完成N亿元，同比增长M%` → X增速;
    `实施固定资产投资项目N个，完成投资M亿元` → 固定资产投资完成额."""
    subject = ""
    for r in rows:
        name = r["indicator"]
        if name == "增速" and subject:
            r["indicator"] = subject + "增速"
        elif name == "投资" and r["kind"] == "amount" and "固定资产投资" in sentence.text:
            r["indicator"] = "固定资产投资完成额"
        if r["kind"] not in NOT_QUANTITY:
            subject = _stem(r["indicator"])


def extract_targets(doc: ParsedDoc) -> list[Target]:
    rows: list[dict] = []
    for section in doc.sections:
        for para in section.paragraphs:
            for sentence in para.sentences:
                in_sentence: list[dict] = []
                for clause in clauses(sentence):
                    found = _rows_in_clause(doc, section, para.topic, sentence, clause)
                    in_sentence.extend(sorted(found, key=lambda r: r["_at"]))
                _name_in_context(in_sentence, sentence)
                rows.extend(in_sentence)
    _assign_ids(rows)
    return [Target(**{k: v for k, v in r.items() if not k.startswith("_")}) for r in rows]


def figure_span(t: Target) -> tuple[int, int]:
    """Offsets of the figure itself (value+unit as written) inside the row's quote."""
    text = f"{t.value_text()}{t.unit}" if t.kind != "date" else str(t.value)
    at = t.quote.find(text)
    if at < 0:
        at, text = t.quote.find(t.value_text()), t.value_text()
    return (t.start + at, t.start + at + len(text)) if at >= 0 else (t.start, t.end)
