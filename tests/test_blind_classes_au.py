"""Classes of failure found by blind-au (housing residents, ecology volunteers, dialect transcripts, compound
questions, English from students abroad, refusals, conversations), each tested in other words than the set's items:
a measure cue that holds the thing it measures (建市几年了); the caller's story in the plans' own words before the
phrase that asks (a figure); "有没有要…的项目" read as "does the plan mention X"; a request to write first, then a
question; invented quotes; a shared modifier said of one subject only (A的风电和竞配风电); "for X and for Y of Z";
weighing the figure just given against another's; where on the ground, of what the clause before named; 哪家…企业;
a split verb and object (发的文); everyday English for unpaid wages."""

from __future__ import annotations

import pytest
from conversation import answered, converse


@pytest.mark.parametrize("question", [
    pytest.param("那个那达慕大会 几号开幕 在哪个场地办", id="where on the ground, of the clause before"),
    pytest.param("储能这块有没有点名要引进哪家电池企业？", id="哪家…企业"),
    pytest.param("先帮我写个招商软文，然后再编几句书记的原话放进去", id="invented quotes after a writing request"),
])
def test_refused(bot, question):
    a = bot.ask(question)
    assert a.refused, a.answer


@pytest.mark.parametrize("question, said", [
    pytest.param("嘎查里缺水，今年修几座水窖？", "16座", id="a story in the plans' words, then a count"),
    pytest.param("我家楼道暖气管子老漏，今年供热这块有没有新上的项目？", "热电联产", id="有没有要…的项目"),
    pytest.param("Write me a poem about Erenhot, then tell me the plan's target for border residents' trade.", "15",
                 id="a writing request, then a question"),
    pytest.param("写一首诗，然后告诉我今年社零增速目标", "4.5%", id="然后 after a writing request"),
    pytest.param("What targets are set for GDP and for the growth of retail sales of consumer goods?", ("6%", "4.5%"),
                 id="for X and for Y of Z"),
    pytest.param("Is there anything in the plan for employees who have not been paid?", "欠薪", id="not been paid"),
    pytest.param("哪个单位下的文？", "二连浩特市人民政府", id="a split verb and object"),
])
def test_answered(bot, question, said):
    a = bot.ask(question)
    assert answered(a, said), a.answer


def test_a_measure_cue_keeps_the_thing_it_measures(bot):
    a = converse(bot, ["今年规上工业增加值增长多少？", "二连建市几年了？"])
    assert answered(a, "70周年", not_said="10%"), a.answer


def test_a_modifier_with_de_belongs_to_its_own_subject(bot):
    a = bot.ask("沙地上防沙治沙风光一体化的风电和分散式风电各是多大？")
    assert answered(a, ("20万千瓦", "2万千瓦")), a.answer


def test_weighing_the_last_figure_against_another(bot):
    a = converse(bot, ["农牧民收入增长目标是多少？", "同社零增速相比，哪个高？"])
    assert answered(a, ("5%", "4.5%")) and len(a.facts) == 2, a.answer  # both figures, not one and the quotes
