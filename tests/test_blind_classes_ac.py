"""Classes of failure found by blind-ac (port workers as transcripts, department staff, fact-checkers, non-native
English, typing slips, refusals, conversations), each tested in other words than the set's items: several figures
claimed in one breath, each checked; a span of years (the five-year period) asked of a yearly plan; a thing's two
figures asked in two units; a thing named by all its figures and asked how they are framed; "say it in English"
after a follow-up that asked how the last figure is framed; a list asked of a sentence that opens on its topic; a
second part that names only a kind of thing (哪些项目); "which of the two is higher" after two figures; and a
follow-up that asks only a measure (投资额多少) of the last answer's thing; English list requests after the question
("name them", "list pls") and a glossary phrase in the other number (industry, industries); a where-question and a
figure question parted by 、, each declined; projects asked of a partner place the plan names only as a partner; and
where water is brought from; and another field asked after a list with a narrow frame (要开工的项目), where the plan
never says the two together."""

from __future__ import annotations

import pytest


def test_several_claimed_figures_are_each_checked(bot):
    a = bot.ask("听说GDP增长6%左右、一般公共预算收入增长5%，是这样吗")
    assert not a.refused and "6%左右" in a.answer and "2%左右" in a.answer, a.answer
    assert len({c.quote for c in a.citations}) == 2, a.citations


@pytest.mark.parametrize("question", ["“十五五”时期社会消费品零售总额要增长多少？",
                                      "Over the next five years how much fixed asset investment is planned?"])
def test_a_span_of_years_is_not_the_plan_s_year(bot, question):
    a = bot.ask(question)
    assert a.refused and a.route == "refusal", a.answer
    assert "十五五" in a.answer or "Five-Year" in a.answer, a.answer


def test_the_plan_s_own_five_year_period_is_still_answered(bot):
    a = bot.ask("2026年在“十五五”里是第几年？")
    assert not a.refused and any("开局之年" in c.quote for c in a.citations), a.answer


@pytest.mark.parametrize("question, said", [
    ("储能电站装机多少万千瓦、储能容量多少万千瓦时", ("20万千瓦", "80万千瓦时")),  # a thing's two figures in two units
    ("20万千瓦/80万千瓦时储能电站到什么阶段了", ("20万千瓦", "80万千瓦时", "投产达效")),  # named by all its figures
    ("城市更新方面今年具体干哪些事", ("土默特街改造", "20.9公里")),  # a sentence that opens on the asked topic
    ("三北工程治理修复多少亩、要实施哪些项目", ("88万亩", "达克沙地")),  # a second part naming only a kind of thing
], ids=["two-units", "named-by-its-figures", "sentence-opens-on-topic", "kind-only-second-part"])
def test_the_answer_holds_everything_asked(bot, question, said):
    a = bot.ask(question)
    assert all(x in a.answer for x in said), a.answer


def test_one_unit_asked_gets_one_figure(bot):
    a = bot.ask("储能电站多少万千瓦")
    assert "20万千瓦" in a.answer and "80万千瓦时" not in a.answer, a.answer


def test_say_it_in_english_after_asking_how_a_figure_is_framed(bot):
    first = bot.ask("进出口贸易额目标多少")
    second = bot.ask("这是力争还是确保", session_id=first.session_id)
    a = bot.ask("In English please", session_id=second.session_id)
    assert not a.refused and "460" in a.answer and a.answer.startswith(("According", "Imports", "Import", "The")), a.answer


def test_which_of_the_two_after_two_figures_gets_both(bot):
    first = bot.ask("规上工业增加值增速多少")
    second = bot.ask("社零呢", session_id=first.session_id)
    a = bot.ask("两者差多少", session_id=second.session_id)
    assert "10%" in a.answer and "4.5%" in a.answer, a.answer


def test_these_two_asked_where_is_no_comparison(bot):
    first = bot.ask("规上工业增加值增速多少")
    second = bot.ask("社零呢", session_id=first.session_id)
    a = bot.ask("这两个在哪一章", session_id=second.session_id)
    assert "10%" not in a.answer or "4.5%" not in a.answer, a.answer


def test_a_measure_alone_after_a_thing_asks_that_thing_s_figure(bot):
    first = bot.ask("锦裕铁矿石二期项目规模多大")
    a = bot.ask("投资额多少", session_id=first.session_id)
    assert a.refused and a.route == "refusal" and "锦裕" in a.answer, a.answer


@pytest.mark.parametrize("question", ["Which cities will the city cooperate with in the region? name them",
                                      "What emerging industry does the plan target? list pls"])
def test_an_english_list_request_after_the_question_asks_a_list(bot, question):
    a = bot.ask(question)
    assert not a.refused and a.answer.count("\n- ") >= 3, a.answer


def test_a_where_question_and_a_figure_question_parted_by_a_pause_mark_are_both_declined(bot):
    a = bot.ask("蒙府酒店建在哪个位置、投资多少钱？")
    assert a.refused and "计划没有给出这一数字" in a.answer and "具体地点" in a.answer, a.answer


def test_projects_asked_of_a_place_named_only_as_a_partner_are_declined(bot):
    a = bot.ask("跟深圳合作的具体项目有哪些")
    assert a.refused and a.route == "refusal", a.answer


def test_projects_of_a_field_named_in_a_heading_are_still_listed(bot):
    a = bot.ask("清洁能源今年开工的项目有哪些")
    assert not a.refused and "风电" in a.answer, a.answer


def test_where_water_is_brought_from_is_a_place_the_plan_does_not_name(bot):
    a = bot.ask("跨流域调水的水从哪里引过来")
    assert a.refused and "具体地点" in a.answer, a.answer


def test_another_field_after_a_narrow_list_keeps_the_frame_only_where_the_plan_has_it(bot):
    first = bot.ask("养老方面有哪些要开工的项目")
    school = bot.ask("教育呢", session_id=first.session_id)
    assert "第三小学" in school.answer, school.answer  # the plan has a school project to start: the frame holds
    jobs = bot.ask("就业呢", session_id=school.session_id)
    assert "就业" in jobs.answer and "第三小学" not in jobs.answer and "养老服务中心" not in jobs.answer, jobs.answer


@pytest.mark.parametrize("question", ["储能电站能存多少千瓦时的电", "How many MWh can the grid-side storage station hold?"])
def test_a_unit_inside_another_unit_is_not_asked_too(bot, question):
    a = bot.ask(question)  # 千瓦 inside 千瓦时: the energy alone is asked
    assert "80" in a.answer and "20万千瓦，" not in a.answer and "200 MW" not in a.answer, a.answer
