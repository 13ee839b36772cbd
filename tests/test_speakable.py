"""The spoken style for the hotline: plain sentences, no markers, the figure with its framing, the place in words."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize("question, must", [
    ("今年进出口贸易额目标是多少？", ["力争突破460亿元", "见计划第二章第一节"]),
    ("What is the GDP growth target?", ["about 6%", "See the plan's general requirements"]),
    ("风电项目有哪些？", ["风电竞配", "见计划第二章第一节"]),
])
def test_speakable_answers_read_aloud(fast_bot, question, must):
    a = fast_bot.ask(question, style="speakable")
    assert not re.search(r"\[\d+\]|\n|\*\*|^- ", a.answer), a.answer
    for m in must:
        assert m in a.answer, a.answer
    if a.route == "target":
        assert len(a.answer) <= 140, a.answer  # figure answers stay short on the phone (120 + the place)


def test_english_speakable_has_no_chinese_in_brackets(fast_bot):
    a = fast_bot.ask("How much fixed-asset investment is to be completed?", style="speakable")
    assert "RMB 5.128 billion" in a.answer and not re.search(r"\([^)]*[\u4e00-\u9fff]", a.answer)


def test_speakable_keeps_the_answer_object(fast_bot):
    text, spoken = fast_bot.ask("今年固投增长多少？"), fast_bot.ask("今年固投增长多少？", style="speakable")
    assert spoken.facts == text.facts and spoken.citations == text.citations and spoken.route == text.route
