"""Classes of failure found by blind-af (herders, teachers and doctors, traditional characters, framing, formal
English, refusals, conversations), each tested in other words than the set's items: a caller's story before the
phrase that asks, which thins what the question names; who asks, named with where they are from (香港投资者想问)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, said", [
    ("家里牲口多 草场不够吃 计划里对放牧有啥规定没有", "草畜平衡"),
])
def test_the_phrase_that_asks_after_a_caller_s_story_is_found(bot, question, said):
    a = bot.ask(question)
    assert not a.refused and said in a.answer, a.answer


def test_who_asks_named_with_where_they_are_from_is_not_the_place_asked(bot):
    a = bot.ask("香港投资人想问，计划里要探索哪些投融资新模式？")
    assert not a.refused and "REITs" in a.answer, a.answer
