"""The CLI channel (CONTRACT.md §3), run as a real subprocess: `assistant ask|targets|ingest`.

Every call is a fresh process on a temp data dir with the bigram fake embedder, so these stay quick.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.corpus import corpus
from assistant.settings import PROJECT_ROOT, Settings

TARGET_FIELDS = ["id", "doc", "chapter", "section", "indicator", "aliases", "value", "unit", "qualifier", "kind", "quote"]
CITATION_FIELDS = {"doc", "chapter", "section", "title", "quote"}
FACT_FIELDS = {"indicator", "value", "unit", "qualifier", "doc", "chapter", "section", "quote"}
ANSWER_FIELDS = {"answer", "route", "refused", "citations", "facts", "session_id"}
ROUTES = {"target", "retrieval", "clarify", "refusal", "smalltalk"}


def _cli_cmd() -> list:
    """`python -m assistant.cli` (cli.py has a __main__ guard); the console script as a fallback."""
    if (PROJECT_ROOT / "assistant" / "cli.py").read_text(encoding="utf-8").find('if __name__ == "__main__"') >= 0:
        return [sys.executable, "-m", "assistant.cli"]
    return [str(Path(sys.executable).with_name("assistant"))]


CLI = _cli_cmd()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    """One bigram index for the module, built by the CLI itself."""
    d = tmp_path_factory.mktemp("cli-data")
    r = run("ingest", data=d)
    assert r.returncode == 0, r.stderr
    return d


@pytest.fixture(scope="module")
def plan_text() -> str:
    return corpus(Settings().knowledge_dir)[0].text


def run(*args, data: Path, knowledge: Path | None = None, timeout: float = 180) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(ASSISTANT_DATA_DIR=str(data), ASSISTANT_EMBEDDING_BACKEND="bigram", PYTHONIOENCODING="utf-8")
    if knowledge is not None:
        env["ASSISTANT_KNOWLEDGE_DIR"] = str(knowledge)
    return subprocess.run([*CLI, *args], env=env, cwd=PROJECT_ROOT, capture_output=True, timeout=timeout)


def out(r: subprocess.CompletedProcess) -> str:
    return r.stdout.decode("utf-8")


def err(r: subprocess.CompletedProcess) -> str:
    return r.stderr.decode("utf-8", errors="replace")


def ask_json(data: Path, question, *extra) -> dict:
    r = run("ask", question, *extra, "--json", data=data)
    assert r.returncode == 0, err(r)
    return json.loads(out(r))


def assert_answer_shape(a: dict, plan_text: str) -> None:
    assert ANSWER_FIELDS <= a.keys()
    assert isinstance(a["answer"], str) and a["answer"]
    assert a["route"] in ROUTES
    assert isinstance(a["refused"], bool)
    assert isinstance(a["session_id"], str) and a["session_id"]
    for c in a["citations"]:
        assert CITATION_FIELDS <= c.keys()
        assert c["quote"] in plan_text, c["quote"]
    for f in a["facts"]:
        assert FACT_FIELDS <= f.keys()
        assert isinstance(f["value"], (int, float, str))
        assert f["quote"] in plan_text, f["quote"]


# ---------------------------------------------------------------- ask


def test_ask_json_target(data_dir, plan_text):
    a = ask_json(data_dir, "今年固定资产投资计划增长多少？")
    assert_answer_shape(a, plan_text)
    assert a["refused"] is False
    assert a["citations"][0]["chapter"] == "总体要求"
    assert a["citations"][0]["section"] == ""
    assert any(f["value"] == 10 and f["unit"] == "%" for f in a["facts"])


def test_ask_json_where(data_dir, plan_text):
    a = ask_json(data_dir, "土默特街改造在哪一部分？")
    assert_answer_shape(a, plan_text)
    assert a["refused"] is False
    first = a["citations"][0]
    assert (first["chapter"], first["section"]) == ("五", "（一）")
    assert "土默特街" in first["quote"]


def test_ask_plain_text_prints_answer_and_citations(data_dir):
    r = run("ask", "今年固定资产投资计划增长多少？", data=data_dir)
    assert r.returncode == 0, err(r)
    text = out(r)
    assert "10%" in text and "[1]" in text
    with pytest.raises(json.JSONDecodeError):
        json.loads(text)


@pytest.mark.parametrize("question, message", [
    pytest.param("", "empty", id="empty"),
    pytest.param("问" * 600, "500", id="600-chars"),
    pytest.param(b"\xff\xfe", "not text", id="not-utf8-bytes"),
    pytest.param("   \n\t ", "empty", id="whitespace"),
])
def test_ask_bad_input_exits_2_with_message(data_dir, question, message):
    r = run("ask", question, "--json", data=data_dir)
    assert r.returncode == 2, (r.returncode, err(r))
    e = err(r)
    assert e.startswith("error:") and message in e, e
    assert "Traceback" not in e
    assert out(r) == ""


def test_ask_without_question_is_a_usage_error(data_dir):
    r = run("ask", data=data_dir)
    assert r.returncode == 2
    assert "usage" in err(r).lower() and "Traceback" not in err(r)


# ---------------------------------------------------------------- sessions across CLI calls


def test_session_id_is_echoed(data_dir):
    a = ask_json(data_dir, "城镇居民收入预期增长多少？", "--session", "hotline-42")
    assert a["session_id"] == "hotline-42"


def test_without_session_a_fresh_id_each_call(data_dir):
    a = ask_json(data_dir, "城镇居民收入预期增长多少？")
    b = ask_json(data_dir, "城镇居民收入预期增长多少？")
    assert a["session_id"] and b["session_id"] and a["session_id"] != b["session_id"]


def test_followup_across_cli_calls(data_dir):
    first = ask_json(data_dir, "城镇居民收入预期增长多少？")
    follow = ask_json(data_dir, "那农牧民呢？", "--session", first["session_id"])
    assert follow["session_id"] == first["session_id"]
    assert follow["route"] == "target"
    assert any(f["value"] == 5 and "农牧民" in f["indicator"] for f in follow["facts"])


# ---------------------------------------------------------------- targets


def test_targets_json(data_dir, plan_text):
    r = run("targets", "--format", "json", data=data_dir)
    assert r.returncode == 0, err(r)
    rows = json.loads(out(r))
    assert isinstance(rows, list) and len(rows) > 10
    for row in rows:
        assert set(TARGET_FIELDS) <= row.keys(), row
        assert isinstance(row["aliases"], list)
        assert isinstance(row["value"], (int, float, str))
        assert row["quote"] in plan_text
    assert len({row["id"] for row in rows}) == len(rows)
    gdp = [row for row in rows if row["chapter"] == "总体要求" and row["value"] == 6 and row["unit"] == "%"]
    assert gdp and gdp[0]["qualifier"] == "左右"


def test_targets_csv(data_dir):
    r = run("targets", "--format", "csv", data=data_dir)
    assert r.returncode == 0, err(r)
    rows = list(csv.reader(io.StringIO(out(r))))
    header = rows[0]
    assert header[: len(TARGET_FIELDS)] == TARGET_FIELDS or set(TARGET_FIELDS) <= set(header)
    assert len(rows) > 10
    assert all(len(row) == len(header) for row in rows[1:])


def test_targets_rejects_unknown_format(data_dir):
    r = run("targets", "--format", "xml", data=data_dir)
    assert r.returncode == 2 and "Traceback" not in err(r)


# ---------------------------------------------------------------- ingest


def test_ingest_twice_second_embeds_nothing(tmp_path):
    first = run("ingest", data=tmp_path / "data")
    assert first.returncode == 0, err(first)
    assert "embedded 0" not in out(first)
    second = run("ingest", data=tmp_path / "data")
    assert second.returncode == 0, err(second)
    line = out(second)
    assert "embedded 0," in line and "(index unchanged)" in line, line
    assert "rebuilt" not in line, line


def test_ingest_empty_plan_file_exits_2(tmp_path):
    knowledge = tmp_path / "knowledge"
    shutil.copytree(PROJECT_ROOT / "knowledge", knowledge)
    plan = knowledge / "erenhot-2026-plan.txt"
    plan.write_bytes(b"")
    r = run("ingest", data=tmp_path / "data", knowledge=knowledge)
    assert r.returncode == 2, (r.returncode, err(r))
    e = err(r)
    assert "erenhot-2026-plan.txt" in e and "empty" in e, e
    assert "Traceback" not in e

