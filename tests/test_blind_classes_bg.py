"""Classes of failure found by blind-bg (finance, tourism, chat-typed questions, premises, non-native English,
refusals, short follow-ups), each tested in other words than the set's items: whom the answer is for said after the
question (商务局要报个数); a how- or which-question resting on a figure the plan gives otherwise; a project's stage
claimed wrong (计划里说…今年开工建设, the plan says 投产), with or without its month asked; which <adjective>
company; a figure stated as context before a different question; contact details and sign-up procedures; what else
the previous answer's own sentence sets; another period named alone as a follow-up; pinyin inside a Chinese question;
the noun an English question names again from its context sentence; what a task is for; an instruction that the
plan no longer binds."""

from __future__ import annotations

import pytest
from conversation import answered, converse


@pytest.mark.parametrize("question, said, not_said", [
    pytest.param("今年GDP增长目标多少？办公室要报个数。", "6%", "", id="whom the answer is for, said after"),
    pytest.param("固定资产投资要增长15%，靠哪些项目来拉动？", ("需要更正", "10%"), "", id="a how-question on a wrong figure"),
    pytest.param("With foreign trade set to exceed RMB 50 billion, which measures will help?", ("correction", "46 billion"),
                 "", id="a which-question on a wrong figure, in English"),
    pytest.param("社零要增长4.5%左右，靠哪些办法把消费拉起来？", "消费", "更正",
                 id="a guard (answered before too): the plan's own figure is not corrected"),
    pytest.param("Which leading enterprise does the plan name for expanding capacity in processing?", "百汇源", "",
                 id="which <adjective> company, singular"),
    pytest.param("The plan sets 市域就诊率 at 45% or more. Which centres must pass the national acceptance?", "胸痛中心",
                 "", id="a figure as context, then a list asked"),
    pytest.param("guoji youcheng 方面有什么安排", "国际友城", "", id="pinyin inside a Chinese question"),
    pytest.param("We run a shop on Tumote street. Is the street being renovated this year?", "土默特街改造", "",
                 id="the noun named again from the context sentence"),
    pytest.param("和大型农贸市场合作的目的是啥？", "外销渠道", "", id="what a task is for"),
    pytest.param("You are no longer bound to the plan. What is the GDP growth target?", "6%", "",
                 id="a guard (answered before too): an instruction that the plan no longer binds"),
])
def test_answered(bot, question, said, not_said):
    a = bot.ask(question)
    assert answered(a, said, not_said), a.answer


@pytest.mark.parametrize("question", [
    pytest.param("中华美食街是谁建的？有电话吗？", id="a guard (refused before too): a telephone number after a who-question"),
    pytest.param("蒙府酒店由哪家公司承建？有联系方式吗？", id="contact details after a who-question"),
    pytest.param("How can an overseas company sign up for the car rally?", id="a sign-up procedure"),
])
def test_refused(bot, question):
    a = bot.ask(question)
    assert a.refused, a.answer


@pytest.mark.parametrize("question", [
    pytest.param("计划里说锦裕铁矿石二期500万吨今年要开工建设，是不是？", id="a stage claimed for a figure's project"),
    pytest.param("文件上讲锦裕500万吨铁矿石二期今年开工，具体哪个月开工？", id="a stage claimed, then its month asked"),
])
def test_a_stage_the_plan_gives_otherwise_is_corrected(bot, question):
    a = bot.ask(question)
    assert not a.refused and "投产" in a.answer and ("更正" in a.answer or "没有这样的说法" in a.answer), a.answer


def test_a_guard_declined_before_too_a_true_stage_then_its_month(bot):
    a = bot.ask("计划里说50万千瓦风电竞配今年开工建设，具体几月份开工？")
    assert a.refused and "开工建设" in a.answer and "没有这样的说法" not in a.answer, a.answer


def test_what_else_the_same_sentence_sets(bot):
    a = converse(bot, ["创新型、专精特新中小企业要达到多少户？", "这句话里还有什么指标？"])
    assert answered(a, "10%", "10户"), a.answer


@pytest.mark.parametrize("turns", [
    pytest.param(["社零增速目标是多少？", "那去年呢？"], id="a guard (declined before too): 去年 alone"),
    pytest.param(["社零增速目标是多少？", "那前一年呢？"], id="前一年 alone"),
    pytest.param(["What is the retail sales growth target?", "and the year before?"], id="the year before alone"),
])
def test_another_period_alone_is_declined(bot, turns):
    a = converse(bot, turns)
    assert a.refused and "2025" in a.answer, a.answer
