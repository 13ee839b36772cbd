"""homophones: a speech recogniser's slip repaired against the plan's own wording. A hotline transcript writes
互世贸易 for 互市贸易 and 风电竟配 for 风电竞配: same sounds, one character wrong. A run of three or four characters
that the plans never write, differing from exactly one run they do write by one character of the same sound
(tones aside), is read as that run."""

from __future__ import annotations

import re
from functools import lru_cache

RUN = re.compile(r"[\u4e00-\u9fff]{3,}")
SIZES = (4, 3)
# characters of the question's own grammar (几座, 哪个部门, A和B): never the misheard one
FUNCTION = frozenset("的地得了着过是在有和与及跟同或个几多少哪那这谁啥么吗呢啊吧呀嘛哦嗯就都也还又要会能可把被给让从对向为以于之其各每某些该此本今年月日号上下里中内外前后")


@lru_cache(maxsize=4096)
def _sound(ch: str) -> str:
    from pypinyin import lazy_pinyin  # imported on first use: no cost at import

    return lazy_pinyin(ch)[0]


@lru_cache(maxsize=4)
def _index(plan_text: str) -> dict[tuple[str, ...], frozenset[str]]:
    """Every three- and four-character run of the plans, by its sounds."""
    out: dict[tuple[str, ...], set[str]] = {}
    for gram in _grams(plan_text):
        out.setdefault(tuple(_sound(c) for c in gram), set()).add(gram)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=4)
def _grams(plan_text: str) -> frozenset[str]:
    """The plans' three- and four-character runs: a look-up, not a search of the whole text, per run asked."""
    return frozenset(run[i:i + n] for run in RUN.findall(plan_text) for n in SIZES for i in range(len(run) - n + 1))


def sound_alike(text: str, plan_text: str) -> str:
    """`text` with each misheard run replaced by the plans' run it sounds like (see the module's doc)."""
    if not plan_text or not RUN.search(text):
        return text
    index, known = _index(plan_text), _grams(plan_text)
    for run in RUN.findall(text):
        fixed = run
        # a character inside three the plans write as they stand (京津冀合作: 京津冀) is heard right
        heard = {i + k for i in range(len(run) - 2) if run[i:i + 3] in known for k in range(3)}
        for n in SIZES:
            for i in range(len(fixed) - n + 1):
                gram = fixed[i:i + n]
                if gram in known:
                    continue
                near = []
                for g in index.get(tuple(_sound(c) for c in gram), ()):
                    wrong = [k for k, (a, b) in enumerate(zip(g, gram)) if a != b]
                    if len(wrong) == 1 and i + wrong[0] not in heard and gram[wrong[0]] not in FUNCTION:
                        near.append(g)
                if len(near) == 1:
                    fixed = fixed[:i] + near[0] + fixed[i + n:]
        if fixed != run:
            text = text.replace(run, fixed)
    return text
