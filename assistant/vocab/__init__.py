"""vocab: the rules as data. Stopwords, question cues, measures, units, framing words and places live in the TOML
files beside this module; this is the one place that reads them. Loaded once, on first use (not at import)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
CJK = re.compile(r"[\u4e00-\u9fff]")
# An acronym, also run into Chinese (GDP, 几个PPP项目: no word boundary between 个 and P)
ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z]{2,6}s?(?![A-Za-z])")


@dataclass(frozen=True)
class Unit:
    unit: str
    kind: str
    en_base: str
    scale: float
    en_steps: tuple[tuple[float, str], ...]
    en_prefix: str = ""


@dataclass(frozen=True)
class Measure:
    pattern: re.Pattern
    measure: str
    kinds: frozenset[str]


@dataclass(frozen=True)
class Vocab:
    # words.toml
    zh_stop: frozenset[str]  # function + question + generic + answer-kind words
    zh_function: frozenset[str]
    zh_answer_kind: frozenset[str]
    zh_grammar_chars: frozenset[str]
    en_stop: frozenset[str]
    fillers: tuple[str, ...]  # longest first
    home: frozenset[str]
    # asks.toml
    smalltalk: tuple[tuple[str, re.Pattern], ...]
    cue: dict[str, re.Pattern]
    injection: tuple[re.Pattern, ...]
    pressure: tuple[re.Pattern, ...]
    role_claim: tuple[re.Pattern, ...]
    measures: tuple[Measure, ...]
    instance_words: dict[str, tuple[str, ...]]  # a kind asked for → the plans' words for things of that kind
    # units.toml
    units: tuple[Unit, ...]  # longest unit first
    count_units: frozenset[str]
    stated_kind: dict[str, str]
    # framing.toml
    governing: dict[str, str]
    bound_before: dict[str, str]
    bound_after: dict[str, str]
    stage: dict[str, str]
    # places.toml: every name (lower-case for Latin) → its canonical Chinese name
    places: dict[str, str]
    regions: dict[str, tuple[str, ...]]  # a grouping (京津冀) → the places it names
    level_after: tuple[str, ...] = ()  # after a place: a level or the nation's period (国家级, 国家五年规划)
    cantonese: tuple[tuple[re.Pattern, str], ...] = ()  # written Cantonese → Mandarin (dialect.toml)
    english_short: tuple[tuple[re.Pattern, str], ...] = ()  # texted English → written (yr → year; dialect.toml)
    opener: tuple[str, ...] = ()  # verbs that open a sentence on its topic (framing.toml)
    counters_alike: tuple[frozenset[str], ...] = ()  # counters said of the same things (家, 户; units.toml)
    latin_units: dict[str, str] = field(default_factory=dict)  # 50万kw: a Latin unit → the plans' (units.toml)
    frame_end: tuple[str, ...] = ()  # ends of an opening clause that only frames (以…为牵引)

    def unit(self, name: str) -> Unit | None:
        return next((u for u in self.units if u.unit == name), None)

    def measure_of(self, text: str) -> tuple[str | None, frozenset[str] | None, list[tuple[int, int]]]:
        """The measure a question asks for, the target kinds that answer it, and where its cue sits."""
        for m in self.measures:
            spans = [x.span() for x in m.pattern.finditer(text) if not _stated(x, text)]
            if spans:
                return m.measure, m.kinds, spans
        return None, None, []

    def measures_asked(self, text: str) -> tuple[Measure, ...]:
        """Every measure a question asks (几万千瓦 几万千瓦时: power and energy), not only the first; one whose words
        are only inside another's (千瓦 in 千瓦时) is not asked."""
        found = [(m, [x.span() for x in m.pattern.finditer(text) if not _stated(x, text)]) for m in self.measures]
        found = [(m, spans) for m, spans in found if spans]
        return tuple(m for m, spans in found if any(
            not any(o is not m and a <= s and e <= b and (a, b) != (s, e) for o, others in found for a, b in others)
            for s, e in spans))

    def is_stop(self, word: str) -> bool:
        w = word.strip().lower()
        return not w or w in self.zh_stop or w in self.en_stop or w in self.home

    def is_cue(self, word: str) -> bool:
        """A word that only says what kind of answer is wanted (增速, 多少钱, 哪些)."""
        hit = self._cues.get(word)
        if hit is None:  # remembered: every token of every question asks this, against some forty patterns
            if len(self._cues) > 65536:
                self._cues.clear()
            hit = self._cues[word] = word in self.zh_answer_kind or any(
                m.pattern.fullmatch(word) for m in self.measures) or any(
                self.cue[c].fullmatch(word) for c in ("figure", "list", "where", "who", "weigh"))
        return hit

    @cached_property
    def _cues(self) -> dict[str, bool]:
        return {}

    @property
    def unit_names(self) -> tuple[str, ...]:
        """Every unit the plans write after a number, longest first (万千瓦时 before 万千瓦)."""
        names = [u.unit for u in self.units] + sorted(self.count_units)
        return tuple(sorted(set(names), key=len, reverse=True))


