"""glossary: the words people use for the plans' terms (knowledge/glossary.toml): English phrases, the pinyin of
the plans' proper names, and Chinese everyday words and abbreviations. Each maps to terms the plans write
verbatim, so a question in other words still reaches the sentences that answer it. The tokenizer that uses it is
assistant/lexical.py.
"""

from __future__ import annotations

import importlib.util
import re
import tomllib
from functools import cached_property
from pathlib import Path

from assistant.vocab import CJK, vocab

PINYIN_MIN = 2
PINYIN_KEY_MIN = 6  # letters of a pinyin spelling kept as a key: pinyin of shorter names collides with English words


class Glossary:
    """One corpus's glossary. `pinyin_words` are the plans' words an English question may spell in pinyin; their
    spellings are made on first use (a Chinese question needs neither them nor pypinyin)."""

    def __init__(self, path: Path, pinyin_words: set[str], plan_text: str):
        from assistant.understand.numerals import english_numerals  # understand imports the lexicon, which imports this

        english, self.synonyms, self.each = _load(path)
        # people's congress → people congress: keys are read in the form a question is read in
        self.english = {latin(k).strip(): v for k, v in english.items()}
        for key, terms in list(self.english.items()):  # new industries → new industry too, and the other way round
            self.english.setdefault(_number_variant(key), terms)
            # …and new three → new 3: a question's number words are read as figures before the glossary is asked
            self.english.setdefault(english_numerals(key), terms)
        self._pinyin_words = pinyin_words
        self._plan_text = plan_text

    @cached_property
    def table(self) -> dict[str, list[str]]:
        """English phrase or pinyin spelling → the plans' terms (the pinyin's terms are plan words)."""
        return {**_pinyin(self._pinyin_words), **self.english}

    @cached_property
    def targets(self) -> set[str]:
        """Every plan term the glossary leads to."""
        return {t for v in (*self.english.values(), *self.synonyms.values()) for t in v}

    def gloss(self, key: str) -> list[str] | None:
        """The plans' terms for a key; pinyin spellings are built only for a word long enough to be one."""
        if key in self.english:  # the file's phrases override a pinyin spelling ({**pinyin, **english})
            return self.english[key]
        return self.table.get(key) if len(key) >= PINYIN_KEY_MIN else None

    @cached_property
    def words(self) -> frozenset[str]:
        """Every word of the English phrases: English, not pinyin, whatever it spells."""
        return frozenset(w for k in self.table for w in k.split())

    def said_each(self, text: str) -> str:
        """城乡居民收入增长多少 → 城镇居民人均可支配收入和农牧民人均可支配收入增长多少: a word that names several of the
        plans' terms at once ([each]) is said as each of them, so each is asked."""
        for key in sorted((k for k in self.each if k in text), key=len, reverse=True):
            text = text.replace(key, (" and " if key.isascii() else "和").join(self.each[key]))
        return text

    @cached_property
    def everyday_terms(self) -> frozenset[str]:
        """The everyday Chinese words for the plans' terms (交房 → 房地产项目交付)."""
        return frozenset(k for k in self.synonyms if CJK.search(k) and len(k) >= 2)

    def synonym_forms(self, word: str) -> tuple[str, ...]:
        """The plan's terms for `word` and for every synonym key inside it (路修 → 道路…), in the glossary's
        order. A dictionary probe per substring: a long question has hundreds of words, the glossary
        hundreds of keys."""
        hit = self._synonym_cache.get(word)
        if hit is None:
            keys = {word} if word in self.synonyms else set()
            keys |= {word[i:j] for i in range(len(word)) for j in range(i + 2, len(word) + 1)
                     if word[i:j] in self.synonyms}
            hit = tuple(t for k in sorted(keys, key=self._synonym_rank.__getitem__) for t in self.synonyms[k])
            if len(self._synonym_cache) > 20000:
                self._synonym_cache.clear()
            self._synonym_cache[word] = hit
        return hit

    @cached_property
    def _synonym_rank(self) -> dict[str, int]:
        return {k: i for i, k in enumerate(self.synonyms)}

    @cached_property
    def _synonym_cache(self) -> dict[str, tuple[str, ...]]:
        return {}

    @cached_property
    def _table_rx(self) -> re.Pattern:
        """Every phrase in one pattern, longest first, so a text is read once (not once per phrase)."""
        return _phrases_rx(self.table)

    @cached_property
    def _english_rx(self) -> re.Pattern:
        """The file's phrases alone: a text without a word long enough to be a pinyin spelling."""
        return _phrases_rx(self.english)

    def phrases(self, text: str) -> list[str]:
        """The glossary phrases in `text`, in order, none overlapping (the longest wins where two could)."""
        if not re.search(r"[A-Za-z]{2,}", text):
            return []
        return [m.group(1) for m in self._phrases_for(text).finditer(latin(text))]

    def _phrases_for(self, text: str) -> re.Pattern:
        return self._table_rx if re.search(rf"[A-Za-z]{{{PINYIN_KEY_MIN},}}", text) else self._english_rx

    def english_terms(self, text: str) -> list[str]:
        """Chinese terms for the English phrases in `text` (and single words the glossary has in another form)."""
        _, rest = self.english_covered(text)
        variants = [self.variant(w) for w in rest]
        return [t for p in [*self.phrases(text), *filter(None, variants)] for t in self.gloss(p) or []]

    def variant(self, word: str) -> str | None:
        """The key a word stands for in another form: invest → investment, centres → centre, approve → approved."""
        w = word.lower()
        stems = {w, w + "s", w + "d" if w.endswith("e") else w, w + "ed", w + "ment", w + "ments", w + "ion", w.rstrip("s"), w[:-2] if w.endswith("es") else w,
                 w[:-3] + "y" if w.endswith("ies") else w, w[:-2] if w.endswith("ed") else w, w[:-1] if w.endswith("ed") else w,
                 w[:-3] if w.endswith("ing") else w, w[:-3] + "e" if w.endswith("ing") else w,
                 w.replace("centre", "center"), w.replace("center", "centre"), w.replace("ise", "ize"), w.replace("ize", "ise"),
                 w[:-4] if w.endswith("ment") else w,
                 w[:-4] if w.endswith("ally") else w, w[:-2] if w.endswith("ly") else w}  # domestically, directly
        return next((x for x in sorted(stems, key=len, reverse=True) if len(x) > 3 and self.gloss(x) is not None), None)

    def mapped_terms(self, text: str) -> list[str]:
        """The plan's wording for the English phrases and Chinese everyday words and abbreviations in `text`."""
        found = self.english_terms(text) if re.search(r"[A-Za-z]{3,}", text) else []
        return found + [t for abbr, terms in self.synonyms.items() if abbr in text for t in terms]

    def english_covered(self, text: str) -> tuple[list[str], list[str]]:
        """(English content words the glossary covers, those it does not), for the scope check."""
        v = vocab()
        low = latin(text)
        phrases = self.phrases(text)
        covered = [w for p in phrases for w in re.findall(r"[a-z][a-z\-']+", p) if not v.is_stop(w)]
        rest = self._phrases_for(text).sub(" ", low)
        words = [w for w in re.findall(r"[a-z][a-z\-']+", rest) if len(w) > 2 and not v.is_stop(w)
                 and not v.is_stop(w.rstrip("s")) and not v.is_cue(w)]
        return covered, [w for w in words if w not in self._plan_text.lower() and not re.fullmatch(r"[a-z]", w)]


