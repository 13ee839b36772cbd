"""Extraction over several documents: periods from each document's year, a report's outcomes, names an
unreviewed document can be asked by, and a table of three documents that leaves the real plan's rows alone."""

from __future__ import annotations

import json
import warnings
from decimal import Decimal

import pytest

from assistant.corpus import load_corpus
from assistant.settings import PROJECT_ROOT
from assistant.targets import TargetTable, extract_targets

REVIEW = PROJECT_ROOT / "knowledge" / "targets.toml"


@pytest.fixture(scope="module")
def docs(multidoc_knowledge_shared):
    return {d.doc: d for d in load_corpus(multidoc_knowledge_shared)}


def _row(rows, indicator, value=None):
    hits = [t for t in rows if t.indicator == indicator and (value is None or t.value_text() == value)]
    assert hits, f"no row {indicator} {value or ''}: {sorted({t.indicator for t in rows})}"
    return hits[0]


def test_every_row_has_its_documents_period(docs):
    for doc, period in (("erenhot-2026", "2026"), ("erenhot-2027", "2027"), ("erenhot-2025-report", "2025")):
        rows = extract_targets(docs[doc])
        assert rows and all(t.doc == doc and t.period == period for t in rows), doc
        for t in rows:
            assert docs[doc].text[t.start:t.end] == t.quote, t.id


PLAN_2027 = [  # indicator, value, unit, qualifier, kind: named by the plan's own wording, no overlay
    ("地区生产总值增速", "6.5", "%", "左右", "growth_rate"),
    ("固定资产投资增速", "8", "%", "左右", "growth_rate"),
    ("社会消费品零售总额增速", "5", "%", "左右", "growth_rate"),
    ("固定资产投资项目数", "75", "个", "", "count"),
    ("固定资产投资完成额", "56.3", "亿元", "", "amount"),
    ("进出口贸易额", "500", "亿元", "突破", "amount"),
    ("互市贸易额", "18", "亿元", "突破", "amount"),
    ("新建5G基站数", "60", "个", "", "count"),
    ("农牧区道路里程", "80", "公里", "完成", "length"),
    ("治理修复任务面积", "60", "万亩", "完成", "area"),
]


@pytest.mark.parametrize("indicator,value,unit,qualifier,kind", PLAN_2027)
def test_next_year_plan_rows(docs, indicator, value, unit, qualifier, kind):
    t = _row(extract_targets(docs["erenhot-2027"]), indicator, value)
    assert (t.unit, t.qualifier, t.kind, t.outcome) == (unit, qualifier, kind, False)


def test_next_year_plan_lacks_what_it_dropped(docs):
    names = {t.indicator for t in extract_targets(docs["erenhot-2027"])}
    assert not any("招商引资" in n or "储能" in n for n in names)


REPORT_2025 = [  # indicator, value, unit, qualifier (the reporting verb), signed value
    ("地区生产总值", "186.4", "亿元", "完成", "186.4"),
    ("地区生产总值增速", "5.6", "%", "增长", "5.6"),  # `，同比增长5.6%` borrows its subject
    ("固定资产投资增速", "3.2", "%", "下降", "-3.2"),
    ("一般公共预算收入增速", "2.1", "%", "增长", "2.1"),
    ("城镇居民人均可支配收入", "56208", "元", "达到", "56208"),
    ("城镇居民人均可支配收入增速", "4.3", "%", "增长", "4.3"),
    ("固定资产投资完成额", "46.5", "亿元", "完成", "46.5"),
    ("进出口贸易额增速", "7.4", "%", "增长", "7.4"),
    ("互市贸易额增速", "4.8", "%", "下降", "-4.8"),
    ("农牧区道路里程", "96", "公里", "完成", "96"),
    ("单位地区生产总值能耗增速", "2.5", "%", "下降", "-2.5"),
]


@pytest.mark.parametrize("indicator,value,unit,qualifier,signed", REPORT_2025)
def test_report_rows_are_outcomes(docs, indicator, value, unit, qualifier, signed):
    t = _row(extract_targets(docs["erenhot-2025-report"]), indicator, value)
    assert (t.unit, t.qualifier, t.outcome, t.period) == (unit, qualifier, True, "2025")
    assert t.signed_value() == Decimal(signed)


