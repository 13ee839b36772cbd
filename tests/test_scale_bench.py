"""The scale benchmark's generated documents are valid plans, and its answer key is their own figures."""

from __future__ import annotations

import importlib.util
import sys

from assistant.corpus import load_corpus, load_manifest
from assistant.settings import PROJECT_ROOT
from assistant.targets.extract import extract_targets

spec = importlib.util.spec_from_file_location("scale_bench", PROJECT_ROOT / "scripts" / "scale_bench.py")
scale_bench = sys.modules["scale_bench"] = importlib.util.module_from_spec(spec)  # dataclasses look it up
spec.loader.exec_module(scale_bench)


def test_generated_documents_parse_and_the_answer_key_is_theirs(tmp_path):
    questions = scale_bench.generate(12, tmp_path)
    infos = load_manifest(tmp_path)
    assert len(infos) == 12 and len({i.id for i in infos}) == 12
    assert len({(i.title, i.year) for i in infos}) == 12
    assert {i.year for i in infos} == set(range(2026, 2036))  # ten years of one city, then the next city
    docs = {d.doc: d for d in load_corpus(tmp_path)}
    real = load_corpus(PROJECT_ROOT / "knowledge")[0]
    for d in docs.values():
        assert [c.chapter for c in d.chapters] == [c.chapter for c in real.chapters]
        assert len(d.sections) == len(real.sections) and len(d.repairs) == len(real.repairs)
        assert d.warnings == ()
    rows = {doc: extract_targets(d) for doc, d in docs.items()}
    for q in questions:
        info = next(i for i in infos if i.id == q.doc)
        assert str(info.year) in q.text and info.title[len(str(info.year)) + 1:].split("国民")[0] in q.text
        if q.value is not None:
            assert any(t.value == q.value for t in rows[q.doc]), q
    gdp = [q.value for q in questions if "地区生产总值" in q.text]
    assert len(set(gdp)) > 1  # figures vary between documents
