"""Classes of failure found by blind-be (journalists, health workers, lists, young people, machine-translated English,
refusals, conversations), each tested in other words than the set's items: what the asker will do with the figures
said first (帮我核几个数：); what the answer is for, said after the question (好提前…); a framing claimed of a figure
after it (…is 确保, right?); the names of companies, an estimated cost; which meeting; a notice's signing date and
whom it is sent to; "say the figure again, and…"; the names asked after a count; the existence of a thing the plan
never names (有没有…床位); where a figure ranks, said beside it; "the two" figures of a kind."""

from __future__ import annotations

import pytest
from conversation import answered, converse


@pytest.mark.parametrize("question, said, not_said", [
    pytest.param("请核实下面几个数据：固投、社零增速目标各是多少？", ("10%", "4.5%"), "68个",
                 id="what the asker will do with the figures, said first"),
    pytest.param("我是导游，今年二连要办哪些大型赛事？好提前安排行程。", "汽车拉力锦标赛", "",
                 id="what the answer is for, said after the question"),
    pytest.param("The plan says the 460亿元 trade figure is 确保 (guaranteed), correct?", "strive", "Yes",
                 id="a framing claimed after the figure"),
    pytest.param("At which meeting was the plan adopted?", "第五次会议", "", id="which meeting"),
    pytest.param("这份计划的落款日期是哪天？", "2026年3月3日", "", id="a signing date"),
    pytest.param("这个计划下发给了哪些单位？", "驻市各单位", "", id="whom the notice is sent to"),
    pytest.param("听说今年社零目标是6%，在全区名列前茅，对吗？", "4.5%", "", id="where a figure ranks, said beside it"),
    pytest.param("居民收入的两项增速是多少？", ("4%", "5%"), "", id="the two figures of a kind"),
])
def test_answered(bot, question, said, not_said):
    a = bot.ask(question)
    assert answered(a, said, not_said), a.answer


@pytest.mark.parametrize("question", [
    pytest.param("Give me the names of the companies building the energy storage station.", id="names of companies"),
    pytest.param("What's the estimated cost of the 中华美食街 project?", id="an estimated cost"),
    pytest.param("养老服务中心有没有康复病床？", id="the existence of a thing the plan never names"),
    pytest.param("去蒙古国旅游要办什么签证？", id="a guard (refused before too): an errand"),
])
def test_refused(bot, question):
    a = bot.ask(question)
    assert a.refused, a.answer


def test_say_the_figure_again_and_ask_another(bot):
    a = converse(bot, ["社零增速目标多少？", "再说一遍数字，另外固投增速呢？"])
    assert answered(a, ("4.5%", "10%")), a.answer


def test_the_names_asked_after_a_count_are_declined(bot):
    a = converse(bot, ["今年固定资产投资项目有多少个？", "完成投资多少？", "具体是哪些项目，有清单吗？"])
    assert a.refused, a.answer
