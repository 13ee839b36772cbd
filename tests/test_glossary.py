"""The glossary (knowledge/glossary.toml) is data a reviewer edits by hand: every plan term it maps to must be in a
document of knowledge/ as written (else it leads nowhere), and no everyday key may be a word that only says how a
question is asked (else it would pull any question onto one term)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from assistant.vocab import vocab

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"


def _glossary() -> dict:
    return tomllib.loads((KNOWLEDGE / "glossary.toml").read_text(encoding="utf-8"))


def _documents() -> str:
    # a term may sit across a page break of the shipped text: read it without line breaks
    return "".join(p.read_text(encoding="utf-8") for p in KNOWLEDGE.glob("*.txt")).replace("\n", "")


def problems(glossary: dict, documents: str) -> list[str]:
    out = [f"[{section}] {key!r} → {term!r}: not in any document"
           for section in ("terms", "synonyms", "each") for key, terms in glossary.get(section, {}).items()
           for term in terms if term not in documents]
    v = vocab()
    out += [f"[synonyms] {key!r}: a way of asking, not a name" for key in glossary.get("synonyms", {})
            if key in v.zh_function or v.cue["asking"].fullmatch(key)]
    return out


def test_every_glossary_term_is_the_documents_own_and_no_key_is_a_way_of_asking():
    assert problems(_glossary(), _documents()) == []


def test_the_check_can_fail():
    bad = {"synonyms": {"地铁": ["地铁线路"], "什么": ["口岸"]}, "terms": {"subway": ["地铁"]}}
    assert len(problems(bad, _documents())) == 3
