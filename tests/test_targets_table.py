"""Target table: SQLite build/open round trip, exports, atomic rebuild; and the LangChain tools over it."""

from __future__ import annotations

import csv
import io
import json

import pytest

from assistant.corpus import corpus
from assistant.settings import PROJECT_ROOT, Settings
from assistant.targets import TargetTable, make_tools

REVIEW = PROJECT_ROOT / "knowledge" / "targets.toml"
CONTRACT_FIELDS = {"id", "doc", "chapter", "section", "indicator", "aliases", "value", "unit", "qualifier", "kind", "quote"}


@pytest.fixture(scope="module")
def docs():
    return corpus(Settings().knowledge_dir)


@pytest.fixture()
def built(docs, tmp_path):
    return TargetTable.build(docs, REVIEW, tmp_path / "data" / "targets.db")


def test_build_then_open_round_trips(built):
    opened = TargetTable.open(built.path)
    assert opened.rows() == built.rows() and len(opened) >= 40


def test_queries(built):
    gdp = built.search("地区生产总值")[0]
    assert built.get(gdp.id) == gdp and built.get("nope") is None
    assert {t.section for t in built.by_chapter("五")} == {"（一）", "（二）"}
    assert [t.value_text() for t in built.by_chapter("五", "（一）")] == ["2.1", "20.9"]
    assert all(t.kind == "growth_rate" for t in built.by_kind("growth_rate")) and len(built.by_kind("growth_rate")) == 7
    assert built.search(["GDP", "retail sales"])[0].indicator in {"地区生产总值增速", "社会消费品零售总额增速"}
    assert built.filter(topic="对外贸易")


def test_json_export_has_contract_fields_and_numbers(built):
    data = json.loads(built.to_json())
    assert all(CONTRACT_FIELDS <= set(d) for d in data)
    by_quote = {d["quote"]: d for d in data}
    assert by_quote["完成投资51.28亿元"]["value"] == 51.28
    assert by_quote["地区生产总值增长6%左右"]["value"] == 6
    assert by_quote["打造千吨级铀矿开发基地"]["value"] == "千"
    assert isinstance(by_quote["地区生产总值增长6%左右"]["aliases"], list)


def test_csv_export(built):
    rows = list(csv.DictReader(io.StringIO(built.to_csv())))
    assert len(rows) == len(built) and CONTRACT_FIELDS <= set(rows[0])
    assert any(r["value"] == "51.28" and r["unit"] == "亿元" for r in rows)


def test_failed_rebuild_keeps_the_old_table(docs, built, monkeypatch):
    import assistant.targets.table as table_mod

    before = built.path.read_bytes()

    def boom(doc):
        raise RuntimeError("extractor crashed")

    monkeypatch.setattr(table_mod, "extract_targets", boom)
    with pytest.raises(RuntimeError):
        TargetTable.build(docs, REVIEW, built.path)
    assert built.path.read_bytes() == before
    assert [p.name for p in built.path.parent.iterdir()] == [built.path.name]  # no temp file left behind
    assert len(TargetTable.open(built.path)) == len(built)


def test_open_missing_table(tmp_path):
    with pytest.raises(FileNotFoundError):
        TargetTable.open(tmp_path / "none.db")


# ---------------------------------------------------------------- tools


@pytest.fixture()
def tools(built):
    return {t.name: t for t in make_tools(built)}


def test_tool_schemas(tools):
    assert set(tools) == {"lookup_target", "list_targets", "get_target"}
    assert set(tools["lookup_target"].args) == {"query", "chapter"}
    assert set(tools["list_targets"].args) == {"chapter", "section", "kind", "topic"}
    assert set(tools["get_target"].args) == {"id"}
    assert all(t.description for t in tools.values())


def test_tool_outputs_are_json_rows(tools):
    out = tools["lookup_target"].invoke({"query": "固投完成多少钱？"})
    json.dumps(out, ensure_ascii=False)
    assert out["status"] == "match" and out["candidates"][0]["value"] == 51.28
    assert CONTRACT_FIELDS <= set(out["candidates"][0])
    assert tools["lookup_target"].invoke({"query": "恐龙博物馆投资多少"}) == {
        "status": "none", "measure": "investment", "reason": "no row explains the question", "candidates": []}
    listed = tools["list_targets"].invoke({"chapter": "总体要求", "kind": "growth_rate"})
    assert listed["count"] == 6 and {d["unit"] for d in listed["targets"]} == {"%"}
    row_id = listed["targets"][0]["id"]
    assert tools["get_target"].invoke({"id": row_id})["target"]["id"] == row_id
    assert tools["get_target"].invoke({"id": "missing"}) == {"found": False, "target": None}
