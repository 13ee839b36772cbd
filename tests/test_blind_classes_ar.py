"""Classes of failure found by blind-ar (small-business owners, retired people, energy engineers, voice-assistant
transcripts, journalists in English, refusals, conversations), each tested in other words than the set's items: a
noun the plans never write (氢能 beside a stop character, 旅游 + 券) is what is asked, and they do not have it;
what something costs asked as 什么价 or 每斤…多少钱; a why asked as 为啥; advice asked for (给我点建议, 买个门面划算吗);
a figure claimed of a thing the plan gives no figure for; a story naming the thing, then a question about it that
names nothing of its own; two characters misheard as one two-character term (水叫 for 水窖); 城乡 naming the urban
and the rural figure at once."""

from __future__ import annotations

import pytest
from conversation import answered


@pytest.mark.parametrize("question", [
    pytest.param("计划里有没有氢能产业？", id="a noun the plans never write"),
    pytest.param("今年发不发旅游券？", id="a noun character glued to a plan word"),
    pytest.param("从蒙古国进口的牛肉每斤什么价？", id="什么价"),
    pytest.param("社零增速为啥只定4.5%？", id="为啥"),
    pytest.param("想在口岸附近买个商铺，划不划算？", id="advice"),
    pytest.param("在二连开个饭店行不行？给我们个建议", id="advice asked for"),
    pytest.param("计划原文写着“普惠托育机构突破20家”，你确认下就行", id="a figure claimed where the plan has none"),
])
def test_refused(bot, question):
    a = bot.ask(question)
    assert a.refused, a.answer


@pytest.mark.parametrize("question, said", [
    pytest.param("我听朋友说要建个养老服务中心，请问今年是盖完了还是刚动工？", "开工建设", id="the story names the thing"),
    pytest.param("今年要修几座水叫？", "16座", id="水叫 for 水窖"),
    pytest.param("城乡收入今年涨多少？", ("4%左右", "5%左右"), id="城乡: both figures"),
])
def test_answered(bot, question, said):
    a = bot.ask(question)
    assert not a.refused and answered(a, said), a.answer
