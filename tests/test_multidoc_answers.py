"""Several documents loaded (the real 2026 plan, a synthetic 2027 plan and a synthetic report on 2025, from
tests/fixtures): answers through the public `Answer` say which document and year each figure comes from."""

from __future__ import annotations

import pytest

from assistant.settings import Settings


@pytest.fixture(scope="module")
def bot3(multidoc_knowledge_shared, tmp_path_factory):
    from assistant.service import Assistant

    return Assistant.load(Settings(knowledge_dir=multidoc_knowledge_shared, embedding_backend="bigram",
                                   data_dir=tmp_path_factory.mktemp("multidoc-data")))


def test_a_year_picks_its_plan_and_facts_carry_doc_and_year(bot3):
    a = bot3.ask("2027年GDP增长目标是多少？")
    assert a.route == "target" and a.facts[0].doc == "erenhot-2027" and a.facts[0].year == 2027
    assert a.facts[0].value == 6.5 and a.citations[0].doc == "erenhot-2027" and a.citations[0].year == 2027
    b = bot3.ask("2026年GDP增长目标是多少？")
    assert b.facts[0].doc == "erenhot-2026" and b.facts[0].value == 6


def test_no_year_means_the_newest_plan_and_the_answer_says_so(bot3):
    a = bot3.ask("今年固定资产投资增长目标是多少？")
    assert a.facts[0].doc == "erenhot-2027" and "2027年二连浩特市国民经济和社会发展计划" in a.answer


def test_two_years_side_by_side_each_cited_to_its_own_document(bot3):
    a = bot3.ask("2026年和2027年的GDP增速目标分别是多少？")
    assert [f.doc for f in a.facts] == ["erenhot-2026", "erenhot-2027"]
    assert "6%左右" in a.answer and "6.5%左右" in a.answer


def test_a_comparison_is_arithmetic_on_the_rows(bot3):
    a = bot3.ask("2027年固投目标比2026年高吗？")
    assert not a.refused and {f.doc for f in a.facts} == {"erenhot-2026", "erenhot-2027"}
    assert "低2个百分点" in a.answer  # 8%左右 against 10%左右, computed, not written by anyone


def test_a_figure_missing_in_one_year_is_said(bot3):
    a = bot3.ask("2027年招商引资到位资金比2026年多吗？")
    assert [f.doc for f in a.facts] == ["erenhot-2026"] and "2027年的文件没有这一数字" in a.answer


def test_outcomes_come_from_the_report_and_are_marked(bot3):
    a = bot3.ask("2025年GDP实际增长了多少？")
    assert a.route == "target" and a.facts[0].doc == "erenhot-2025-report" and a.facts[0].outcome
    assert "实际" in a.answer


def test_a_year_no_document_covers_is_declined(bot3):
    a = bot3.ask("2030年GDP增长目标是多少？")
    assert a.refused and not a.facts and "2030" in a.answer
