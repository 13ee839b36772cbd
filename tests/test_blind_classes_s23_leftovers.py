"""Classes of failure left from blind-be and blind-bf, fixed in session 23, each tested in other words than the sets'
items: a follow-up whose words name their own kind of answer (那印发日期呢 after 发给哪些单位); "how many 亿元" asks an
amount, not a count; the words of a framing question (a floor or a ceiling, to exceed) are not the topic; the plan's
"new models of investment and financing" asked as innovative financing instruments."""

from __future__ import annotations

import pytest
from conversation import answered, converse


def test_a_follow_up_naming_its_own_kind_of_answer(bot):
    a = converse(bot, ["计划印发给了哪些单位？", "那印发日期呢？"])
    assert answered(a, "2026年3月3日"), a.answer


@pytest.mark.parametrize("question, said", [
    pytest.param("Retail sales of consumer goods, grow how many percent and the fixed asset investment how many 亿元?",
                 "4.5%", id="a guard (answered before too): how many percent"),
    pytest.param("Foreign trade import export, target is how many 亿元 this year?", "460", id="how many 亿元"),
    pytest.param("How many billion yuan of foreign trade does the city strive for?", "46 billion",
                 id="how many billion yuan"),
    pytest.param("Is the 2% budget revenue growth figure a lower bound to be exceeded, or an upper limit?", "2%",
                 id="a floor or a ceiling"),
    pytest.param("Is there any mention of REITs or other innovative financing instruments that might eventually offer "
                 "infrastructure investors an exit?", "REITs", id="innovative financing instruments"),
])
def test_answered(bot, question, said):
    a = bot.ask(question)
    assert answered(a, said), a.answer