def latin(text: str) -> str:
    """`text` as the glossary's English keys are written: lower case, one space for punctuation."""
    # investment-attraction and investment attraction are one phrase; people's congress is people congress
    low = text.lower().replace("’", "'").replace("'s ", " ").replace("'s", "")
    # …and "two markets, two resources" is "two markets two resources": punctuation is one space; Chinese
    # between two words (the wind 竞配 project) still parts them
    low = re.sub(r"[\u3400-\u9fff]+", " # ", low.replace("-", " "))
    return re.sub(r" +", " ", re.sub(r"[^a-z0-9'# ]", " ", low))


def _number_variant(phrase: str) -> str:
    """The phrase with its last word in the other number: industries ↔ industry, zones ↔ zone."""
    head, _, last = phrase.rpartition(" ")
    if not head or len(last) < 4 or not last.isalpha():
        return phrase
    if last.endswith("ies"):
        other = last[:-3] + "y"
    elif last.endswith("y") and last[-2] not in "aeiou":
        other = last[:-1] + "ies"
    elif last.endswith("s") and not last.endswith(("ss", "us", "is")):
        other = last[:-1]
    elif last.endswith(("s", "x", "ch", "sh")):
        other = last + "es"
    else:
        other = last + "s"
    return f"{head} {other}"


# A phrase ending in a preposition (trade in: a trade-in) is not that phrase before a year or a figure (trade in 2026)
ENDS_IN_PREPOSITION = re.compile(r" (in|on|at|to|for|of|by)$")


def _phrases_rx(table: dict[str, list[str]]) -> re.Pattern:
    phrases = sorted(table, key=len, reverse=True)
    alts = [re.escape(p) + (r"(?! ?\d)" if ENDS_IN_PREPOSITION.search(p) else "") for p in phrases]
    return re.compile(r"(?<![a-z0-9])(" + "|".join(alts) + r")(?![a-z0-9])") if phrases else re.compile(r"(?!)")


def _pinyin(words: set[str]) -> dict[str, list[str]]:
    """Toneless pinyin of the plans' own words (枫桥 → fengqiao, 赛乌素 → saiwusu): English questions spell names
    that way. Short or ambiguous spellings are left out."""
    from assistant.sounds import spelled

    if importlib.util.find_spec("pypinyin") is None:  # optional: English questions then rely on the glossary alone
        return {}
    out: dict[str, list[str]] = {}
    for w in words:
        han = "".join(ch for ch in w if CJK.match(ch))
        if len(han) < PINYIN_MIN or han != w:
            continue
        key = spelled(han)
        if len(key) >= PINYIN_KEY_MIN and key not in vocab().en_stop:
            out.setdefault(key, []).append(w)
    return out


def _load(path: Path) -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, list[str]]]:
    """(English phrase → plan terms, Chinese everyday word or abbreviation → plan terms, a word for several plan
    terms at once → those terms). An office's names are synonyms of the words for its field ([offices])."""
    if not path.exists():
        return {}, {}, {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    synonyms = {k: list(v) for k, v in data.get("synonyms", {}).items()}
    for office in data.get("offices", {}).values():
        synonyms.update({name: list(office["field"]) for name in office["names"]})
    each = {k: list(v) for k, v in data.get("each", {}).items()}
    return {k.lower(): list(v) for k, v in data.get("terms", {}).items()}, synonyms, each
