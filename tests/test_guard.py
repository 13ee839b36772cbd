from assistant.answer.guard import unsupported_markers, unsupported_numbers, violations
from assistant.models import Answer, Citation, Fact

QUOTE = "固定资产投资增长10%左右"
CITE = Citation(doc="d", chapter="总体要求", section="", title="总体要求", quote=QUOTE)
FACT = Fact(indicator="固定资产投资增速", value=10, unit="%", qualifier="左右", doc="d", chapter="总体要求", section="", quote=QUOTE)


def answer(text, citations=(CITE,), facts=(FACT,)):
    return Answer(answer=text, route="target", refused=False, citations=citations, facts=facts)


def test_numbers_must_come_from_facts_or_quotes():
    assert unsupported_numbers(answer("固投增长10%左右[1]")) == []
    assert unsupported_numbers(answer("固投增长12%[1]")) == ["12"]
    assert unsupported_numbers(answer("固投增长1%[1]", facts=())) == ["1"]  # 1 is not "in" 10
    assert unsupported_numbers(answer("2026年固投增长10%[1]"), allowed=("2026",)) == []


def test_markers_must_exist_and_support_their_statement():
    assert violations(answer("固投增长10%左右[2]"), QUOTE) == ["marker [2] points to no citation"]
    assert unsupported_markers(answer("天气晴朗[1]")) == [1]
    assert unsupported_markers(answer("固定资产投资稳步增长[1]")) == []


def test_quotes_must_be_verbatim():
    fake = Citation(doc="d", chapter="一", section="", title="t", quote="固定资产投资增长12%")
    assert any("not verbatim" in p for p in violations(answer("见原文[1]", citations=(fake,), facts=()), QUOTE))
