"""Classes of failure found by blind-at (reporters and editors, health workers and patients' families, border-trade
importers and customs brokers, phone transcripts, formal English from embassies, refusals, conversations), each
tested in other words than the set's items: a slip of a word or a figure taken back before anything was asked
(…公里 不对不对 我问的是…); a fee for a service (代理费, 一票多少钱); advice asked with "would you advise"; a budget
allocated; a count of a thing the plans never name, beside a field they list; a figure per firm that only a total
answers; raising children said in everyday words (养娃, 负担)."""

from __future__ import annotations

import pytest
from conversation import answered


@pytest.mark.parametrize("question", [
    pytest.param("报关代理费今年统一吗？一票多少钱？", id="a fee for a service"),
    pytest.param("Would you recommend that our company open an office in Erenhot this year?", id="would you recommend"),
    pytest.param("What budget has been allocated to the wind power bidding project?", id="a budget allocated"),
    pytest.param("新材料今年要建几个孵化器？", id="a count of a thing the plans never name"),
    pytest.param("搞互市贸易的每家企业今年能拿多少补贴？", id="a figure per firm"),
])
def test_refused(bot, question):
    a = bot.ask(question)
    assert a.refused, a.answer


@pytest.mark.parametrize("question, said", [
    pytest.param("二十点九公里 不对不对 我问的是水井 今年打几眼", "8眼", id="a slip taken back"),
    pytest.param("家里想再要个娃，计划里对养娃负担重有啥说法？", "生育养育成本", id="养娃负担"),
])
def test_answered(bot, question, said):
    a = bot.ask(question)
    assert not a.refused and answered(a, said), a.answer
