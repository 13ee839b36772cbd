"""The parser follows the genre, not one file: the synthetic next-year plan and execution report in
tests/fixtures, and small variations (no notice, no preamble, sub-headings, years in headings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chunk import chunk_docs
from assistant.corpus import load_corpus, load_manifest
from assistant.errors import DocumentError
from assistant.parse import parse_plan

FIXTURES = Path(__file__).parent / "fixtures"
PLAN_2027 = (FIXTURES / "erenhot-2027-plan.synthetic.txt").read_text(encoding="utf-8")
REPORT_2025 = (FIXTURES / "erenhot-2025-report.synthetic.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def plan():
    return parse_plan(PLAN_2027, "erenhot-2027", year=2027, genre="plan", date="2027-02-26")


@pytest.fixture(scope="module")
def report():
    return parse_plan(REPORT_2025, "erenhot-2025-report", year=2025, genre="report", date="2026-01-08")


def _verbatim(doc):
    for s in doc.sections:
        for p in s.paragraphs:
            for sent in p.sentences:
                assert doc.text[sent.start:sent.end] == sent.text
                assert s.start <= sent.start and sent.end <= s.end
                assert "**" not in sent.text and "\n" not in sent.text and "SYNTHETIC" not in sent.text


def test_fixtures_say_they_are_synthetic():
    for text in (PLAN_2027, REPORT_2025, (FIXTURES / "manifest.toml").read_text(encoding="utf-8")):
        assert text.startswith("# SYNTHETIC")
    assert "SYNTHETIC" in (FIXTURES / "README.md").read_text(encoding="utf-8")


def test_next_year_plan_structure(plan):
    assert [c.chapter for c in plan.chapters] == ["通知", "总体要求", "一", "二", "三", "四", "五", "六"]
    assert plan.title == "2027年二连浩特市国民经济和社会发展计划"  # from the text: no title was passed
    assert (plan.year, plan.genre, plan.date) == (2027, "plan", "2027-02-26")
    assert sum(1 for s in plan.sections if s.section) == 10
    assert plan.section("二", "（一）").section_title == "做强口岸经济"
    assert plan.section("五", "") is not None and plan.section("五", "（一）") is None
    notice = plan.section("通知")
    notice_text = plan.text[notice.start:notice.end]
    assert notice_text.startswith("二政发〔2027〕2号") and notice_text.endswith("（此件公开发布）")
    assert "第十六届人民代表大会第六次会议" in notice_text
    assert plan.section("总体要求").paragraphs[0].sentences[0].text.startswith("2027年是“十五五”")
    assert all(not s.topics for s in plan.sections)  # this plan has no bold topics
    assert {s.period for s in plan.sections} == {"2027"}
    assert plan.warnings == ()
    _verbatim(plan)


def test_comment_line_is_no_part_of_the_document(plan):
    first = plan.chapters[0]
    assert first.start == PLAN_2027.index("二政发")
    assert all("SYNTHETIC" not in plan.text[s.start:s.end] for s in plan.sections)


def test_next_year_plan_page_breaks(plan):
    assert len(plan.repairs) == 2
    assert "推动形成集群发展态势。" in plan.text and "公共服务设施条件。" in plan.text
    assert plan.text.count("\n\n") == PLAN_2027.count("\n\n") - 2


def test_sub_headings_are_structure_inside_the_section(plan):
    sec = plan.section("二", "（一）")
    assert [h.text for h in sec.subheadings] == ["1.推动对外贸易提质增量", "2.壮大进出口加工业",
                                                 "（1）延伸木材加工产业链", "（2）培育农畜产品加工业"]
    for h in sec.subheadings:
        assert plan.text[h.start:h.end] == h.text
    paths = [(p.sub, p.sub_title) for p in sec.paragraphs]
    assert paths == [("", ""), ("1.", "推动对外贸易提质增量"), ("2.", "壮大进出口加工业"),
                     ("2.（1）", "延伸木材加工产业链"), ("2.（2）", "培育农畜产品加工业")]
    # the number is structure, the title reads as the paragraph's first sentence
    assert sec.paragraphs[1].sentences[0].text == "推动对外贸易提质增量。"
    assert sec.paragraphs[3].sentences[-1].text.endswith("推动形成集群发展态势。")  # repaired across the sub-level


def test_chunks_know_their_sub_heading_and_plan_context(plan):
    chunks = chunk_docs((plan,), 160)
    in_sub = [c for c in chunks if (c.chapter, c.section) == ("二", "（一）") and c.sub]
    assert {c.sub for c in in_sub} == {"1.", "2.", "2.（1）", "2.（2）"}
    for c in chunks:
        assert plan.text[c.start:c.end] == c.text
        assert (c.year, c.genre, c.period) == (2027, "plan", "2027")
        para = next(p for s in plan.sections for p in s.paragraphs if p.start <= c.start and c.end <= p.end)
        assert (c.sub, c.sub_title) == (para.sub, para.sub_title)  # a chunk never crosses a sub-heading
    assert any("2.（1）延伸木材加工产业链" in c.embedding_text() for c in in_sub)


def test_execution_report_structure(report):
    assert [c.chapter for c in report.chapters] == ["前言", "一", "二", "三"]
    assert report.title == "关于二连浩特市2025年国民经济和社会发展计划执行情况的报告"
    assert "国民经济和社会\n\n发展计划执行情况" in report.text  # a title's line break is not a page break
    front = report.section("前言")
    sents = [s.text for p in front.paragraphs for s in p.sentences]
    assert sents[:3] == ["——2026年1月8日在二连浩特市第十六届人民代表大会第五次会议上", "二连浩特市发展和改革委员会", "各位代表："]
    assert front.heading_path == "前言"
    assert [s.section for s in report.chapters[1].sections] == ["", "（一）", "（二）", "（三）", "（四）"]
    assert report.section("一", "（二）").section_title == "口岸经济稳中有升"
    assert [h.text for h in report.section("一", "（二）").subheadings] == ["1.对外贸易规模扩大", "2.加工业加快发展"]
    assert [t.text for t in report.section("三").topics] == ["持续扩大有效投资。", "培育壮大特色产业。", "着力保障改善民生。"]
    assert {s.period for s in report.sections} == {"2025"}
    assert report.warnings == ()
    _verbatim(report)


def test_execution_report_page_break(report):
    assert len(report.repairs) == 1 and "群众获得感进一步增强。" in report.text


def test_heading_years_set_the_period():
    text = ("关于某市2025年计划执行情况与2026年计划草案的报告\n\n各位代表：\n\n现将有关情况报告如下。\n\n"
            "一、2025年计划执行情况\n\n全市地区生产总值增长5%。\n\n"
            "二、2026年经济社会发展的主要目标\n\n（一）主要预期目标。地区生产总值增长6%左右。\n\n（二）2027年远景安排。保持稳定。\n")
    d = parse_plan(text, "combined", year=2025, genre="report")
    assert [(s.chapter, s.section, s.period) for s in d.sections] == [
        ("前言", "", "2025"), ("一", "", "2025"), ("二", "（一）", "2026"), ("二", "（二）", "2027")]
    assert d.title == "关于某市2025年计划执行情况与2026年计划草案的报告"


def test_no_notice_no_preamble_multi_line_title():
    text = "2027年某某市\n国民经济和社会\n发展计划\n\n一、扩大内需\n\n1、促进消费。新增限上企业8户。\n\n2、扩大投资。实施项目20个。\n"
    d = parse_plan(text, "bare", year=2027)
    assert d.title == "2027年某某市国民经济和社会发展计划"
    assert [c.chapter for c in d.chapters] == ["一"]
    assert d.warnings == ("no preamble (总体要求) before chapter 一",)
    assert [(p.sub, p.sentences[0].text) for p in d.section("一").paragraphs] == [("1、", "促进消费。"), ("2、", "扩大投资。")]


def test_chinese_numeral_date_closes_the_notice():
    text = ("某某市人民政府关于印发2027年计划的通知\n\n各单位：现予印发。\n\n某某市人民政府\n\n二〇二七年一月五日\n\n"
            "2027年某某市计划\n\n总体要求是：稳中求进，推动经济实现质的有效提升。\n\n一、扩大内需\n\n（一）促进消费。新增限上企业8户。\n")
    d = parse_plan(text, "cn-date")
    assert [c.chapter for c in d.chapters] == ["通知", "总体要求", "一"]
    assert d.text[d.section("通知").start:d.section("通知").end].endswith("二〇二七年一月五日")


def test_decimal_after_page_break_is_not_a_sub_heading():
    text = ("2027年某某市计划\n\n总体要求是：稳中求进。\n\n一、扩大投资\n\n（一）项目建设。全年计划实施项目20个，完成投资\n\n"
            "1.5亿元，推动项目早日建成投产达效，切实发挥投资对经济增长的关键作用。\n")
    d = parse_plan(text, "decimal")
    assert len(d.repairs) == 1 and "完成投资1.5亿元" in d.text
    assert all(not p.sub for s in d.sections for p in s.paragraphs)


def test_bold_sub_heading_keeps_its_topic():
    text = "2027年某某市计划\n\n总体要求是：稳中求进。\n\n一、扩大内需\n\n（一）促进消费。\n\n**1.培育新场景。**打造消费新场景。\n"
    d = parse_plan(text, "bold-sub")
    para = d.section("一", "（一）").paragraphs[-1]
    assert (para.sub, para.sub_title, para.topic) == ("1.", "培育新场景", "1.培育新场景")
    assert [s.text for s in para.sentences] == ["1.培育新场景。", "打造消费新场景。"]


def test_manifest_genre_is_checked(tmp_path):
    (tmp_path / "manifest.toml").write_text(
        '[[documents]]\nid = "x"\ntitle = "t"\nyear = 2027\ngenre = "novel"\nfile = "x.txt"\n', encoding="utf-8")
    with pytest.raises(DocumentError, match="malformed manifest"):
        load_manifest(tmp_path)
    (tmp_path / "manifest.toml").write_text(
        '[[documents]]\nid = "x"\ntitle = "t"\nyear = 2027\nfile = "x.txt"\n' * 2, encoding="utf-8")
    with pytest.raises(DocumentError, match="duplicate document ids"):
        load_manifest(tmp_path)


def test_corpus_of_three_documents(multidoc_knowledge):
    docs = load_corpus(multidoc_knowledge)
    assert [(d.doc, d.year, d.genre) for d in docs] == [
        ("erenhot-2026", 2026, "plan"), ("erenhot-2027", 2027, "plan"), ("erenhot-2025-report", 2025, "report")]
    chunks = chunk_docs(docs, 160)
    assert {c.doc for c in chunks} == {d.doc for d in docs}
    assert len({c.id for c in chunks}) == len(chunks)
