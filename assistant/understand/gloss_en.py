"""gloss_en: an English question that names a thing by the plans' own Chinese term, in brackets after the asker's
word-for-word translation of it (The general public budget income (一般公共预算收入) increase…): the term is what is
asked, in place of the translation."""

from __future__ import annotations

import re

# The income (一般公共预算收入) target: English words, then the plans' own term in brackets; the words before it (back to
# a question word, an article or a preposition) are the asker's translation of it, word for word
# (a term of four characters or more: 限上 in "new above-quota (限上) firms" glosses one word, not the phrase)
GLOSS = re.compile(r"(?P<run>(?:[A-Za-z][\w'-]*\s+){0,6}[A-Za-z][\w'-]*)\s*[（(]\s*(?P<term>[\u4e00-\u9fff]{4,})\s*[)）]")
# the term, kept in its brackets: what evidence.py reads as the asker's own naming of the thing
GLOSSED = re.compile(r"[（(]\s*([\u4e00-\u9fff]{4,})\s*[)）]")
NOT_TRANSLATED = re.compile(r"what|which|how|who|whom|where|when|why|is|are|was|were|does|do|did|will|would|can|"
                            r"could|should|has|have|tell|give|list|about|on|for|in|under|the|a|an|of|to|with|by|at|"
                            r"from|please|me|its|their|your|our|this|that", re.I)


def glossed(text: str, plan_text: str) -> str:
    """The plans' term in place of the asker's translation of it (Attract business and invest (招商引资) arrive-position
    funds… → (招商引资) arrive-position funds…); a term the plans never write leaves the question as it is."""
    def repl(m: re.Match) -> str:
        if not plan_text or m.group("term") not in plan_text:
            return m.group(0)
        words = m.group("run").split()
        keep = max((i + 1 for i, w in enumerate(words) if NOT_TRANSLATED.fullmatch(w)
                    or (i == 0 and w.lower() in ("and", "or"))), default=0)  # …, and border trade (互市贸易)
        return " ".join([*words[:keep], f"({m.group('term')})"])
    return GLOSS.sub(repl, text)
