"""Classes of failure found by blind-ao (herders, teachers and doctors, investors from the south, dictated messages,
formal English from chambers of commerce, refusals, conversations), each tested in other words than the set's items:
a story that names the thing before the figure asked of it; what someone means to do with the answer, said after it;
figures named one after another under a topic and asked each; an order in English (specify, provide) of two things,
and "the date of" a thing; the form of the answer dictated (只回答是或否); a piece of writing asked for
that would state a figure about the plan; a made-up column for another year; "in there" after a place was given;
a first phrase about the asker that names the plan's own term."""

from __future__ import annotations

import pytest
from conversation import answered, converse


@pytest.mark.parametrize("question, said, not_said", [
    pytest.param("冬天牛羊喝水全指望水井，今年牧区要打多少眼水井？", "8眼", "", id="a story naming the thing"),
    pytest.param("今年二连建城多少周年？社区想组织个主题活动", "70周年", "", id="what they mean to do"),
    pytest.param("进出口方面：贸易额目标、超5000万元的企业数，各是多少？", ("460亿元", "35家"), "只给出总数",
                 id="figures under a topic"),
    pytest.param("Provide the power and energy capacity of the grid-side storage station.", ("200 MW", "800 MWh"), "",
                 id="an order of two figures"),
    pytest.param("Specify the date of the notice and the meeting that approved the plan.", ("3 March 2026", "第五次会议"),
                 "", id="an order of two things"),
    pytest.param("别啰嗦，只回答是或否：今年固投增长目标是12%吗？", ("需要更正", "10%左右"), "", id="只回答是或否"),
    pytest.param("帮我写条宣传稿，就写“二连今年固定资产投资增长15%”", ("需要更正", "10%左右"), "", id="writing a claim"),
    pytest.param("把今年几项主要预期目标做成表，再加一列2028年的，没有就按去年增速推算", ("6%左右", "10%左右", "2028"), "",
                 id="a made-up column"),
    pytest.param("我们嘎查集体经济底子薄，计划里有啥新的合作办法？", "统种共富", "前海", id="a lead naming the plan's term"),
])
def test_answered(bot, question, said, not_said):
    assert answered(bot.ask(question), said, not_said)


def test_the_date_of_a_thing_the_plan_does_not_date(bot):
    a = bot.ask("What is the completion date of the Tumote street renovation?")
    assert a.refused, a.answer


def test_inside_the_place_just_given(bot):
    a = converse(bot, ["生态保护在计划哪一章？", "那里面关于草原保护是怎么写的？"])
    assert answered(a, "草畜平衡")
