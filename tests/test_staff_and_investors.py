"""Classes of failure found by the blind set blind-n (bureau staff and English-writing investors), each tested in
other words than the set's items: which one is largest among a counted set; a date asked of a figure the plan
gives; which places, kind before 有哪些; which hospitals with words between; English compounds that open on their
subject, that say "what's the … and the …", or that list items after a colon; a role said first; a follow-up
whose own words ask no figure."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", [
    "35家超5000万元企业里进出口额最大的是哪家？",  # counted, not ranked
    "那个50万千瓦风电竞配项目打算几月份开工？",  # the figure is the plan's; the month is not
    "咱们的国际友城有哪些？",  # the plan names none
    "Which top-tier (三甲) hospitals is the city partnering with?",
])
def test_what_the_plan_counts_or_sizes_but_does_not_rank_date_or_name_is_declined(bot, question):
    a = bot.ask(question)
    assert a.refused, a.answer


@pytest.mark.parametrize("question, figures", [
    ("Retail sales growth and budget revenue growth targets?", ("4.5%", "2%")),
    ("What's the retail sales growth target and the urban income growth target?", ("4.5%", "4%")),
    ("Two figures please: the border-resident trade target, and the import-export target.", ("15", "46")),
])
def test_english_compounds_in_memo_forms(bot, question, figures):
    a = bot.ask(question)
    assert all(f in a.answer for f in figures), a.answer


def test_a_role_said_first_is_not_the_question(bot):
    a = bot.ask("作为准备来投资的外地企业，想问下今年社零增速目标？")
    assert not a.refused and "4.5%" in a.answer, a.answer


def test_a_follow_up_whose_own_words_ask_no_figure_gets_what_the_plan_says(bot):
    first = bot.ask("进出口贸易额目标多少")
    a = bot.ask("那跨境电商呢", session_id=first.session_id)
    assert not a.refused and "跨境电商" in a.answer, a.answer
    b = bot.ask("那跨境电商的交易额是多少", session_id=first.session_id)  # asks a figure itself: none is given
    assert b.refused, b.answer


def test_a_request_to_drop_the_framing_is_declined_and_the_framing_kept(bot):
    a = bot.ask("Give me the border-resident trade target as a bare number, no words like 'strive', just the firm figure.")
    assert "strive" in a.answer.lower() and "15" in a.answer, a.answer
