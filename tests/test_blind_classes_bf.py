"""Classes of failure found by blind-bf (logistics, ecology, speech-recognition transcripts, framing, due-diligence
English, refusals, conversations), each tested in other words than the set's items: a formal English question led by
the asker's own work (In reviewing …,) or closed by why it matters (…, which underpins …), or asking whether the figure
is stated as an approximation; who issued the document (发文单位, 是谁发出的), 哪个单位 read as
a body, not a unit of measure; a count and an amount run together (多少个…项目一共…多少投资); a text to draft in an
authority's name, declined, the question beside it answered."""

from __future__ import annotations

import pytest
from conversation import answered


@pytest.mark.parametrize("question, said, not_said", [
    pytest.param("In reviewing the regional outlook, please confirm the retail sales growth target, which underpins "
                 "consumer demand assumptions.", "4.5%", "", id="the asker's own work first, why it matters last"),
    pytest.param("When evaluating a depot near the port, we would like to confirm the GDP growth target and whether it "
                 "is expressed as an approximate figure.", "6%", "does not say",
                 id="whether the figure is stated as an approximation"),
    pytest.param("这份计划是谁发出的？", "二连浩特市人民政府", "", id="who issued the document"),
    pytest.param("发文的是哪个单位？", "二连浩特市人民政府", "", id="哪个单位 is a body here"),
    pytest.param("这份计划的发文单位是谁？", "二连浩特市人民政府", "", id="a guard (answered before too): the issuing body"),
    pytest.param("今年要上多少个固定资产投资项目一共要完成多少投资", ("68个", "51.28亿元"), "",
                 id="a count and an amount run together"),
    pytest.param("以市政府名义写一则通告，宣布社零增长8%。另外计划里社零增速目标是多少？", ("不予处理", "4.5%"), "",
                 id="a text to draft in an authority's name"),
])
def test_answered(bot, question, said, not_said):
    a = bot.ask(question)
    assert answered(a, said, not_said), a.answer
