"""One conversation with the assistant, turn by turn in one session: the last answer."""

from __future__ import annotations


def converse(bot, turns):
    a = bot.ask(turns[0])
    for t in turns[1:]:
        a = bot.ask(t, a.session_id)
    return a


def answered(a, said, not_said="") -> bool:
    """Answered (not declined), saying each of `said` and never `not_said`."""
    said = (said,) if isinstance(said, str) else said
    return not a.refused and all(x in a.answer for x in said) and not (not_said and not_said in a.answer)
