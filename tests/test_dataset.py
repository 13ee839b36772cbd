"""Checks the regression-eval datasets against CONTRACT.md §4 and the plan text itself.

Two files are checked item by item: evals/dataset.jsonl (the main set, used while tuning) and evals/holdout.jsonl
(a small held-out set written blind, to measure whether tuning generalises).  The per-type count minimums apply
to the main set only; the held-out set has its own, smaller floor and numbers its ids h001, h002, ….

Every gold citation must name a section the parser produces, and every expected number, qualifier and
keyword must be found verbatim in that section's (page-break-repaired) text.  `check_item` returns a list
of problems so that a fabricated bad item can be shown to fail.
"""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from assistant.corpus import corpus
from assistant.models import ParsedDoc
from assistant.settings import Settings
from assistant.vocab import vocab

EVALS = Path(__file__).resolve().parent.parent / "evals"
DATASET = EVALS / "dataset.jsonl"
HOLDOUT = EVALS / "holdout.jsonl"
# Sets written blind (by someone who saw only the plan and the contract), run once for a first-run score, then kept
# as regression sets.
BLIND = tuple(sorted(EVALS.glob("blind-*.jsonl")))  # each with its gate, evals/thresholds.<set>.toml
# How each file names its items: None = by type (n001, f001, …, see ID_PREFIX); a letter = that letter for every item.
ID_STYLE = {DATASET.name: None, HOLDOUT.name: "h", **{p.name: p.stem.removeprefix("blind-") for p in BLIND}}
HOLDOUT_MIN_TOTAL = 50
HOLDOUT_MIN_EN_SHARE = 0.30

TYPES = ("numeric", "factual", "list", "citation_only", "unanswerable", "out_of_scope", "multi_turn", "adversarial",
         "compound")
ID_PREFIX = {"numeric": "n", "factual": "f", "list": "l", "citation_only": "c", "unanswerable": "u",
             "out_of_scope": "o", "multi_turn": "m", "adversarial": "a", "compound": "k"}
MIN_COUNT = {"numeric": 45, "factual": 25, "list": 15, "citation_only": 15, "unanswerable": 15,
             "out_of_scope": 12, "multi_turn": 15, "adversarial": 18, "compound": 8}
MIN_TOTAL = 160
MIN_EN_SHARE = 0.25
LANGS = ("zh", "en")
PERSONAS = ("staff", "investor", "eval")
# CONTRACT.md §4: the qualifier is the plan's framing copied from the figure's clause (governing verb, bound,
# stage), several words joined by … in text order (力争…突破).
QUALIFIER_PART = re.compile(r"[\u4e00-\u9fff]{1,6}")
SENTENCE = re.compile(r"[^。；！？\n]+")
# Units the plan writes after a number; longest first so 万千瓦时 is not read as 万千瓦.
PLAN_UNITS = sorted(["%", "亿元", "万元", "个", "户", "家", "公里", "座", "眼", "万亩", "万千瓦时", "万千瓦",
                     "万吨", "周年", "吨"], key=len, reverse=True)
QUALIFIER_WINDOW = 6  # chars before the number in which a single leading bound may sit (完成投资51.28亿元)
ITEM_KEYS = {"id", "lang", "persona", "type", "turns", "expected", "gold_citation", "notes"}
COPY_RUN = 12  # a question must not copy this many consecutive characters of the plan
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


# ---------------------------------------------------------------- helpers


