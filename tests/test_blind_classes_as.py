"""Classes of failure found by blind-as (young people back home, gacha cadres, investors writing traditional
characters, terse text messages, non-native English from logistics partners, refusals, conversations), each tested in
other words than the set's items: a quantity the plans never name (依存度) of a thing they do; which of two paths is
better (哪个更香) is advice; 涨几 asks a growth; a unit in Latin letters after a Chinese figure (万kw); a firm of a
place said first is who asks; the asker's trade said first (做X的，) is who asks; 哪个更大 after two figures given in
one answer; 分成了哪几个方面 asks a section's subheadings; a target or a forecast asks the framing; what was heard,
said after an English question, names the thing asked."""

from __future__ import annotations

import pytest
from conversation import answered, converse


@pytest.mark.parametrize("question", [
    pytest.param("外贸依存度今年定了多少？", id="a quantity the plans never name"),
    pytest.param("考公务员和进民企哪个更香？", id="which path is better"),
])
def test_refused(bot, question):
    a = bot.ask(question)
    assert a.refused, a.answer


@pytest.mark.parametrize("question, said", [
    pytest.param("2万kw那个风电 啥阶段", "开工建设", id="万kw"),
    pytest.param("澳门企业做贸易，计划里“两新”政策写在哪一节？", ("第一章", "两新"), id="a firm of a place said first"),
    pytest.param("搞跨境电商的，今年社零增速目标多少？", "4.5%左右", id="the asker's trade said first"),
    pytest.param("清洁能源那一块，计划分为哪几个方面？", "扩大清洁能源产业规模", id="分为哪几个方面"),
    pytest.param("What exports does the plan push? I was told about the 'new three'.", "新三样",
                 id="what was told, after an English question"),
])
def test_answered(bot, question, said):
    a = bot.ask(question)
    assert not a.refused and answered(a, said), a.answer


def test_zhang_ji_asks_the_growth_of_the_thing_named(bot):
    # 涨几: the one growth figure asked, not every growth of the list it sits in
    assert answered(bot.ask("一般公共预算收入 涨几"), "2%左右", "4.5%")


def test_which_is_larger_after_two_figures_in_one_answer(bot):
    a = converse(bot, ["社零和固投增长目标分别是多少？", "谁高？"])
    assert answered(a, ("4.5%左右", "10%左右"))


def test_target_or_forecast_is_not_off_topic(bot):
    a = converse(bot, ["What is the GDP growth target?", "Is that a target or a forecast?"])
    assert not a.refused and "6%" in a.answer, a.answer
