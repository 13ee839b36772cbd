"""Classes of failure found by session 25's blind sets, each tested in other words than the sets' items.

blind-bl (shop owners, customs brokers, pinyin typing slips, several questions in one message, exam-style English,
refusals, conversations that narrow down): a field asked in everyday words (这块重点抓啥, 说了些啥, what does the plan
say about), answered with the place that treats it; a subsidy policy asked by what it subsidises; people of a caller's
story asked about as 他们; a phase (二期) not given for a target asked; questions listed with pause marks (谁…的、什么时候
…的); English items first, then what is asked of each; "is there a number for"; English words of the plans' own
(pilot, gas).

blind-bm (hotline transcripts, logistics and tourism operators, change and comparison, a foreign journalist's English,
corrections): a growth asked with 要/计划 before 增长; a caller's correction opened by 哦/啊 or said twice (不对不对),
with 其实 or 我问的是 before the new ask, which names what is asked and is not a preamble; English words of the plans'
own (real GDP, budget reform, the housing market)."""

from __future__ import annotations

import pytest
from conversation import answered, converse


@pytest.mark.parametrize("question, said", [
    pytest.param("医疗卫生和教育这块今年重点抓啥", "医共体",
                 id="two fields asked by 这块重点抓啥: the place with a sentence on each"),
    pytest.param("乡村振兴方面今年说了些啥", "统种共富", id="a field asked by 说了些啥"),
    pytest.param("What does the plan say about rural revitalisation?", "统种共富",
                 id="a field asked by what does the plan say about"),
    pytest.param("对外开放这块说了些啥", "向北开放门户", id="a field's section, opened by its title"),
    pytest.param("经济发展方面定了哪些目标", ("地区生产总值", "固定资产投资", "社会消费品零售总额"),
                 id="the targets of a field asked: the plan's list of targets"),
    pytest.param("进出口额门槛定的多少", "5000万元", id="a threshold asked by 门槛, a word of the row's name"),
    pytest.param("家电以旧换新的补贴政策今年还有吗", "两新", id="a subsidy policy asked by what it subsidises"),
    pytest.param("我超市的顾客大多是农牧民，他们今年收入能涨多少？", "5%", id="people of a caller's story asked about as 他们"),
    pytest.param("达克沙地有目标吗", "88万亩", id="a target asked, not the phase said of the project"),
    pytest.param("这份文件谁下达的、什么时候下达的？", ("二连浩特市人民政府", "2026年3月3日"),
                 id="questions listed with pause marks"),
    pytest.param("GDP, urban income and rural income: what are the three growth targets?", ("6%", "4%", "5%"),
                 id="English items first, then what is asked of each"),
    pytest.param("Is there a pilot for piped gas in the city?", "管道天然气试点",
                 id="a guard (answered before too): English words of the plans' own"),
    pytest.param("物流网络那块好像提了两个什么仓", "海外仓",
                 id="a guard (answered before too): a count of things said, their names asked"),
    pytest.param("有的企业工程款被拖了大半年，规划里有没有说咋办", "账款清欠",
                 id="a guard (answered before too): how it is dealt with asked, the story names what"),
    # blind-bm
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
    pytest.param("农牧民有没有养殖补贴政策？", id="a guard (refused before too): a subsidy policy the plan never names"),
    pytest.param("买新能源车有补贴政策吗", id="a guard (refused before too): a subsidy of a thing the plan never names"),
    # blind-bm
    pytest.param("Of the 68 projects planned this year, how many are in energy alone?",
                 id="a guard (refused before too): a part of a count the plan never splits"),
])
def test_refused(bot, question):
    a = bot.ask(question)
    assert a.refused, a.answer


@pytest.mark.parametrize("turns, said", [
    pytest.param(["What does the plan say about opening up to the north?",
                  "And the mutual-market trade of border residents, is there a number for that?"], "1.5 billion",
                 id="is there a number for, after a list"),
    pytest.param(["What does the plan say about spending and consumption?",
                  "Is there any figure for above-designated-size firms?"], "10 or more",
                 id="a guard (answered before too): a figure asked after an overview, of the place it quoted"),
    pytest.param(["生态方面今年主要干啥", "沙地治理那块有指标没"], "88万亩",
                 id="a target asked after a field's overview, not the phase"),
    # blind-bm
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
