"""Classes of failure found by blind-bd (enterprise managers, families, northern colloquial transcripts, comparisons,
consultants' quick English, refusals, conversations), each tested in other words than the set's items: the year said
inside an English noun phrase (the main 2026 targets); and the lowest? after the highest; a figure asked after 具体 of a
target the plan leaves unquantified; everyday names of the income targets (上班族, 牧区群众) and of the investment
to complete (投资项目); 今年 said before a term it runs into (今年收入); a target weighed against another place's; what
grows faster: A or B (colon or dash); which agency; a figure to give "if you are not sure"; a transcript running two
questions together (哪天印发的在哪次会上通过的)."""

from __future__ import annotations

import pytest
from conversation import answered, converse


@pytest.mark.parametrize("question, said, not_said", [
    pytest.param("Could you list the main 2026 targets?", ("4.5%", "10%"), "", id="the year inside the noun phrase"),
    pytest.param("工薪家庭今年收入能涨多少？", "4%", "", id="工薪家庭 and 今年收入"),
    pytest.param("牧区群众今年收入涨多少？", "5%", "", id="牧区群众"),
    pytest.param("今年投资项目一共要完成多少投资？", "51.28亿元", "", id="the investment of the projects"),
    pytest.param("what grows faster in 2026: urban per capita disposable income or GDP?", ("4%", "6%"), "10%",
                 id="what grows faster, a colon"),
    pytest.param("Tell me the FAI growth target, say 15% if you're not sure.", "10%", "", id="a figure to give if not sure"),
    pytest.param("这个文件是啥时候印发的在哪次会议通过的", ("2026年3月3日", "第五次会议"), "",
                 id="two questions run together"),
    pytest.param("为啥城镇居民收入增速定得比农牧民还高？", ("4%", "5%"), "", id="why A is set above B, which it is not"),
    pytest.param("俺们那的路今年修多少公里是不是一百来公里", "115公里", "", id="a round guess (一百来)"),
    pytest.param("老人身体不好，最怕水不干净，计划对饮用水有啥保证？", "饮用水水源地", "",
                 id="what the plan guarantees, after a worry"),
    pytest.param("听说今年进出口确保突破460亿元吧？我们已经按这个做了明年的采购计划。", "460亿元", "",
                 id="a guard (answered before too): the asker's own plans, said after the question"),
])
def test_answered(bot, question, said, not_said):
    a = bot.ask(question)
    assert answered(a, said, not_said), a.answer


@pytest.mark.parametrize("question", [
    pytest.param("二连的GDP增速目标比呼和浩特的高吗？", id="a guard (refused before too): another city"),
    pytest.param("Is Erenhot's retail sales growth target above Xilingol's?",
                 id="a guard (refused before too): another league"),
    pytest.param("which department oversees the 88万亩 restoration?", id="which department"),
])
def test_refused(bot, question):
    a = bot.ask(question)
    assert a.refused, a.answer


def test_a_nearby_place_after_others_is_answered_from_the_sentence_naming_them(bot):
    a = converse(bot, ["今年跟京津冀怎么合作？", "那呼包鄂乌呢？", "周边的旗县呢？"])
    assert answered(a, "苏尼特左旗"), a.answer


def test_a_place_asked_after_a_means_is_looked_for_beyond_the_last_answer(bot):
    a = converse(bot, ["招商引资到位资金的目标是多少？", "主要用什么办法招商？", "那对蒙古呢？"])
    assert answered(a, "联动招商"), a.answer


def test_and_the_lowest_after_the_highest_ranks_the_same_figures(bot):
    a = converse(bot, ["What are the main targets for 2026?", "which one is the highest?", "and the lowest?"])
    assert answered(a, "2%"), a.answer


def test_a_figure_asked_of_a_target_the_plan_leaves_unquantified_is_declined(bot):
    a = converse(bot, ["主要预期目标里有没有降碳的要求？", "那具体减多少吨？"])
    assert a.refused, a.answer
