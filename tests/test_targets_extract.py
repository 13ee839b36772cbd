"""Extraction over the real plan: verbatim quotes, known rows, and every figure either a row or ignored."""

from __future__ import annotations

import re
import pytest

from assistant.corpus import corpus
from assistant.settings import PROJECT_ROOT, Settings
from assistant.targets import apply_review, extract_targets, figure_span, load_review
from assistant.targets.review import context_spans

REVIEW = PROJECT_ROOT / "knowledge" / "targets.toml"
CN = "一二三四五六七八九十百千两"
# Independent of the extractor's patterns on purpose: Arabic digits, Chinese numeral + unit, “十五五”.
FIGURE_RE = re.compile(rf"\d+(?:\.\d+)?|第?[{CN}]+(?:届|次|期|轮|年|个|座|家|户|项|吨级|级|甲|样)"
                       rf"|[{CN}]{{2,}}大|十[一二三四五六七八九]五")  # 二十大, but not 统一大市场


@pytest.fixture(scope="module")
def doc():
    return corpus(Settings().knowledge_dir)[0]


@pytest.fixture(scope="module")
def raw(doc):
    return extract_targets(doc)


@pytest.fixture(scope="module")
def rows(raw):
    return apply_review(raw, REVIEW)


def test_quotes_are_verbatim_clauses_inside_their_section(doc, raw):
    for t in raw:
        assert doc.text[t.start:t.end] == t.quote, t.id
        assert "**" not in t.quote and "\n" not in t.quote, t.id
        assert f"{t.value_text()}{t.unit}" in t.quote or str(t.value) in t.quote, t.id
        sec = doc.section(t.chapter, t.section)
        assert sec is not None and sec.start <= t.start and t.end <= sec.end, t.id
        assert doc.section_at(t.start) == sec, t.id
        assert len(t.quote) < 60, f"{t.id}: a quote is a clause, not a sentence"


def test_ids_are_unique_and_stable(doc, raw):
    assert len({t.id for t in raw}) == len(raw)
    assert [t.id for t in extract_targets(doc)] == [t.id for t in raw]


KNOWN = [  # chapter, section, value, unit, qualifier, kind
    ("总体要求", "", "6", "%", "左右", "growth_rate"),
    ("总体要求", "", "10", "%", "左右", "growth_rate"),
    ("总体要求", "", "4.5", "%", "左右", "growth_rate"),
    ("一", "（一）", "68", "个", "", "count"),
    ("一", "（一）", "51.28", "亿元", "完成", "amount"),  # qualifier from the reviewed overlay
    ("一", "（二）", "10", "户", "以上", "count"),
    ("一", "（三）", "20", "亿元", "突破", "amount"),
    ("二", "（一）", "460", "亿元", "突破", "amount"),
    ("二", "（一）", "35", "家", "突破", "count"),
    ("二", "（一）", "5000", "万元", "超", "threshold"),
    ("二", "（一）", "20", "万千瓦", "", "capacity"),
    ("二", "（一）", "80", "万千瓦时", "", "energy"),
    ("二", "（一）", "10", "%", "", "growth_rate"),
    ("二", "（一）", "千", "吨级", "", "other"),
    ("四", "（一）", "15", "亿元", "突破", "amount"),
    ("五", "（一）", "20.9", "公里", "", "length"),
    ("五", "（一）", "2.1", "亿元", "", "amount"),
    ("五", "（二）", "115", "公里", "完成", "length"),
    ("五", "（二）", "16", "座", "", "count"),
    ("五", "（二）", "8", "眼", "", "count"),
    ("六", "", "88", "万亩", "完成", "area"),
    ("七", "（二）", "45", "%", "以上", "share"),
    ("通知", "", "2026年3月3日", "", "", "date"),
    ("通知", "", "十六", "届", "", "ordinal"),
    ("通知", "", "五", "次", "", "ordinal"),
    ("总体要求", "", "70", "周年", "", "ordinal"),
    ("总体要求", "", "十五五", "", "", "period"),
    ("总体要求", "", "1571", "", "", "other"),
    ("七", "（一）", "8+1+1", "", "", "other"),
]


@pytest.mark.parametrize("chapter,section,value,unit,qualifier,kind", KNOWN)
def test_known_rows(rows, chapter, section, value, unit, qualifier, kind):
    hits = [t for t in rows if (t.chapter, t.section, t.value_text(), t.unit, t.kind) == (chapter, section, value, unit, kind)]
    assert hits, f"no row {chapter}{section} {value}{unit} {kind}"
    assert hits[0].qualifier == qualifier
    assert hits[0].indicator and hits[0].aliases and hits[0].indicator_en


def test_power_and_energy_share_a_quote_but_are_two_rows(rows):
    storage = [t for t in rows if "储能电站" in t.indicator]
    assert {(t.value_text(), t.unit) for t in storage} == {("20", "万千瓦"), ("80", "万千瓦时")}
    assert len({t.quote for t in storage}) == 1


def test_two_figures_in_one_clause(raw):
    clause = [t for t in raw if t.quote == "超5000万元企业突破35家"]
    assert sorted((t.kind, t.value_text()) for t in clause) == [("count", "35"), ("threshold", "5000")]


def test_canonical_indicators_from_review(rows):
    names = {t.indicator for t in rows}
    for name in ("地区生产总值增速", "固定资产投资增速", "固定资产投资项目数", "固定资产投资完成额", "进出口贸易额",
                 "互市贸易额", "新增限上企业数", "招商引资到位资金", "农牧区道路里程"):
        assert name in names


def test_every_figure_in_the_plan_is_a_row_or_ignored_with_a_reason(doc, raw, rows):
    review = load_review(REVIEW)
    assert all(rule.reason.strip() for rule in review.ignore)
    covered = [figure_span(t) for t in rows]
    ignored = [span for rule in review.ignore for span in context_spans(doc.text, rule)]
    ignored += [figure_span(t) for t in raw if any(rule.id == t.id for rule in review.ignore)]
    missing = []
    for m in FIGURE_RE.finditer(doc.text):
        s, e = m.span()
        if not any(a < e and s < b for a, b in covered + ignored):
            missing.append(f"{m.group(0)!r} at {s}: …{doc.text[max(0, s - 12):e + 8]}…")
    assert not missing, "figures neither extracted nor ignored:\n" + "\n".join(missing)


def test_every_ignore_rule_is_used(doc):
    for rule in load_review(REVIEW).ignore:
        assert rule.id or context_spans(doc.text, rule), f"stale ignore rule {rule}"


def test_unknown_ids_in_the_overlay_warn_not_crash(raw, tmp_path):
    path = tmp_path / "t.toml"
    path.write_text('[rows."erenhot-2026:九:99%"]\nindicator = "不存在"\n'
                    '[rows."erenhot-2026:总体要求:6%"]\nkind = "not-a-kind"\n'
                    '[[ignore]]\ntext = "6%"\ncontext = "增长6%左右"\n', encoding="utf-8")
    with pytest.warns(UserWarning) as caught:
        out = apply_review(raw, path)
    messages = " ".join(str(w.message) for w in caught)
    assert "九" in messages and "override rejected" in messages and "reason" in messages
    assert len(out) == len(raw)  # the reasonless ignore is skipped, the bad override keeps the row
