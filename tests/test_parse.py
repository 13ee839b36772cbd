from assistant.corpus import corpus
from assistant.errors import DocumentError
from assistant.parse import parse_plan, repair_page_breaks
from assistant.settings import Settings

import pytest

RAW = (Settings().knowledge_dir / "erenhot-2026-plan.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def doc():
    return corpus(Settings().knowledge_dir)[0]


def test_structure_notice_preamble_chapters_sections(doc):
    chapters = [c.chapter for c in doc.chapters]
    assert chapters == ["通知", "总体要求", "一", "二", "三", "四", "五", "六", "七"]
    numbered = [c for c in doc.chapters if c.chapter not in ("通知", "总体要求")]
    assert len(numbered) == 7
    assert sum(1 for s in doc.sections if s.section) == 15
    assert doc.chapters[2].title == "全力扩需求、增活力，推动经济质效实现新提升"
    assert doc.section("五", "（一）").section_title == "精修城市功能品质，打造宜居宜业边城"
    assert doc.section("六", "") is not None and doc.section("六", "（一）") is None
    assert doc.title == "2026年二连浩特市国民经济和社会发展计划"
    assert doc.warnings == ()


def test_topics_are_found(doc):
    topics = [t.text for t in doc.section("二", "（一）").topics]
    assert topics == ["推动对外贸易提质增量。", "壮大进出口加工业。", "推进边境旅游高质量发展。", "扩大清洁能源产业规模。"]


def test_five_page_breaks_are_repaired_and_real_breaks_kept(doc):
    assert len(doc.repairs) == 5
    for joined in ("内蒙古系列", "开工，打造千吨级", "覆盖范围", "道路、16座", "分层分类"):
        assert joined in doc.text
    assert "2026年二连浩特市\n\n国民经济和社会发展计划" in doc.text  # the title's break is a real one
    assert doc.text.count("\n\n") == RAW.count("\n\n") - 5


def test_every_sentence_is_verbatim_and_inside_its_section(doc):
    for s in doc.sections:
        for p in s.paragraphs:
            for sent in p.sentences:
                assert doc.text[sent.start:sent.end] == sent.text
                assert s.start <= sent.start and sent.end <= s.end
                assert "**" not in sent.text and "\n" not in sent.text


def test_notice_holds_issuer_date_and_session(doc):
    notice = doc.section("通知")
    text = doc.text[notice.start:notice.end]
    assert "二连浩特市人民政府" in text and "2026年3月3日" in text and "第十六届人民代表大会第五次会议" in text


def test_parser_is_not_tuned_to_one_file():
    other = (
        "某某市人民政府关于下达2027年某某市国民经济和社会发展计划的通知\n\n各单位：\n\n现予下达。\n\n某某市人民政府\n\n2027年1月5日\n\n"
        "2027年某某市\n\n国民经济和社会发展计划\n\n总体要求是：稳中求进。主要预期目标是：地区生产总值增长5%左右。\n\n"
        "一、扩大内需\n\n（一）促进消费。新增限上企业8户以上，推动商贸\n\n流通提质。\n\n（二）扩大投资。实施项目20个。\n\n"
        "二、保护生态\n\n完成治理10万亩。\n"
    )
    d = parse_plan(other, "other-2027")
    assert [c.chapter for c in d.chapters] == ["通知", "总体要求", "一", "二"]
    assert [s.section for s in d.chapters[2].sections] == ["（一）", "（二）"]
    assert "推动商贸流通提质。" in d.text and len(d.repairs) == 1


def test_unparseable_text_says_why():
    with pytest.raises(DocumentError, match="no chapter headings"):
        parse_plan("just some text without any structure.", "junk")
    with pytest.raises(DocumentError, match="empty"):
        parse_plan("   \n", "blank")


def test_repair_keeps_headings_apart():
    text, repairs = repair_page_breaks("一、标题，没有句号\n\n（一）小节。正文\n")
    assert repairs == () and "\n\n" in text