# The kind of figure a target's name ends with (锦裕铁矿石二期项目规模, 储能电站容量): what of the thing is measured.
KIND_NAMES = ("规模", "数", "数量", "里程", "长度", "面积", "装机", "装机容量", "储能容量", "容量", "功率", "门槛", "增速", "期次",
              "届次", "完成额", "投资额")
KIND_WORDS = re.compile(rf"(项目)?({'|'.join(KIND_NAMES)})$")

# A unit right after a number is part of a figure the question states or a name (千吨级铀矿开发基地, 500万吨铁矿石,
# the thousand-tonne base): it is not the measure asked for (多少万吨 and 几吨 are).
STATED_BEFORE = re.compile(r"(?<!多少)(?<!几)(\d[- ]?|[一二两三四五六七八九十百千万亿]|\b(thousand|million|hundred|billion)[- ]?)$",
                           re.I)
UNIT_LED = re.compile(r"[万千百亿吨亩公米瓦]|(tonnes?|tons?|kw|mw|gw|kwh|mwh|mu|km|hectares?|kilomet)", re.I)


QUOTED = re.compile(r"“[^”]{2,40}”|「[^」]{2,40}」|《[^》]{2,40}》")


def _stated(cue: re.Match, text: str) -> bool:
    """A unit cue that is part of a stated figure (500万吨) or a class name (千吨级, 万吨级), not asked for; any cue
    inside a name the question quotes (“扩大清洁能源产业规模”部分: its 规模 asks nothing)."""
    if any(m.start() < cue.start() and cue.end() < m.end() for m in QUOTED.finditer(text)):
        return True
    if not UNIT_LED.match(cue.group(0)):
        return False
    before = text[:cue.start()]
    classed = text[cue.end():].startswith("级") or cue.group(0).endswith("级")
    return bool(STATED_BEFORE.search(before) or (classed and not re.search(r"(多少|几)$", before)))


def _words(text: str) -> list[str]:
    return text.split()


def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    load = lambda name: tomllib.loads((HERE / f"{name}.toml").read_text(encoding="utf-8"))  # noqa: E731
    words, asks, units, framing, places, dialect = (load(n) for n in ("words", "asks", "units", "framing", "places",
                                                                       "dialect"))
    cues = asks["cues"]
    return Vocab(
        zh_stop=frozenset(_words(words["zh_function"]) + _words(words["zh_question"]) + _words(words["zh_generic"])
                          + _words(words["zh_answer_kind"]) + _words(words["zh_light"])),
        zh_answer_kind=frozenset(_words(words["zh_answer_kind"])),
        zh_grammar_chars=frozenset("".join(_words(words["zh_grammar_chars"]))),
        zh_function=frozenset(_words(words["zh_function"])),
        en_stop=frozenset(_words(words["en_function"])),
        fillers=tuple(sorted(_words(words["fillers"]), key=len, reverse=True)),
        home=frozenset(w.lower() for w in _words(words["home"])),
        smalltalk=tuple((k, _rx(v)) for k, v in asks["smalltalk"].items()),
        # an order (Specify the date…) asks as a question does
        cue={k: _rx(v) for k, v in cues.items() if isinstance(v, str)}
        | {"asking": _rx(f"(?:{cues['asking']})|(?:{cues['order']})")},
        injection=tuple(_rx(p) for p in cues["injection"]),
        pressure=tuple(_rx(p) for p in cues["pressure"]),
        role_claim=tuple(_rx(p) for p in cues["role_claim"]),
        measures=tuple(Measure(_rx(m["pattern"]), m["measure"], frozenset(m["kinds"])) for m in asks["measure"]),
        instance_words={k.lower(): tuple(v) for k, v in asks["instance_words"].items()},
        units=tuple(sorted((Unit(unit=u["unit"], kind=u["kind"], en_base=u["en_base"], scale=float(u["scale"]),
                                 en_steps=tuple((float(a), b) for a, b in u["en_steps"]), en_prefix=u.get("en_prefix", ""))
                            for u in units["unit"]), key=lambda u: -len(u.unit))),
        count_units=frozenset(units["count_units"]),
        counters_alike=tuple(frozenset(g) for g in units.get("counters_alike", ())),
        stated_kind=dict(units["stated_kind"]),
        latin_units=dict(units.get("latin_units", {})),
        governing=dict(framing["governing"]), bound_before=dict(framing["bound_before"]),
        bound_after=dict(framing["bound_after"]), stage=dict(framing["stage"]),
        places={name.lower(): canon for canon, others in places["places"].items() for name in (canon, *others)},
        regions={k: tuple(v) for k, v in places.get("regions", {}).items()},
        level_after=tuple(places.get("level", {}).get("after", ())),
        cantonese=tuple((re.compile(k), v) for k, v in dialect["cantonese"].items()),
        english_short=tuple((re.compile(rf"(?<![\w/'-])(?:{k})(?![\w'-])", re.I), v)
                            for k, v in dialect["english_short"].items()),
        opener=tuple(framing.get("opener", ())),
        frame_end=tuple(framing.get("frame_end", ())),
    )
