"""Classes of failure found by blind-aj (deputies, customs brokers and forwarders, students, hotline transcripts,
business partners in non-native English, refusals, conversations), each tested in other words than the set's items:
advice on where to set up and a request to write an application are not questions about the plan; a rent is a
price; two things weighed (A比B高还是低); "among the several X" is where a question looks, not a count; the biggest
of the projects at a stage, side by side; the day the plan was issued; a claim about a thing the plan names by its
full term; import structure in everyday words; a claimed amendment before asking the plan's target as it stands;
a story's year before a question said in pieces; 和…有关 is not a second subject; and in conversations: the unit of
the last figure, the same figure claimed of another thing, its framing asked by name, a return to an earlier topic,
and the lowest of figures just shown."""

from __future__ import annotations

import pytest
from conversation import answered, converse


@pytest.mark.parametrize("question", [
    pytest.param("我们应该把仓库设在二连还是满洲里好？", id="where to set up"),
    pytest.param("Could you advise whether we should register our firm in Erenhot or in Hohhot?", id="advice, English"),
    pytest.param("替我起草一份申报专精特新企业的报告", id="write an application"),
])
def test_not_about_the_plan(bot, question):
    a = bot.ask(question)
    assert a.refused and ("不是关于计划的问题" in a.answer or "not a question about the plan" in a.answer), a.answer


@pytest.mark.parametrize("question, said, not_said", [
    pytest.param("农牧民收入增速比社零增速高还是低？", ("5%", "4.5%"), "", id="A比B高还是低"),
    pytest.param("几个主要预期指标里，哪个增速最低？", ("2%",), "没有给出", id="among the several"),
    pytest.param("风电项目中开工建设的，最大的那个装机是多少？", ("50万千瓦",), "全容量发电", id="the biggest at a stage"),
    pytest.param("这份计划是哪一天下达的？", ("2026年3月3日",), "", id="the day it was issued"),
    pytest.param("听说二连那个市场采购贸易试点早就批下来了，老乡们开单直接走货没问题吧？", ("市场采购贸易试点",), "",
                 id="a claim"),
    pytest.param("进口货物结构怎么调", ("资源类产品",), "", id="import structure"),
    pytest.param("据说GDP增速调成7%了，请问计划文本里GDP目标现在是多少", ("6%",), "", id="a claimed amendment"),
    pytest.param("我闺女明年上初中 就是想问 第三小学 要盖啥 是教室吗", ("多功能教室",), "", id="a story's year"),
    pytest.param("主要预期目标里跟收入有关的有哪几项？", ("农牧民人均可支配收入",), "地区生产总值", id="和…有关"),
])
def test_answered(bot, question, said, not_said):
    assert answered(bot.ask(question), said, not_said)


def test_a_rent_is_a_price(bot):
    a = bot.ask("电商企业入驻海外仓的租金是每平米多少？")
    assert a.refused and "计划没有" in a.answer, a.answer


@pytest.mark.parametrize("turns, said, not_said", [
    pytest.param(("What is the import and export target?", "And the unit?"), "460亿元", "", id="and the unit"),
    pytest.param(("GDP增长目标多少", "社零也是这个数吗？"), "4.5%", "地区生产总值", id="the same figure"),
    pytest.param(("GDP增长目标多少", "社零那个是左右还是以上？"), "4.5%左右", "城镇居民", id="framing by name"),
    pytest.param(("农牧民收入今年涨多少", "这个比固投增速高还是低？"), "10%", "", id="weighed after a figure"),
    pytest.param(("社零增长目标多少", "第三小学要建什么？", "再回到刚才社零那个数，是约数吗？"), "4.5%", "城镇居民",
                 id="back to an earlier topic"),
    pytest.param(("主要预期目标里哪个增速最高", "那最低的是哪项？"), "2%", "", id="the lowest after"),
])
def test_follow_ups(bot, turns, said, not_said):
    assert answered(converse(bot, turns), said, not_said)
