"""Classes of failure found by blind-ac (port workers as transcripts, department staff, fact-checkers, non-native
English, typing slips, refusals, conversations), each tested in other words than the set's items: several figures
claimed in one breath, each checked; a span of years (the five-year period) asked of a yearly plan; a thing's two
figures asked in two units; a thing named by all its figures and asked how they are framed; and "say it in English"
after a follow-up that asked how the last figure is framed."""

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


def test_a_thing_s_two_figures_asked_in_two_units_are_both_given(bot):
    a = bot.ask("储能电站装机多少万千瓦、储能容量多少万千瓦时")
    assert "20万千瓦" in a.answer and "80万千瓦时" in a.answer, a.answer


def test_one_unit_asked_gets_one_figure(bot):
    a = bot.ask("储能电站多少万千瓦")
    assert "20万千瓦" in a.answer and "80万千瓦时" not in a.answer, a.answer


def test_a_thing_named_by_all_its_figures_and_asked_its_stage_gets_both(bot):
    a = bot.ask("20万千瓦/80万千瓦时储能电站到什么阶段了")
    assert "20万千瓦" in a.answer and "80万千瓦时" in a.answer and "投产达效" in a.answer, a.answer


def test_say_it_in_english_after_asking_how_a_figure_is_framed(bot):
    first = bot.ask("进出口贸易额目标多少")
    second = bot.ask("这是力争还是确保", session_id=first.session_id)
    a = bot.ask("In English please", session_id=second.session_id)
    assert not a.refused and "460" in a.answer and a.answer.startswith(("According", "Imports", "Import", "The")), a.answer
