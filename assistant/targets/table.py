"""table: the reviewed target rows of every document, stored in SQLite, queried in memory (a plan has tens of rows).

`build` writes a temp file next to the database and renames it over the old one, so a build that fails
half-way leaves the previous table in place and readers never see a half-written file.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Iterable

from assistant.models import ParsedDoc, Target
from assistant.targets.extract import extract_targets
from assistant.targets.framing import frame
from assistant.targets.review import apply_review, load_review

COLUMNS = ("id", "doc", "chapter", "section", "topic", "indicator", "aliases", "indicator_en", "value",
           "value_is_number", "unit", "qualifier", "kind", "period", "outcome", "quote", "start", "end", "context")
# The contract's fields first (CONTRACT.md §3), then the rest a reviewer wants in a spreadsheet.
EXPORT_FIELDS = ("id", "doc", "chapter", "section", "indicator", "aliases", "value", "unit", "qualifier", "kind",
                 "quote", "topic", "indicator_en", "period", "outcome", "start", "end")
_COLUMN_SQL = ", ".join(f'"{c}"' for c in COLUMNS)  # `end` is an SQL keyword: quote every name


def _to_record(t: Target) -> tuple:
    number = isinstance(t.value, Decimal)
    return (t.id, t.doc, t.chapter, t.section, t.topic, t.indicator, json.dumps(list(t.aliases), ensure_ascii=False),
            t.indicator_en, str(t.value), int(number), t.unit, t.qualifier, t.kind, t.period, int(t.outcome), t.quote,
            t.start, t.end, t.context)


def _from_record(rec: sqlite3.Row) -> Target:
    d = dict(rec)
    d["aliases"] = tuple(json.loads(d["aliases"]))
    d["value"] = Decimal(d["value"]) if d.pop("value_is_number") else d["value"]
    d["outcome"] = bool(d["outcome"])
    return Target(**d)


def reviewed_docs(review_path: Path | None) -> frozenset[str]:
    """Documents the overlay has entries for (row ids start with the document id)."""
    return frozenset(key.split(":", 1)[0] for key in load_review(review_path).rows)


def share_vocabulary(rows: list[Target], reviewed: frozenset[str]) -> list[Target]:
    """A document nobody reviewed gets the reviewed synonyms of the indicators it shares with one that was:
    next year's 固定资产投资增速 answers to 固投 and FAI as this year's does. Its own wording stays the name."""
    vocab: dict[tuple[str, str], Target] = {}
    for r in rows:
        if r.doc in reviewed and r.aliases:
            vocab.setdefault((r.indicator, r.kind), r)
    out = []
    for r in rows:
        src = vocab.get((r.indicator, r.kind)) if r.doc not in reviewed and not r.aliases else None
        out.append(r.model_copy(update={"aliases": src.aliases, "indicator_en": r.indicator_en or src.indicator_en})
                   if src else r)
    return out


def target_dict(t: Target) -> dict:
    """The JSON shape of a row: value as a number where the plan gives one."""
    d = t.model_dump(include=set(EXPORT_FIELDS))
    d["value"], d["aliases"] = t.value_json(), list(t.aliases)
    return {k: d[k] for k in EXPORT_FIELDS}


class TargetTable:
    def __init__(self, rows: Iterable[Target], path: Path | None = None):
        self._rows = tuple(rows)
        self._by_id = {r.id: r for r in self._rows}
        self.path = path
        self._subsets: dict[tuple, TargetTable] = {}

    # ---------------------------------------------------------------- build / open

    @classmethod
    def build(cls, docs: Iterable[ParsedDoc], review_path: Path | None, db_path: Path) -> "TargetTable":
        docs = tuple(docs)
        by_doc = {d.doc: d for d in docs}
        rows = share_vocabulary(apply_review([r for doc in docs for r in extract_targets(doc)], review_path),
                                reviewed_docs(review_path))
        rows = [frame(by_doc[r.doc], r) for r in rows]  # quote from the governing verb; qualifier as framed
        ids = [r.id for r in rows]
        if len(ids) != len(set(ids)):
            raise ValueError(f"duplicate target ids: {sorted({i for i in ids if ids.count(i) > 1})}")
        db_path = Path(db_path)
        db_path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=db_path.name + ".", suffix=".tmp", dir=db_path.parent)
        os.close(fd)
        try:
            with sqlite3.connect(tmp) as con:
                con.execute(f"CREATE TABLE targets ({_COLUMN_SQL}, PRIMARY KEY (id))")
                con.executemany(f"INSERT INTO targets VALUES ({', '.join('?' * len(COLUMNS))})",
                                [_to_record(r) for r in rows])
            con.close()
            os.replace(tmp, db_path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return cls(rows, db_path)

    @classmethod
    def open(cls, db_path: Path) -> "TargetTable":
        if not Path(db_path).exists():
            raise FileNotFoundError(f"{db_path}: no target table; build it first")
        con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            con.row_factory = sqlite3.Row
            rows = [_from_record(r) for r in con.execute("SELECT * FROM targets ORDER BY rowid")]
        finally:
            con.close()
        return cls(rows, Path(db_path))

    # ---------------------------------------------------------------- queries

    def rows(self) -> tuple[Target, ...]:
        return self._rows

    def __len__(self) -> int:
        return len(self._rows)

    def get(self, id: str) -> Target | None:
        return self._by_id.get(id)

    def docs(self) -> tuple[str, ...]:
        """Document ids with rows, in table order."""
        return tuple(dict.fromkeys(r.doc for r in self._rows))

    def subset(self, docs: Iterable[str] | None = None, periods: Iterable[str] | None = None) -> "TargetTable":
        """The rows of some documents and/or periods, as a table of their own (built once per selection, then
        reused): a question routed to one plan is resolved against its tens of rows, not every document's."""
        key = (frozenset(docs) if docs is not None else None, frozenset(periods) if periods is not None else None)
        if key not in self._subsets:
            if len(self._subsets) >= 256:  # selections are few (one per document, or a pair); stay bounded anyway
                self._subsets.clear()
            self._subsets[key] = TargetTable(
                (r for r in self._rows if (key[0] is None or r.doc in key[0]) and (key[1] is None or r.period in key[1])),
                self.path)
        return self._subsets[key]

    def by_chapter(self, chapter: str, section: str | None = None) -> list[Target]:
        return [r for r in self._rows if r.chapter == chapter and (section is None or r.section == section)]

    def by_kind(self, kind: str) -> list[Target]:
        return [r for r in self._rows if r.kind == kind]

    def filter(self, chapter: str | None = None, section: str | None = None, kind: str | None = None,
               topic: str | None = None) -> list[Target]:
        return [r for r in self._rows
                if (chapter is None or r.chapter == chapter) and (section is None or r.section == section)
                and (kind is None or r.kind == kind) and (topic is None or topic in r.topic)]

    def search(self, words: str | Iterable[str]) -> list[Target]:
        """Rows mentioning any of the words in name, aliases or quote; most words matched first."""
        words = [words] if isinstance(words, str) else list(words)
        words = [w.lower() for w in words if w.strip()]
        hits = []
        for r in self._rows:
            hay = " ".join((r.indicator, r.indicator_en, r.quote, *r.aliases)).lower()
            n = sum(w in hay for w in words)
            if n:
                hits.append((-n, r.start, r))
        return [r for *_, r in sorted(hits, key=lambda h: (h[0], h[1]))]

    # ---------------------------------------------------------------- export

    def to_dicts(self) -> list[dict]:
        return [target_dict(r) for r in self._rows]

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dicts(), ensure_ascii=False, indent=indent)

    def to_csv(self) -> str:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=EXPORT_FIELDS, lineterminator="\n")
        w.writeheader()
        for d in self.to_dicts():
            w.writerow({**d, "aliases": "|".join(d["aliases"])})
        return buf.getvalue()


def build(docs: Iterable[ParsedDoc], review_path: Path | None, db_path: Path) -> TargetTable:
    return TargetTable.build(docs, review_path, db_path)