def test_report_front_matter_is_not_an_outcome(docs):
    front = [t for t in extract_targets(docs["erenhot-2025-report"]) if t.chapter == "前言"]
    assert front and not any(t.outcome for t in front)
    assert any(t.kind == "date" and t.value == "2026年1月8日" for t in front)


def test_names_of_unreviewed_documents_are_sensible(docs):
    for doc in ("erenhot-2027", "erenhot-2025-report"):
        for t in extract_targets(docs[doc]):
            if t.kind in ("date", "ordinal", "period", "other"):
                continue
            name = t.indicator
            assert name not in ("增速", "投资", "同比增速") and not name.startswith(("同比", "全市", "完成")), t.id
            assert name.count("“") == name.count("”") and len(name) <= 16, t.id


def test_plan_rows_are_never_outcomes(docs):
    assert not any(t.outcome for t in extract_targets(docs["erenhot-2026"]))


def test_heading_year_and_issue_date_decide_outcomes():
    from assistant.parse import parse_plan

    text = ("2026年某市政府工作报告\n\n各位代表：\n\n现在作报告。\n\n一、2025年工作回顾\n\n全市地区生产总值增长5.1%。\n\n"
            "二、2026年工作安排\n\n地区生产总值增长6%左右。\n")
    d = parse_plan(text, "wr-2026", year=2026, genre="work_report", date="2026-01-20")
    rows = {t.period: t for t in extract_targets(d) if t.unit == "%"}
    assert (rows["2025"].outcome, rows["2025"].qualifier) == (True, "增长")
    assert (rows["2026"].outcome, rows["2026"].qualifier) == (False, "左右")


def _build(docs, tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = TargetTable.build(docs, REVIEW, tmp_path / "t.sqlite")
    return table, [str(w.message) for w in caught]


def test_table_of_three_documents(docs, tmp_path):
    table, messages = _build(list(docs.values()), tmp_path)
    assert not messages  # the real plan's overlay keys all match; other documents raise no warnings
    assert {t.doc for t in table.rows()} == set(docs)
    alone, _ = _build([docs["erenhot-2026"]], tmp_path / "alone")
    assert [t for t in table.rows() if t.doc == "erenhot-2026"] == list(alone.rows())  # untouched
    reopened = TargetTable.open(table.path)
    assert set(reopened.rows()) == set(table.rows())
    out = {d["id"]: d for d in json.loads(reopened.to_json())}
    report_row = next(t for t in table.rows() if t.doc == "erenhot-2025-report" and t.qualifier == "下降")
    assert out[report_row.id]["outcome"] is True and out[report_row.id]["period"] == "2025"


def test_unreviewed_rows_share_the_reviewed_vocabulary(docs, tmp_path):
    table, _ = _build(list(docs.values()), tmp_path)
    fai = _row([t for t in table.rows() if t.doc == "erenhot-2027"], "固定资产投资增速")
    assert "固投" in fai.aliases and fai.indicator_en == "fixed-asset investment growth"
    gdp = _row([t for t in table.rows() if t.doc == "erenhot-2025-report"], "地区生产总值增速")
    assert "GDP" in gdp.aliases
    assert {t.doc for t in table.search("固投") if t.indicator == "固定资产投资增速"} == set(docs)


def test_subset_is_a_table_of_some_documents(docs, tmp_path):
    table, _ = _build(list(docs.values()), tmp_path)
    assert table.docs() == ("erenhot-2026", "erenhot-2027", "erenhot-2025-report")
    plan = table.subset(docs=["erenhot-2027"])
    assert plan.rows() and {t.doc for t in plan.rows()} == {"erenhot-2027"}
    assert table.subset(docs=["erenhot-2027"]) is plan  # built once per selection
    outcomes = table.subset(periods=["2025"])
    assert {t.doc for t in outcomes.rows()} == {"erenhot-2025-report"}
    assert len(table.subset()) == len(table)
