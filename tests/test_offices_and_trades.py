"""Classes of failure found by the blind set blind-t (hotline callers from trades, bureau staff checking their own
tasks, Mongolian and Russian traders): an office named as the asker's field, the stage a project has reached, the
sentence that holds more of the question's own words, a subject alone with 呢 after a figure asked, an acronym in a
transcript, a ranking, a travel itinerary, and a figure of a measure the table does not hold (workers, wages). Each
is tested in other words than the set's items."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("question", "expected"), [
    ("民政局这边今年主要干啥", "养老"),
    ("教体局今年有什么硬任务", "义务教育"),
    ("住建局这块有哪些硬任务", "城市更新"),
    ("农牧局：我们口今年有什么安排", "农牧业"),
])
def test_an_office_asks_about_its_own_field(bot, question, expected):
    a = bot.ask(question)
    assert not a.refused and expected in a.answer, a.answer


def test_the_stage_a_project_has_reached_is_what_the_plan_says_of_it(bot):
    a = bot.ask("养老服务中心现在进展到哪了")
    assert not a.refused and "开工建设" in a.answer, a.answer


def test_the_sentence_holding_the_longer_words_of_the_question_is_cited_first(bot):
    a = bot.ask("财政这块 化解存量债务 是哪一节说的")
    assert (a.citations[0].chapter, a.citations[0].section) == ("七", "（三）"), a.citations


@pytest.mark.parametrize(("question", "figures"), [
    ("固投增长多少 社零呢", ("10%", "4.5%")),
    ("社零增长多少 一般公共预算收入增长多少 GDP呢", ("4.5%", "2%", "6%")),
    ("What is the fixed-asset investment growth target? And retail sales?", ("10%", "4.5%")),
])
def test_a_subject_alone_asks_what_the_question_before_it_asked(bot, question, figures):
    a = bot.ask(question)
    assert all(f in a.answer for f in figures), a.answer


@pytest.mark.parametrize("question", [
    "Where does Erenhot rank among Chinese land ports?",
    "二连的进出口贸易额在全区口岸排第几",
])
def test_a_ranking_the_plan_does_not_make_is_declined(bot, question):
    a = bot.ask(question)
    assert a.refused and not a.facts, a.answer


def test_a_ranking_the_plan_does_make_is_answered(bot):
    a = bot.ask("社会救助保障水平在区盟排名怎么样")
    assert not a.refused and "前列" in a.answer, a.answer


@pytest.mark.parametrize("question", ["帮我规划一条二连两日游路线", "Could you plan me an itinerary for two days in Erenhot?"])
def test_a_travel_itinerary_is_not_a_question_about_the_plan(bot, question):
    a = bot.ask(question)
    assert a.refused and a.route == "refusal" and not a.citations, a.answer


@pytest.mark.parametrize("question", ["储能电站项目能提供多少就业岗位", "锦裕铁矿石项目的工人工资多少",
                                      "How many workers will the iron ore project employ?"])
def test_workers_and_wages_are_not_the_project_s_scale(bot, question):
    a = bot.ask(question)
    assert a.refused and not a.facts, a.answer


def test_a_claim_taking_another_project_s_figure_shows_that_project_as_the_plan_frames_it(bot):
    a = bot.ask("听说2万千瓦的风电项目今年全容量发电，是吧")
    assert "需要更正" in a.answer and "2万千瓦，开工建设" in a.answer, a.answer
    assert not a.answer.startswith("是的"), a.answer


def test_names_given_as_instances_of_the_kind_asked_answer_which_firms(bot):
    a = bot.ask("Which firms does the plan name as the backbone enterprises to expand?")
    assert not a.refused and "百汇源" in a.answer, a.answer


def test_a_generic_kind_does_not_make_another_sentence_s_firms_an_answer(bot):
    a = bot.ask("50万千瓦风电竞配是哪家企业做的")
    assert a.refused and "百汇源" not in a.answer, a.answer


def test_and_does_it_say_after_a_question_naming_the_plan_is_a_second_question(bot):
    a = bot.ask("What does the plan promise on the business environment for investors, and does it say anything "
                "about unpaid bills owed to firms?")
    assert not a.refused and "营商环境" in a.answer and "拖欠" in a.answer, a.answer


@pytest.mark.parametrize("question", ["养老服务中心什么时候建好，计划咋写的", "第三小学多功能教室 啥时候完工 计划里怎么说的"])
def test_when_then_what_the_plan_says_answers_the_second_once(bot, question):
    a = bot.ask(question)
    assert not a.refused and a.citations, a.answer
    quote = a.citations[0].quote
    assert a.answer.count(quote) == 1, a.answer


def test_when_alone_is_still_declined(bot):
    a = bot.ask("养老服务中心什么时候建好")
    assert a.refused, a.answer
