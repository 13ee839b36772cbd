"""Thumbs up/down from the staff chat, appended to a JSON Lines file; `assistant eval mine` reads it back."""

from __future__ import annotations

import json
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from assistant.models import Answer, Frozen

_lock = threading.Lock()


class FeedbackRecord(Frozen):
    ts: str = Field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))
    session_id: str = ""
    question: str
    answer: Answer
    rating: Literal["up", "down"]
    comment: str = ""


def append_feedback(path: Path, record: FeedbackRecord) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    line = record.model_dump_json() + "\n"
    with _lock, path.open("a", encoding="utf-8") as f:  # one whole line per write: nothing stored is lost
        f.write(line)


def read_feedback(path: Path) -> tuple[list[FeedbackRecord], list[str]]:
    """(records, problems): a corrupt line is reported, never fatal."""
    records: list[FeedbackRecord] = []
    problems: list[str] = []
    if not path.exists():
        return records, problems
    for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append(FeedbackRecord.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as e:
            problems.append(f"{path.name}:{n}: {str(e).splitlines()[0]}")
    return records, problems
