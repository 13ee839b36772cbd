"""Classes of failure found by blind-bk (planners, safety officers, Chinese mixed with Latin letters, the plan's
structure, voice-assistant English, refusals, conversations that come back to an earlier topic), each tested in other
words than the set's items: 同比 as the growth asked, not a comparison; a request not about the plan, then a question
of its own; a word that only frames a figure (新增) matched to a row; a count in 处; an acronym run into Chinese, and a
second sentence asking a figure of it; the year's kind asked by 什么样的年份; a section or chapter said by English
ordinals; a chapter said to have no sections; a place alone, whether and where it is named; an earlier topic named
again in another form; the first question named by its order; a spoken filler after "and"."""

from __future__ import annotations

import pytest
from conversation import answered, converse


@pytest.mark.parametrize("question, said", [
    pytest.param("城镇居民收入同比增长多少%？", "4%", id="同比 before a growth asked"),
    pytest.param("GDP同比%目标是多少", "6%", id="同比 and a percent sign, nothing else"),
    pytest.param("帮我编一个明年的GDP目标。今年GDP增长目标是多少？", "6%", id="a request not about the plan, then a question"),
    pytest.param("计划里说今年是什么样的重要年份？", "开局之年", id="the year's kind, asked by 什么样的年份"),
    pytest.param("What does the second section of chapter three focus on?", "深化重点领域改革",
                 id="a section said by English ordinals"),
    pytest.param("第六章没设小节，大致讲哪几块内容？", "三北", id="a chapter said to have no sections"),
    pytest.param("计划提到乌兰察布了吗？在哪一节？", "第四章", id="a place alone: whether and where it is named"),
    pytest.param("how many water cellars will they build and like how many wells", ("16", "8"),
                 id="a guard (answered before too): a spoken filler after and"),
])
def test_answered(bot, question, said):
    a = bot.ask(question)
    assert answered(a, said), a.answer


@pytest.mark.parametrize("question", [
    pytest.param("今年要新增多少停车位？", id="a guard (refused before too): a framing word, with a thing the plan never names"),
    pytest.param("今年建几处公厕？", id="a count in 处"),
    pytest.param("今年有几个EPC项目？投资多少亿？", id="an acronym run into Chinese, then a figure of it"),
])
def test_refused(bot, question):
    a = bot.ask(question)
    assert a.refused, a.answer


@pytest.mark.parametrize("turns, said", [
    pytest.param(["Which chapter deals with ecological protection?", "What's the GDP growth target?",
                  "Back to the ecology chapter: what does it say about drinking water?"], "饮用水",
                 id="a guard (answered before too): an earlier topic named again in another form"),
    pytest.param(["今年要发展哪些新兴产业？", "对外合作聚焦哪些领域？", "第一个问题里提到的低空经济要融入哪里？"], "赤通锡",
                 id="the first question named by its order, after lists"),
    pytest.param(["What is the GDP growth target?", "And the target for funds brought in through investment promotion?"],
                 "2 billion", id="a follow-up naming its own kind of figure, in English"),
])
def test_conversation_answered(bot, turns, said):
    a = converse(bot, turns)
    assert answered(a, said), a.answer
