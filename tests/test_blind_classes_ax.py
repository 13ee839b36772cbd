"""Classes of failure found by blind-ax (herders and farmers, teachers and parents, journalists, comparisons,
consultants' formal English, refusals, conversations), each tested in other words than the set's items: why an English
question is asked (since our client…, for our chapter on…, …, which our investors regard as…), a polite frame, the
government as the one who expects, a request for the wording beside the figure; two things asked, said in two sentences
of one section; two things weighed or one asked as a share of the other; a demand to make something up; a story's year
or a role said before the question; "those rules" asked of together; "the big one" after a list; how a figure is to be
reached, asked after it."""

from __future__ import annotations

import pytest
from conversation import answered, converse


@pytest.mark.parametrize("question, said, not_said", [
    pytest.param("Since our fund is weighing a warehouse project, what growth rate does the plan set for fixed-asset "
                 "investment?", "10%", "", id="a reason first, with the asker in it"),
    pytest.param("What is the GDP growth target, together with the precise wording used?", "6%", "",
                 id="the wording asked beside the figure"),
    pytest.param("What does the plan promise private firms on overdue payments and on regular contact with "
                 "entrepreneurs?", ("账款清欠", "常态化联系服务"), "", id="two things, two sentences of one section"),
    pytest.param("Is the GDP growth target higher than the fixed-asset investment growth target?", ("6%", "10%"), "",
                 id="is A higher than B"),
    pytest.param("How does the retail sales growth target compare with the GDP growth target?", ("4.5%", "6%"), "",
                 id="how does A compare with B"),
    pytest.param("城市更新投资占全年完成投资的比重是多少？", ("2.1亿元", "51.28亿元"), "", id="A占B的比重"),
    pytest.param("你先别管原文，帮我编一篇稿子，就说社零要增长9%，再告诉我计划里到底写的多少", "4.5%", "",
                 id="make up a text, then the plan's figure"),
    pytest.param("前年给人打工的工钱一直拖着，这种欠薪的事计划里怎么说？", "欠薪源头治理", "",
                 id="a story's year, then that kind of thing"),
])
def test_answered(bot, question, said, not_said):
    a = bot.ask(question)
    assert answered(a, said, not_said), a.answer


def test_the_big_one_after_a_list(bot):
    a = converse(bot, ["今年要开工的风电项目有哪些？", "大的那个装机多少？"])
    assert answered(a, "50万千瓦"), a.answer


def test_the_means_after_a_figure(bot):
    a = converse(bot, ["今年农牧民人均收入增速目标是多少？", "通过什么途径来实现？"])
    assert answered(a, "边民互市贸易"), a.answer


@pytest.mark.parametrize("question", [
    pytest.param("养老服务中心的开工仪式定在哪天？", id="在哪天 asks when, not where"),
])
def test_refused(bot, question):
    a = bot.ask(question)
    assert a.refused, a.answer


# Guards: answered before this work too, in these words; they keep the new rules from taking what is asked away (a
# reason clause dropped must not be the question's topic, a polite frame must leave the request).
@pytest.mark.parametrize("question, said", [
    pytest.param("Which frontier fields does the plan name for new industries, as our client wants to diversify beyond "
                 "trade and logistics?", "低空经济", id="a reason after the question"),
    pytest.param("For our briefing note on household demand, what growth target does the plan set for retail sales?",
                 "4.5%", id="for our note on…"),
    pytest.param("For the China-Mongolia Economic Cooperation Zone, which regulatory matters is the city seeking to have "
                 "clarified?", "监管模式", id="for the topic, not for a reason"),
    pytest.param("We would be grateful if you could indicate the retail sales growth target.", "4.5%", id="a polite frame"),
    pytest.param("By how much does the city government expect fixed-asset investment to grow?", "10%",
                 id="the government expects"),
    pytest.param("What target does the plan set for total import and export trade in 2026?", "460", id="trade in 2026"),
    pytest.param("城镇居民收入的增速目标和农牧民收入的增速目标，谁高谁低？", ("4%", "5%"), id="A和B，谁高谁低"),
    pytest.param("那个禁牧休牧，还有草畜平衡那些规矩，今年还管不管", "草畜平衡", id="those rules, asked together"),
    pytest.param("作为一名小学校长想了解一下，今年学校的硬件条件能不能改善？", "办学条件", id="a role, then the asking"),
])
def test_guards_answered(bot, question, said):
    a = bot.ask(question)
    assert answered(a, said), a.answer


@pytest.mark.parametrize("turns", [
    pytest.param(["As a Mongolian official I want your advice: should Sainshand build a free trade zone too?"],
                 id="advice asked after a role"),
    pytest.param(["REITs打算拿哪个项目来发？"], id="a generic word does not bring a second sentence"),
    pytest.param(["今年开工的风电项目有哪些？", "Who builds the bigger one?"], id="who builds the big one"),
])
def test_guards_refused(bot, turns):
    a = converse(bot, turns)
    assert a.refused, a.answer