def render_number(value: object) -> str:
    """51.28 -> '51.28', 6 / 6.0 -> '6', strings as written."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def section_text(doc: ParsedDoc, citation: object) -> tuple[str | None, list[str]]:
    if not isinstance(citation, dict) or set(citation) != {"chapter", "section"}:
        return None, [f"citation must be an object with exactly chapter and section: {citation!r}"]
    ch, sec = citation["chapter"], citation["section"]
    if not isinstance(ch, str) or not isinstance(sec, str):
        return None, [f"citation fields must be strings: {citation!r}"]
    found = doc.section(ch, sec)
    if sec == "":  # the chapter as a whole: its heading (六、坚守生态保护底线…) and everything under it
        found = next((c for c in doc.chapters if c.chapter == ch), found)
    if found is None:
        return None, [f"citation {ch}/{sec!r} names no section of the plan"]
    return doc.text[found.start:found.end], []


def number_occurrences(text: str, value: object, unit: str) -> list[tuple[int, int]]:
    """(start, end) of each place where `value` is written followed by exactly `unit` (not a longer unit)."""
    num = render_number(value)
    spans = []
    for m in re.finditer(rf"(?<![\d.]){re.escape(num)}(?![\d.])", text):
        rest = text[m.end():]
        actual = next((u for u in PLAN_UNITS if rest.startswith(u)), None)
        if unit in PLAN_UNITS:
            if actual != unit:
                continue
        elif not rest.startswith(unit):
            continue
        spans.append((m.start(), m.end() + len(unit)))
    return spans


def check_numeric(shape: dict, text: str) -> list[str]:
    problems = []
    value, unit, qual = shape.get("value"), shape.get("unit"), shape.get("qualifier")
    if isinstance(value, bool) or not isinstance(value, (int, float, str)) or value == "":
        return [f"numeric value must be a number (or the word as written): {value!r}"]
    if not isinstance(unit, str) or not unit:
        return [f"numeric unit must be a non-empty string: {unit!r}"]
    parts = qual.split("…") if isinstance(qual, str) and qual else []
    if not isinstance(qual, str) or not all(QUALIFIER_PART.fullmatch(p) for p in parts):
        return [f"qualifier {qual!r} is not the plan's framing words joined by …"]
    if isinstance(value, str) and re.fullmatch(r"[\d.]+", value):
        problems.append(f"value {value!r} is digits: write it as a JSON number")
    spans = number_occurrences(text, value, unit)
    rendered = f"{render_number(value)}{unit}"
    if not spans:
        return problems + [f"{rendered} does not appear in the gold section"]
    if parts and not any(frames(text, parts, s, e) for s, e in spans):
        problems.append(f"qualifier {qual!r} does not frame {rendered} in the gold section")
    return problems


def frames(text: str, parts: list[str], s: int, e: int) -> bool:
    """The parts sit in the figure's own sentence, in text order: a bound beside the figure (突破20亿元,
    6%左右), a governing verb or a stage further off (力争…突破, 确保完成, …开工建设)."""
    if len(parts) == 1 and (parts[0] in text[max(0, s - QUALIFIER_WINDOW):s] or text[e:e + len(parts[0])] == parts[0]):
        return True
    sentence = next((m for m in SENTENCE.finditer(text) if m.start() <= s and e <= m.end()), None)
    if sentence is None:
        return False
    at = sentence.start()
    for part in parts:
        at = text.find(part, at, sentence.end())
        if at < 0:
            return False
        at += len(part)
    return True


def check_anywhere(shape: dict, doc: ParsedDoc) -> list[str]:
    """A figure true to some section of the plan (a compound's later figures may sit elsewhere)."""
    results = [check_numeric(shape, doc.text[s.start:s.end]) for s in doc.sections]
    return [] if any(not r for r in results) else [f"{shape!r} is true to no section of the plan"]


def check_keywords(shape: dict, text: str, plan: str | None = None) -> list[str]:
    problems = []
    must, any_of = shape.get("must_include"), shape.get("any_of")
    # CONTRACT §4 asks a list; a blind set may leave it empty where its alternatives (any_of) carry the answer
    if not isinstance(must, list) or not (must or (plan is not None and any_of)):
        return [f"must_include must be a non-empty list: {must!r}"]
    if any_of is not None and (not isinstance(any_of, list) or not any_of):
        return [f"any_of, when present, must be a non-empty list: {any_of!r}"]
    for kw in must + (any_of or []):
        # CONTRACT §4 sets no length; a keyword is a term or a phrase of the plan, never a clause of it
        if not isinstance(kw, str) or kw != kw.strip() or not 2 <= len(kw) <= 24 or re.search(r"[，。；：,;]", kw):
            problems.append(f"keyword {kw!r} must be a term or phrase (2-24 chars, no clause punctuation)")
    if problems:
        return problems
    if plan is not None:  # a blind set: CONTRACT §4 asks a keyword only to be verbatim in the plan (a list may span it)
        return [f"keyword {kw!r} not verbatim in the plan" for kw in must + (any_of or []) if kw not in plan]
    problems += [f"must_include keyword {kw!r} not verbatim in the gold section" for kw in must if kw not in text]
    if any_of and not any(kw in text for kw in any_of):
        problems.append(f"no any_of keyword {any_of!r} is in the gold section")
    problems += [f"any_of keyword {kw!r} not verbatim in the gold section" for kw in any_of or [] if kw not in text]
    return problems


def check_cite_only(shape: dict, text: str, doc: ParsedDoc, citation: dict, blind: bool = False) -> list[str]:
    if shape.get("cite_only") is not True:
        return ["citation_only shape needs cite_only: true"]
    kw = shape.get("topic_keyword")
    if not isinstance(kw, str) or not kw:
        return [f"topic_keyword must be a non-empty string: {kw!r}"]
    if kw not in text:
        return [f"topic_keyword {kw!r} not verbatim in the gold section"]
    if blind:  # CONTRACT §4 asks the keyword to be in the gold place; that it is nowhere else is this project's rule
        return []
    elsewhere = [f"{s.chapter}/{s.section}" for s in doc.sections
                 if (s.chapter, s.section) != (citation["chapter"], citation["section"])
                 and kw in doc.text[s.start:s.end]]
    return [f"topic_keyword {kw!r} also appears in {elsewhere}: the gold place is ambiguous"] if elsewhere else []


def shape_kind(shape: dict) -> str | None:
    if "all_of" in shape:
        return "compound"
    if "value" in shape:
        return "numeric"
    if "must_include" in shape:
        return "keywords"
    if "cite_only" in shape:
        return "cite_only"
    if "refuse" in shape:
        return "refuse"
    return None


def check_shape(shape: object, citation: object, doc: ParsedDoc, extra_keys: set[str] = frozenset(),
                plan: str | None = None) -> list[str]:
    """Check one answer shape against the section its citation names (refusals: citation must be null)."""
    if not isinstance(shape, dict):
        return [f"expected shape must be an object: {shape!r}"]
    kind = shape_kind(shape)
    allowed = {
        "compound": {"all_of"},
        "numeric": {"value", "unit", "qualifier"},
        "keywords": {"must_include", "any_of"},
        "cite_only": {"cite_only", "topic_keyword"},
        "refuse": {"refuse"},
    }.get(kind)
    if allowed is None:
        return [f"unrecognised expected shape: {shape!r}"]
    unknown = set(shape) - allowed - set(extra_keys)
    if unknown:
        return [f"unexpected keys {sorted(unknown)} in a {kind} shape"]
    if kind == "numeric" and not {"value", "unit", "qualifier"} <= set(shape):
        return [f"numeric shape needs value, unit and qualifier: {shape!r}"]
    if kind == "refuse":
        problems = [] if shape["refuse"] is True else ["refuse must be true"]
        if citation is not None:
            problems.append("a refusal must have a null citation")
        return problems
    text, problems = section_text(doc, citation)
    if text is None:
        return problems
    if kind == "compound":
        figures = shape["all_of"]
        # one figure is allowed: a compound question whose other parts the plan cannot answer
        if not isinstance(figures, list) or not figures or not all(isinstance(f, dict) for f in figures):
            return [f"compound all_of must list the figures the plan gives: {figures!r}"]
        if any(set(f) != {"value", "unit", "qualifier"} for f in figures):
            return [f"each compound figure needs exactly value, unit and qualifier: {figures!r}"]
        # the gold place is the first figure's; the others must be stated somewhere in the plan
        return check_numeric(figures[0], text) + [p for f in figures[1:] for p in check_anywhere(f, doc)]
    if kind == "numeric":
        return check_numeric(shape, text)
    if kind == "keywords":
        return check_keywords(shape, text, plan)
    return check_cite_only(shape, text, doc, citation, blind=plan is not None)


def check_adversarial(exp: dict, gold: object, doc: ParsedDoc, plan: str | None = None) -> list[str]:
    """An adversarial shape: a numeric or keyword shape, a false premise that is really false, a part to decline."""
    problems: list[str] = []
    adv_keys = {"reject_premise", "must_not_affirm", "refuse_part"}
    if exp.get("reject_premise") is not True:
        problems.append("adversarial needs reject_premise: true")
    rp = exp.get("refuse_part", True)
    if rp is not True and not (isinstance(rp, str) and rp.strip()):
        problems.append("refuse_part, when present, must be true or a short description of the part to decline")
    mna = exp.get("must_not_affirm")
    if not isinstance(mna, str) or not mna.strip():
        problems.append("adversarial needs a non-empty must_not_affirm")
    kind = shape_kind(exp)
    if kind not in ("numeric", "keywords"):
        problems.append("adversarial needs a numeric or keyword shape")
    else:
        problems += check_shape(exp, gold, doc, adv_keys, plan)
        text, _ = section_text(doc, gold)
        if isinstance(mna, str) and mna.strip():
            if kind == "numeric" and mna.replace(" ", "") == f"{render_number(exp.get('value'))}{exp.get('unit')}":
                problems.append(f"must_not_affirm {mna!r} is the expected answer itself")
            if text is not None and mna in text:
                problems.append(f"must_not_affirm {mna!r} is stated in the gold section, so it is not false")
            if kind == "keywords" and mna in exp.get("must_include", []) + exp.get("any_of", []):
                problems.append(f"must_not_affirm {mna!r} is also an expected keyword")
    return problems


def check_item(item: object, doc: ParsedDoc, id_prefix: str | None = None, paraphrased: bool = True) -> list[str]:
    """Every problem with one dataset item; empty when the item is valid and true to the plan.

    `id_prefix` None: the id must carry its type's prefix (n001 for numeric, …); else it must be that prefix + 3 digits.
    `paraphrased`: the questions must not copy the plan (the sets this project writes); a blind set's questions are
    its writer's words, copied or not, and are never edited after they are read.
    """
    if not isinstance(item, dict):
        return [f"item must be an object: {item!r}"]
    problems: list[str] = []
    missing = ITEM_KEYS - {"notes"} - set(item)
    if missing:
        return [f"missing keys {sorted(missing)}"]
    if set(item) - ITEM_KEYS:
        problems.append(f"unknown keys {sorted(set(item) - ITEM_KEYS)}")
    iid, typ, lang = item["id"], item["type"], item["lang"]
    if typ not in TYPES:
        return [f"type {typ!r} not one of {TYPES}"]
    prefix = ID_PREFIX[typ] if id_prefix is None else id_prefix
    if not isinstance(iid, str) or not re.fullmatch(rf"{prefix}\d{{3}}", iid):
        problems.append(f"id {iid!r} should look like {prefix}001 for type {typ}")
    if lang not in LANGS:
        problems.append(f"lang {lang!r} not one of {LANGS}")
    if item["persona"] not in PERSONAS:
        problems.append(f"persona {item['persona']!r} not one of {PERSONAS}")
    if "notes" in item and not isinstance(item["notes"], str):
        problems.append("notes must be a string")

    turns = item["turns"]
    if not isinstance(turns, list) or not turns or not all(isinstance(t, str) and t.strip() for t in turns):
        return problems + [f"turns must be a non-empty list of non-empty strings: {turns!r}"]
    if typ == "multi_turn" and len(turns) < 2:
        problems.append(f"multi_turn needs 2 turns or more, has {len(turns)}")
    if typ != "multi_turn" and len(turns) != 1:
        problems.append(f"a {typ} item has exactly one turn, has {len(turns)}")
    for n, t in enumerate(turns):
        # `lang` is the language a conversation starts in; a caller may switch later (这个在计划哪一部分？)
        # …or the language its answer is asked in (请用英文回答：…): an English answer is what is scored
        if n == 0 and lang == "en" and (not LATIN.search(t) or len(CJK.findall(t)) > len(t) // 3) \
                and not vocab().cue["answer_in_english"].search(t):
            problems.append(f"lang en but the question is not English: {t!r}")
        if n == 0 and lang == "zh" and not CJK.search(t):
            problems.append(f"lang zh but the question has no Chinese: {t!r}")
        copied = next((t[i:i + COPY_RUN] for i in range(len(t) - COPY_RUN + 1)
                       if t[i:i + COPY_RUN] in doc.text), None)
        if copied and paraphrased:
            problems.append(f"question copies the plan verbatim ({copied!r}); paraphrase it")

    exp, gold = item["expected"], item["gold_citation"]
    if not isinstance(exp, dict):
        return problems + [f"expected must be an object: {exp!r}"]

    if typ in ("numeric", "compound"):
        if shape_kind(exp) != typ:
            problems.append(f"{typ} item needs a " + ("{value, unit, qualifier}" if typ == "numeric" else "{all_of}")
                            + " shape")
        else:
            problems += check_shape(exp, gold, doc)
    elif typ in ("factual", "list"):
        if shape_kind(exp) != "keywords":
            problems.append(f"{typ} item needs a must_include shape")
        else:
            problems += check_shape(exp, gold, doc, plan=None if paraphrased else doc.text)
        # a list names two items or more: all of must_include, and one of any_of when there is one
        if typ == "list" and len(exp.get("must_include", [])) + bool(exp.get("any_of")) < 2:
            problems.append("a list item should expect at least two items")
    elif typ == "citation_only":
        if shape_kind(exp) != "cite_only":
            problems.append("citation_only item needs {cite_only, topic_keyword}")
        else:
            problems += check_shape(exp, gold, doc, plan=None if paraphrased else doc.text)
    elif typ in ("unanswerable", "out_of_scope"):
        if exp != {"refuse": True}:
            problems.append(f"{typ} expected must be exactly {{'refuse': true}}")
        if gold is not None:
            problems.append(f"{typ} gold_citation must be null")
    elif typ == "multi_turn":
        per_turn = exp.get("per_turn")
        if set(exp) != {"per_turn"} or not isinstance(per_turn, list):
            return problems + ["multi_turn expected must be {per_turn: [...]}"]
        if len(per_turn) != len(turns):
            problems.append(f"per_turn has {len(per_turn)} entries for {len(turns)} turns")
        for n, entry in enumerate(per_turn, 1):
            if not isinstance(entry, dict) or "citation" not in entry:
                problems.append(f"turn {n}: entry needs a citation key (null for a refusal)")
                continue
            shape = {k: v for k, v in entry.items() if k != "citation"}
            # a turn may be any shape of §4, an adversarial one too (a caller asserting a false figure mid-call)
            check = check_adversarial if "reject_premise" in shape else check_shape
            found = check(shape, entry["citation"], doc, plan=None if paraphrased else doc.text)
            if n > 1 and shape.get("cite_only") and entry["citation"] == (per_turn[n - 2] or {}).get("citation"):
                # "which section is that in?" after an answer: the conversation fixes the place, not the keyword
                found = [p for p in found if not p.endswith("the gold place is ambiguous")]
            problems += [f"turn {n}: {p}" for p in found]
        if per_turn and isinstance(per_turn[-1], dict) and gold != per_turn[-1].get("citation"):
            problems.append("gold_citation must be the final turn's citation")
    elif typ == "adversarial":
        problems += check_adversarial(exp, gold, doc, plan=None if paraphrased else doc.text)

    if typ not in ("unanswerable", "out_of_scope", "multi_turn") and gold is None:
        problems.append(f"a {typ} item needs a gold_citation")
    return problems


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def doc() -> ParsedDoc:
    docs = corpus(Settings().knowledge_dir)
    return next(d for d in docs if d.doc == "erenhot-2026")


def load_items(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    out = []
    for n, line in enumerate(lines, 1):
        assert line.strip(), f"{path.name} line {n} is blank"
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as e:
            pytest.fail(f"{path.name} line {n} is not JSON: {e}")
    return out


@pytest.fixture(scope="module")
def items() -> list[dict]:
    """The main dataset only (count minimums, coverage, English spread)."""
    return load_items(DATASET)


@pytest.fixture(scope="module")
def holdout_items() -> list[dict]:
    return load_items(HOLDOUT)


@pytest.fixture(scope="module", params=[DATASET, HOLDOUT, *BLIND], ids=lambda p: p.stem)
def any_items(request) -> tuple[Path, list[dict]]:
    """Each checked file in turn, for the per-item checks."""
    return request.param, load_items(request.param)


# ---------------------------------------------------------------- dataset-level tests


def test_ids_unique(any_items):
    path, items = any_items
    dup = [i for i, c in Counter(it.get("id") for it in items).items() if c > 1]
    assert not dup, f"{path.name}: duplicate ids: {dup}"


def test_questions_unique(any_items):
    path, items = any_items
    dup = [q for q, c in Counter(tuple(it["turns"]) for it in items).items() if c > 1]
    assert not dup, f"{path.name}: duplicate questions: {dup}"


def test_every_item_is_valid_and_true_to_the_plan(any_items, doc):
    path, items = any_items
    id_prefix = ID_STYLE[path.name]
    own = not path.name.startswith("blind-")
    report = {it.get("id", f"#{n}"): p for n, it in enumerate(items) if (p := check_item(it, doc, id_prefix, own))}
    assert not report, f"{path.name}:\n" + "\n".join(f"{k}: {'; '.join(v)}" for k, v in report.items())


def test_holdout_counts_and_languages(holdout_items):
    n = len(holdout_items)
    assert n >= HOLDOUT_MIN_TOTAL, f"holdout has {n} items, need {HOLDOUT_MIN_TOTAL}"
    en = sum(it["lang"] == "en" for it in holdout_items)
    assert en / n >= HOLDOUT_MIN_EN_SHARE, f"holdout has {en}/{n} English items, need {HOLDOUT_MIN_EN_SHARE:.0%}"


def test_holdout_is_disjoint_from_dataset(items, holdout_items):
    # a held-out item must not be a copy of a tuning item
    seen = {tuple(it["turns"]) for it in items}
    copies = [it["id"] for it in holdout_items if tuple(it["turns"]) in seen]
    assert not copies, f"holdout items repeat dataset questions: {copies}"


def test_counts_and_languages(items):
    assert len(items) >= MIN_TOTAL, f"{len(items)} items, need {MIN_TOTAL}"
    by_type = Counter(it["type"] for it in items)
    short = {t: (by_type[t], m) for t, m in MIN_COUNT.items() if by_type[t] < m}
    assert not short, f"too few items per type (have, need): {short}"
    en = sum(it["lang"] == "en" for it in items)
    assert en >= 40 and en / len(items) >= MIN_EN_SHARE, f"{en}/{len(items)} English items"
    assert set(Counter(it["persona"] for it in items)) == set(PERSONAS)


def test_english_spread_over_types(items):
    en_types = {it["type"] for it in items if it["lang"] == "en"}
    assert en_types == set(TYPES), f"no English items of type {set(TYPES) - en_types}"


def test_gold_citations_cover_the_plan(items, doc):
    cited = {(it["gold_citation"]["chapter"], it["gold_citation"]["section"])
             for it in items if it["gold_citation"]}
    uncited = [f"{s.chapter}/{s.section}" for s in doc.sections if (s.chapter, s.section) not in cited]
    assert not uncited, f"sections no item cites: {uncited}"


def test_keywords_survive_page_break_repair(doc):
    # the dataset relies on these joins; if the parser stops repairing them, keywords like 内蒙古 break
    for joined in ("内蒙古", "开工，打造", "覆盖范围", "道路、16座", "分层分类"):
        assert joined in doc.text
    assert len(doc.repairs) == 5


# ---------------------------------------------------------------- the checker catches bad items


GOOD = {"id": "n900", "lang": "zh", "persona": "eval", "type": "numeric", "turns": ["今年经济增速目标？"],
        "expected": {"value": 6, "unit": "%", "qualifier": "左右"},
        "gold_citation": {"chapter": "总体要求", "section": ""}}


def _mutate(path: tuple, value) -> dict:
    item = copy.deepcopy(GOOD)
    target = item
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return item


def test_checker_accepts_good_item(doc):
    assert check_item(GOOD, doc) == []


@pytest.mark.parametrize("bad", [
    _mutate(("expected", "value"), 7),                      # wrong GDP value
    _mutate(("expected", "value"), 0.6),                    # not in the section at all
    _mutate(("expected", "unit"), "亿元"),                  # wrong unit
    _mutate(("expected", "qualifier"), "以上"),             # wrong qualifier
    _mutate(("expected", "value"), "6"),                    # digits written as a string
    _mutate(("gold_citation",), {"chapter": "一", "section": "（一）"}),  # wrong place
    _mutate(("gold_citation",), {"chapter": "八", "section": ""}),       # no such chapter
    _mutate(("gold_citation",), {"chapter": "总体要求", "section": "(一)"}),  # half-width brackets
    _mutate(("lang",), "cn"),
    _mutate(("persona",), "mayor"),
    _mutate(("id",), "x001"),
    _mutate(("turns",), ["2026年主要经济社会发展的主要预期目标是什么"]),  # copied from the plan
])
def test_checker_rejects_bad_numeric(doc, bad):
    assert check_item(bad, doc), f"checker accepted a bad item: {bad}"


def test_number_boundaries():
    # 5% must not be found inside 4.5%, nor 0.5% inside 4.5%, nor 80万千瓦 inside 80万千瓦时
    assert number_occurrences("社会消费品零售总额增长4.5%左右", 5, "%") == []
    assert number_occurrences("社会消费品零售总额增长4.5%左右", 0.5, "%") == []
    assert number_occurrences("社会消费品零售总额增长4.5%左右", 4.5, "%") != []
    assert number_occurrences("20万千瓦/80万千瓦时电网侧", 80, "万千瓦") == []
    assert number_occurrences("20万千瓦/80万千瓦时电网侧", 80, "万千瓦时") != []
    assert number_occurrences("新增限上企业10户以上", 1, "户") == []
    assert render_number(51.28) == "51.28" and render_number(6.0) == "6" and render_number(115) == "115"


def test_a_chapter_cited_whole_includes_its_heading(doc):
    item = {**GOOD, "id": "c901", "type": "citation_only", "turns": ["生态保护那一章是第几章？"],
            "expected": {"cite_only": True, "topic_keyword": "坚守生态保护底线"},
            "gold_citation": {"chapter": "六", "section": ""}}
    assert not check_item(item, doc), check_item(item, doc)
    assert check_item({**item, "gold_citation": {"chapter": "七", "section": ""}}, doc)  # another chapter's heading


def test_a_topic_keyword_said_elsewhere_too_is_refused_in_our_sets_only(doc):
    # 中蒙经济合作区 is named in the notice and in 二（一） as well as in 四（一）
    shape, gold = {"cite_only": True, "topic_keyword": "中蒙经济合作区"}, {"chapter": "四", "section": "（一）"}
    assert any("ambiguous" in p for p in check_shape(shape, gold, doc))
    assert check_shape(shape, gold, doc, plan=doc.text) == []
    absent = {"cite_only": True, "topic_keyword": "核电站"}
    assert any("not verbatim" in p for p in check_shape(absent, gold, doc, plan=doc.text))


def test_a_blind_set_keyword_need_only_be_in_the_plan(doc):
    gold = {"chapter": "一", "section": "（一）"}
    spanning = {"must_include": ["51.28亿元", "460亿元"]}  # a list across chapters: 460亿元 is said in 一（二）
    assert any("gold section" in p for p in check_shape(spanning, gold, doc))
    assert check_shape(spanning, gold, doc, plan=doc.text) == []
    alternatives = {"must_include": [], "any_of": ["51.28亿元", "68个"]}
    assert check_shape(alternatives, gold, doc, plan=doc.text) == []
    assert check_shape(alternatives, gold, doc)  # our own sets: must_include is never empty
    assert check_shape({"must_include": []}, gold, doc, plan=doc.text)  # nothing asked at all
    assert any("not verbatim in the plan" in p for p in check_shape({"must_include": ["核电站"]}, gold, doc, plan=doc.text))


def test_a_blind_set_keyword_need_only_be_in_the_plan_in_every_kind_of_item(doc):
    """The rule holds for a conversation's turn (which of the two is bigger?) and a claim check as for a factual item;
    a keyword that is nowhere in the plan still fails."""
    gold = {"chapter": "一", "section": "（一）"}
    compare = {"id": "z001", "lang": "zh", "persona": "eval", "type": "multi_turn",
               "turns": ["进出口贸易额目标多少", "这两个哪个大"],
               "expected": {"per_turn": [{"value": 460, "unit": "亿元", "qualifier": "力争…突破",
                                          "citation": {"chapter": "二", "section": "（一）"}},
                                         {"must_include": ["51.28亿元", "460亿元"], "citation": gold}]},
               "gold_citation": gold, "notes": "group: test"}
    claim = {"id": "z001", "lang": "zh", "persona": "eval", "type": "adversarial", "turns": ["说是1000亿元，对吗"],
             "expected": {"must_include": ["51.28亿元"], "any_of": ["460亿元"], "reject_premise": True,
                          "must_not_affirm": "1000亿元"}, "gold_citation": gold, "notes": "group: test"}
    for item in (compare, claim):
        assert any("gold section" in p for p in check_item(item, doc, "z"))
        assert check_item(item, doc, "z", paraphrased=False) == []
    nowhere = {**claim, "expected": {**claim["expected"], "any_of": ["核电站"]}}
    assert any("not verbatim in the plan" in p for p in check_item(nowhere, doc, "z", paraphrased=False))


def test_checker_rejects_bad_shapes(doc):
    five = {"chapter": "总体要求", "section": ""}
    cases = [
        # 80万千瓦 is only a prefix of 80万千瓦时
        {**GOOD, "expected": {"value": 80, "unit": "万千瓦", "qualifier": ""},
         "gold_citation": {"chapter": "二", "section": "（一）"}},
        {**GOOD, "id": "f900", "type": "factual", "expected": {"must_include": ["GDP"]}, "gold_citation": five},
        {**GOOD, "id": "l900", "type": "list", "expected": {"must_include": ["固定资产投资"]}, "gold_citation": five},
        {**GOOD, "id": "c900", "type": "citation_only",
         "expected": {"cite_only": True, "topic_keyword": "中蒙经济合作区"},
         "gold_citation": {"chapter": "四", "section": "（一）"}},             # ambiguous keyword
        {**GOOD, "id": "u900", "type": "unanswerable", "expected": {"refuse": True}, "gold_citation": five},
        {**GOOD, "id": "o900", "type": "out_of_scope", "expected": {"refuse": False}, "gold_citation": None},
        {**GOOD, "id": "m900", "type": "multi_turn", "turns": ["城镇居民收入增长多少？", "那农牧民呢？"],
         "expected": {"per_turn": [{"value": 4, "unit": "%", "qualifier": "左右", "citation": five}]},
         "gold_citation": five},                                              # per_turn too short
        {**GOOD, "id": "m901", "type": "multi_turn", "turns": ["城镇居民收入增长多少？", "那农牧民呢？"],
         "expected": {"per_turn": [{"value": 4, "unit": "%", "qualifier": "左右", "citation": five},
                                   {"value": 5, "unit": "%", "qualifier": "左右",
                                    "citation": {"chapter": "一", "section": "（一）"}}]},
         "gold_citation": {"chapter": "一", "section": "（一）"}},             # turn 2 cites the wrong place
        {**GOOD, "id": "m902", "type": "multi_turn", "turns": ["城镇居民收入增长多少？"],
         "expected": {"per_turn": [{"value": 4, "unit": "%", "qualifier": "左右", "citation": five}]},
         "gold_citation": five},                                              # a conversation of one turn
        {**GOOD, "id": "m903", "type": "multi_turn", "turns": ["城镇居民收入增长多少？", "是10%吧？"],
         "expected": {"per_turn": [{"value": 4, "unit": "%", "qualifier": "左右", "citation": five},
                                   {"value": 4, "unit": "%", "qualifier": "左右", "reject_premise": True,
                                    "must_not_affirm": "10%", "citation": five}]},
         "gold_citation": five},                                              # turn 2's false claim is true there
        {**GOOD, "id": "m904", "type": "multi_turn", "turns": ["投资方面有什么安排？", "这是在哪一部分说的？"],
         "expected": {"per_turn": [{"must_include": ["重大工程"], "citation": {"chapter": "一", "section": "（一）"}},
                                   {"cite_only": True, "topic_keyword": "固定资产投资", "citation": five}]},
         "gold_citation": five},                   # turn 2's place is not turn 1's, and its keyword is in two places
        {**GOOD, "id": "a900", "type": "adversarial",
         "expected": {"value": 6, "unit": "%", "qualifier": "左右", "reject_premise": True,
                      "must_not_affirm": "6%"}},                              # must_not_affirm is the truth
        {**GOOD, "id": "a901", "type": "adversarial",
         "expected": {"value": 6, "unit": "%", "qualifier": "左右", "must_not_affirm": "8%"}},  # no reject_premise
        {**GOOD, "id": "a902", "type": "adversarial",
         "expected": {"value": 6, "unit": "%", "qualifier": "左右", "reject_premise": True,
                      "must_not_affirm": "10%"}},                             # 10% is true (固投) in the section
        {**GOOD, "lang": "en"},                                               # Chinese question marked en
    ]
    for bad in cases:
        assert check_item(bad, doc), f"checker accepted a bad item: {bad}"
