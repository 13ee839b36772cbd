"""Classes of failure found by blind-ad (young job seekers, elderly callers, compound questions, comparisons and
counts, formal English, refusals, conversations), each tested in other words than the set's items: two things of the
plan weighed against each other (A比B高几个点, A是B的几倍, A和B哪个大), while a comparison with another year stays
declined and 哪个大型 is no comparison; a second question of another measure after a question mark; things the plan
names one by one asked "how many"; a figure of something the plans never name, asked of a thing with several figures;
the caller's own inference said after the question (…也多吧), which is no claim about the plan; and the highest or
lowest of the figures one place sets side by side. (The caller's own
slip after an apology is a case of test_blind_classes_ab's slip test.)"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, figures", [
    ("城市更新投资和招商引资到位资金哪个大", ("2.1亿元", "20亿元")),
    ("固投增速目标比GDP增速目标高几个百分点？", ("10%", "6%")),
    ("进出口贸易额是互市贸易额的多少倍", ("460亿元", "15亿元")),
])
def test_two_things_weighed_against_each_other_get_both_figures(bot, question, figures):
    a = bot.ask(question)
    assert not a.refused and all(f in a.answer for f in figures), a.answer


def test_a_comparison_with_another_year_is_still_declined(bot):
    a = bot.ask("社零增速比去年高吗")
    assert a.refused and "往年" in a.answer, a.answer


def test_which_big_market_is_no_comparison(bot):
    a = bot.ask("农畜产品要跟哪个大型农贸市场合作")
    assert not a.refused and "新发地" in a.answer, a.answer


@pytest.mark.parametrize("question, first", [("锦裕铁矿石二期规模多大？总投资是多少？", "500万吨"),
                                             ("达克沙地综合治理是第几期？投资多少？", "二期")])
def test_a_second_question_of_another_measure_after_a_question_mark_is_its_own(bot, question, first):
    a = bot.ask(question)
    assert first in a.answer and "计划没有给出这一数字" in a.answer, a.answer


def test_things_named_one_by_one_asked_how_many_are_listed(bot):
    a = bot.ask("风电方面今年开工的项目有几个")
    assert not a.refused and "50万千瓦风电竞配" in a.answer and "2万千瓦分散式风电" in a.answer, a.answer


def test_a_figure_of_something_the_plans_never_name_is_no_choice_between_a_thing_s_figures(bot):
    a = bot.ask("储能电站项目能享受多少贴息")
    assert a.refused and a.route == "refusal", a.answer


def test_the_caller_s_own_inference_after_the_question_is_no_claim(bot):
    a = bot.ask("今年招商能引来多少钱 项目多了就业也多吧")
    assert not a.refused and "20亿元" in a.answer and "没有这样的说法" not in a.answer, a.answer


def test_a_claim_ending_in_ba_is_still_checked(bot):
    a = bot.ask("社零增长5%左右 应该没错吧")
    assert "4.5%" in a.answer and not a.answer.startswith("是的"), a.answer


def test_the_highest_of_the_figures_one_place_sets_side_by_side_shows_them_all(bot):
    a = bot.ask("主要预期目标中增长最快的是哪个")
    assert not a.refused and all(f in a.answer for f in ("10%左右", "6%左右", "2%左右")), a.answer


def test_the_first_of_things_the_plan_only_counts_is_still_declined(bot):
    a = bot.ask("68个项目里投资最大的是哪个")
    assert a.refused and "排序" in a.answer, a.answer
