"""Classes of failure found by blind-bm (hotline transcripts, logistics and tourism operators, change and comparison
questions, a foreign journalist's English, refusals, conversations where the caller corrects themselves), each tested
in other words than the set's items: a growth asked with 要/计划 before 增长; a caller's correction opened by 哦/啊 or
said twice (不对不对), with 其实 or 我问的是 before the new ask, which names what is asked and is not a preamble; English
words of the plans' own (real GDP, budget reform, the housing market)."""

from __future__ import annotations

import pytest
from conversation import answered, converse


@pytest.mark.parametrize("question, said", [
    pytest.param("社会消费品零售总额比上年要增长多少？", "4.5%", id="a growth asked with 要 before 增长"),
    pytest.param("Which budget reform does the plan adopt?", "零基预算",
                 id="a guard (answered before too): budget reform, a term of the plan's"),
    pytest.param("What is the real GDP growth goal?", "6%", id="a guard (answered before too): real GDP"),
    pytest.param("Is there anything on the housing market?", "房地产项目交付",
                 id="a guard (answered before too): the housing market, in the plan's words"),
])
def test_answered(bot, question, said):
    a = bot.ask(question)
    assert answered(a, said), a.answer


@pytest.mark.parametrize("question", [
    pytest.param("Of the 68 projects planned this year, how many are in energy alone?",
                 id="a guard (refused before too): a part of a count the plan never splits"),
])
def test_refused(bot, question):
    a = bot.ask(question)
    assert a.refused, a.answer


@pytest.mark.parametrize("turns, said", [
    pytest.param(["城镇居民收入增长多少", "嗯不对不对 我问的是一般公共预算收入那个"], "2%",
                 id="a correction said twice, then 我问的是 and the new ask"),
    pytest.param(["GDP增长多少", "不对不对 我问的是规上工业增加值那个"], ("规上工业增加值", "10%"),
                 id="a correction said twice, the new ask a quantity of its own"),
    pytest.param(["社零增长多少", "哦不对 我其实想问的是一般公共预算收入的增速"], "2%",
                 id="a correction opened by 哦, with 其实想问的是"),
])
def test_conversation_answered(bot, turns, said):
    a = converse(bot, turns)
    assert answered(a, said), a.answer
