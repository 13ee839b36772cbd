"""followup: a follow-up question rewritten into a self-contained one, read against the previous turn.

那农牧民呢？ / 这个项目投资多少？ / 其中分散式的那个规模多大？ / And for fixed-asset investment? become full questions
before anything else looks at them, so the rest of the pipeline never sees ellipsis or pronouns.
"""

from __future__ import annotations

import re

# Words a question ends with that say *what* is asked (kept when the subject is swapped).
ASK_TAIL = re.compile(r"(增长|增速|增幅|投资|完成|新增|规模|达到|有)?(多少|几|多大|多长|哪些|在哪|什么)[^，。]*$")
EN_TAIL = re.compile(r"\b(growth|target|rate|investment|amount|capacity|scale|length)\b.*$", re.I)
ZH_ELLIPSIS = re.compile(r"^(那|那么|还有|另外)?(?P<x>.{1,20}?)(呢|怎么样|如何|又是多少|是多少呢)[？?。!！]*$")
EN_ELLIPSIS = re.compile(r"^(and|what about|how about)\s+(for\s+|the\s+)?(?P<x>.{2,60}?)\s*\??$", re.I)
ZH_AMONG = re.compile(r"其中(?P<x>.{1,12}?)的(那个|那项|项目)")
ZH_PRONOUN = re.compile(r"(这个项目|该项目|这个|该|这项|此项|它|其)")
EN_PRONOUN = re.compile(r"\b(this project|that project|this|that|it|its)\b", re.I)


def resolve_followup(question: str, previous: str, subject: str) -> str:
    """The question as it would have been asked in full, given the previous (understood) question and its
    subject (what it was about: a target's indicator or the question's focus terms)."""
    if not previous:
        return question
    q = question.strip()
    if m := ZH_AMONG.search(q):
        return q.replace(m.group(0), f"{m.group('x')}{_head(subject)}")
    if m := ZH_ELLIPSIS.match(q):
        if not ASK_TAIL.search(m.group("x")):
            tail = ASK_TAIL.search(previous)
            return f"{m.group('x')}{tail.group(0) if tail else ''}".rstrip("？?") + "？"
    if m := EN_ELLIPSIS.match(q):
        tail = EN_TAIL.search(previous)
        x = m.group("x").rstrip("?")
        return f"What is the {tail.group(0).rstrip('?')} for {x}?" if tail else f"{x}?"
    if len(q) <= 30 and ZH_PRONOUN.search(q) and subject:
        return ZH_PRONOUN.sub(subject, q, count=1)
    if len(q) <= 80 and EN_PRONOUN.search(q) and subject:
        return EN_PRONOUN.sub(subject, q, count=1)
    return question


def _head(subject: str) -> str:
    """The head noun of the previous subject (风电项目 from 风电项目有哪些) to attach a modifier to."""
    m = re.search(r"([\u4e00-\u9fff]{1,4}(项目|企业|指标|工程))", subject)
    return m.group(1) if m else subject
