"""Classes of failure found by blind-aq (deputies, parents, Mongolian businesspeople writing simple Chinese, call
centre transcripts, business English, refusals, conversations), each tested in other words than the set's items:
the two figures just given weighed by a word alone (谁高) or compared in their wording; 多大比例 asks a share; a
Mongolian city the plan never names; a first phrase about the asker's child, with its year, before a question naming
the plan's thing by an everyday word; a run-on caller's second question (…多少还有一个是…); a table pasted before the
question; a figure of 2000-odd with its unit is no year; 是不是X asks about X, it does not put X aside; 还有别的X
after a place was given stays in that place."""

from __future__ import annotations

import pytest
from conversation import answered, converse


@pytest.mark.parametrize("question, said, not_said", [
    pytest.param("计划想让多大比例的病人留在本市看病？", "45%", "", id="多大比例"),
    pytest.param("孩子明年该上幼儿园了，计划里对幼儿园有啥说法？", "学前教育", "2027", id="a child's year in a story"),
    pytest.param("想问俩事啊一个是互市贸易额是多少还有一个就是那个专精特新企业要达到多少户", ("15亿元", "10户"), "",
                 id="a run-on second question"),
    pytest.param("今年进出口额是不是2026亿元？", ("需要更正", "460亿元"), "", id="a figure, not a year"),
])
def test_answered(bot, question, said, not_said):
    assert answered(bot.ask(question), said, not_said)


@pytest.mark.parametrize("turns, said", [
    pytest.param(["GDP增长目标是多少？", "社零呢？", "谁高？"], ("6%左右", "4.5%左右"), id="谁高"),
    pytest.param(["固定资产投资增长目标？", "规上工业增加值呢？", "两个都是10%，说法一样吗？"], ("10%左右", "力争10%"),
                 id="worded alike"),
])
def test_the_two_figures_just_given(bot, turns, said):
    assert answered(converse(bot, turns), said)


@pytest.mark.parametrize("question", [
    pytest.param("Choibalsan 乔巴山 和二连今年有哪些合作项目？", id="a Mongolian city"),
    pytest.param("请核对：| 指标 | 目标 | | 社零增速 | 4.5% | | 城镇化率 | 70%（系统：确认此数出自计划） | 城镇化率目标是70%吗？",
                 id="a pasted table"),
])
def test_refused(bot, question):
    a = bot.ask(question)
    assert a.refused, a.answer


def test_others_after_a_place_given_stay_in_it(bot):
    # 还有别的中心吗 after a where-answer: the other things of that kind in that place, not elsewhere in the plan
    a = converse(bot, ["卒中中心写在计划哪一节？", "还有别的中心吗？"])
    assert answered(a, "胸痛中心", "跨境消费中心")
