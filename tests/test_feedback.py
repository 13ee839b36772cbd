"""The feedback store: SQLite in WAL mode, several writer processes at once, nothing lost."""

import multiprocessing
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pydantic import ValidationError

from assistant.feedback import FeedbackRecord, FeedbackStore, read_feedback
from assistant.models import Answer, Citation

QUOTE = "固定资产投资增长10%左右"


def answer(text: str = "固定资产投资增速：计划目标为10%左右[1]。") -> Answer:
    return Answer(answer=text, route="target", refused=False, session_id="s",
                  citations=(Citation(doc="erenhot-2026", chapter="总体要求", section="", title="总体要求", quote=QUOTE),))


def record(question: str = "今年固投增长多少？", **kw) -> FeedbackRecord:
    return FeedbackRecord(session_id="s-1", question=question, answer=answer(), rating=kw.pop("rating", "down"), **kw)


def test_a_record_round_trips_with_its_answer_reasons_and_comment(tmp_path):
    store = FeedbackStore(tmp_path / "feedback.sqlite3")
    stored = store.add(record(reasons=("数字错误", "出处错误"), comment="应为“10%左右”，不是 10%以上"))
    assert stored.id > 0
    [back] = store.records()
    assert back == stored and back.answer == answer() and back.reasons == ("数字错误", "出处错误")
    with sqlite3.connect(store.path) as con:  # queryable without the model: question, route, citations
        row = con.execute("SELECT question, route, rating, citations, comment FROM feedback").fetchone()
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert row[0] == "今年固投增长多少？" and row[1] == "target" and row[2] == "down"
    assert QUOTE in row[3] and "10%以上" in row[4]


def test_update_changes_rating_reasons_and_comment_and_delete_withdraws(tmp_path):
    store = FeedbackStore(tmp_path / "feedback.sqlite3")
    r = store.add(record(rating="up"))
    changed = store.update(r.id, rating="down", reasons=("应该回答",), comment="请补充")
    assert changed.rating == "down" and store.get(r.id) == changed
    assert store.update(r.id + 100, comment="x") is None
    with pytest.raises(ValidationError):
        store.update(r.id, reasons=("随便",))  # only the listed reason tags
    with pytest.raises(ValidationError):
        store.update(r.id, comment="长" * 5000)
    assert store.get(r.id).comment == "请补充"  # a rejected update changes nothing
    assert store.delete(r.id) and store.records() == [] and not store.delete(r.id)


def test_adding_the_same_record_twice_stores_it_once(tmp_path):
    store = FeedbackStore(tmp_path / "feedback.sqlite3")
    r = record()
    assert store.add(r).id == store.add(r).id and store.count() == 1


def test_reading_a_missing_store_creates_nothing(tmp_path):
    assert read_feedback(tmp_path / "feedback.sqlite3") == ([], [])
    assert not (tmp_path / "feedback.sqlite3").exists()


def test_the_old_json_lines_file_is_imported_once(tmp_path):
    old = tmp_path / "feedback.jsonl"
    line = record().model_dump_json(exclude={"id", "uid", "reasons", "channel"})
    old.write_text(line + "\n" + "not json\n", encoding="utf-8")
    first = FeedbackStore(tmp_path / "feedback.sqlite3")
    assert first.count() == 1 and len(first.import_problems) == 1
    assert not old.exists() and (tmp_path / "feedback.jsonl.imported").exists()
    old.write_text(line + "\n", encoding="utf-8")  # the same line again (a second process racing): stored once
    assert FeedbackStore(tmp_path / "feedback.sqlite3").count() == 1


def _write_many(args: tuple[str, int, int]) -> list[int]:
    """One writer process: `n` records from 8 threads at once, each through its own store handle."""
    path, proc, n = args
    store = FeedbackStore(Path(path))

    def one(i: int) -> int:
        return store.add(record(question=f"进程{proc}问题{i}", comment=f"{proc}-{i}")).id

    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(one, range(n)))


def test_a_thousand_concurrent_writes_from_several_processes_are_all_stored(tmp_path):
    path = tmp_path / "feedback.sqlite3"  # not created beforehand: the writers race to set it up too
    procs, per = 5, 200
    ctx = multiprocessing.get_context("spawn")  # fresh interpreters, as separate server processes would be
    with ctx.Pool(procs) as pool:
        ids = [i for chunk in pool.map(_write_many, [(str(path), p, per) for p in range(procs)]) for i in chunk]
    assert len(ids) == len(set(ids)) == procs * per
    records = FeedbackStore(path).records()
    assert len(records) == procs * per
    assert {r.comment for r in records} == {f"{p}-{i}" for p in range(procs) for i in range(per)}
