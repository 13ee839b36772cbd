"""Classes of failure found by blind-az (sumu, gacha and bureau officials, young people, where a thing is written,
figures in other units, tourists' and students' texted English, refusals, conversations), each tested in other words
than the set's items: English as it is texted (yr, w/, econ, coop, dino, govt, who's) read as written; a street
renovation by its plan name; 落脚点 as a way of asking what is aimed at."""

from __future__ import annotations

import pytest
from conversation import answered


@pytest.mark.parametrize("question, said, not_said", [
    pytest.param("hows the econ coop zone w/ mongolia doing this yr, any new stuff?", "中蒙经济合作区", "",
                 id="econ coop, w/, yr"),
    pytest.param("whats planned for the dino museum this yr?", "恐龙博物馆", "", id="dino, whats"),
    pytest.param("is there a street renovation planned this yr? which one?", "土默特街改造", "", id="a street renovation"),
    pytest.param("今年文旅这块的落脚点是什么？", "文旅提升工程", "", id="落脚点"),
])
def test_answered(bot, question, said, not_said):
    a = bot.ask(question)
    assert answered(a, said, not_said), a.answer


@pytest.mark.parametrize("question", [
    pytest.param("who's building the uranium project?", id="a guard (refused before too): who is, contracted"),
])
def test_refused(bot, question):
    a = bot.ask(question)
    assert a.refused, a.answer
