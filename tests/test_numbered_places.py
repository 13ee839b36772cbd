"""A place of the plan named by its numbers (第三章第二节, chapter 4 section 3) or by its title said as a place (“精修城市
功能品质”这一节): read into the plan's notation, answered with the place's title and what it holds, used as where to
look, and declined when the plan has no such place."""

from __future__ import annotations

import pytest

from assistant.understand.numbered import numbered, titled


@pytest.mark.parametrize(("text", "place"), [
    ("第三章第二节讲的是什么？", ("三", "（二）")),
    ("第四章（三）主要内容", ("四", "（三）")),
    ("第3章第1节", ("三", "（一）")),
    ("第六章", ("六", "")),
    ("What does chapter 4 section 3 cover?", ("四", "（三）")),
    ("chapter two, section one", ("二", "（一）")),
    ("Summarise section 2 of chapter III", ("三", "（二）")),
])
def test_numbers_are_read_into_the_plan_s_notation(text, place):
    got = numbered(text)
    assert got is not None and (got.chapter, got.section) == place
    assert "章" not in got.rest and "chapter" not in got.rest.lower()


@pytest.mark.parametrize("text", ["第十六届人民代表大会第五次会议", "今年GDP增长多少", "十五五规划的第一年", "Chapter and verse"])
def test_other_numbers_are_not_places(text):
    assert numbered(text) is None


@pytest.mark.parametrize(("question", "title", "item"), [
    ("第七章第三节讲的是什么？", "守牢社会稳定底线", "安全生产"),
    ("第五章第一节主要写了哪些内容", "精修城市功能品质", "城市更新"),
    ("Chapter 5, section 2: what is it about?", "深耕乡村振兴实践", "千万工程"),
    ("第二章第一节下面分了哪几块", "提质升级传统产业", "推进边境旅游高质量发展"),
    ("第四章讲了什么", "持续深化内外联动", "拓展对外交流维度"),
])
def test_a_numbered_place_is_answered_with_its_title_and_contents(bot, question, title, item):
    a = bot.ask(question)
    assert not a.refused and title in a.answer and item in a.answer, a.answer
    chapter = numbered(question).chapter
    assert a.citations and all(c.chapter == chapter for c in a.citations)
    for c in a.citations:  # every line quotes its own place
        assert c.quote in bot.plan_text


def test_a_question_inside_a_numbered_place_is_answered_from_there(bot):
    a = bot.ask("第六章里治理修复任务是多少亩？")
    assert "88万亩" in a.answer and a.citations[0].chapter == "六", a.answer


@pytest.mark.parametrize(("question", "said"), [("第九章讲什么？", "第九章"), ("What is in chapter 3, section 5?",
                                                                              "chapter 3, section 5")])
def test_a_place_the_plan_does_not_have_is_declined_by_name(bot, question, said):
    a = bot.ask(question)
    assert a.refused and said in a.answer and not a.citations, a.answer


@pytest.mark.parametrize(("text", "place"), [
    ("“精修城市功能品质”这一节讲了什么", ("五", "（一）")),
    ("守牢社会稳定底线这一部分有哪些任务", ("七", "（三）")),
    ("“坚守生态保护底线，推动绿色发展取得新突破”这章主要内容", ("六", "")),
])
def test_a_title_said_as_a_place_names_it(bot, text, place):
    got = titled(text, bot.lexicon.docs)
    assert got is not None and (got.chapter, got.section) == place and "底线" not in got.rest


def test_a_title_s_words_in_a_question_are_not_a_place(bot):
    assert titled("今年要精修城市功能品质吗", bot.lexicon.docs) is None


def test_a_place_named_by_its_title_is_outlined(bot):
    a = bot.ask("“拓展对外交流维度”这一节主要讲什么？")
    assert not a.refused and "拓宽开放发展空间" in a.answer and "国际友城" in a.answer + " ".join(
        c.quote for c in a.citations), a.answer
    assert all((c.chapter, c.section) == ("四", "（二）") for c in a.citations)
