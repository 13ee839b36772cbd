"""tools: the target table as LangChain tools, so a tool-calling LLM and the extractive answerer share one
layer. Every tool returns a JSON-serialisable dict built from table rows; numbers are never generated here."""

from __future__ import annotations

from typing import Callable

import numpy as np
from langchain_core.tools import BaseTool, StructuredTool
from pydantic import BaseModel, Field

from assistant.targets.resolve import resolve
from assistant.targets.table import TargetTable, target_dict


class LookupArgs(BaseModel):
    query: str = Field(description="the user's number question or an indicator name, Chinese or English")
    chapter: str | None = Field(default=None, description="restrict to a chapter: 通知, 总体要求, 一 … 七")


class ListArgs(BaseModel):
    chapter: str | None = Field(default=None, description="通知, 总体要求, 一 … 七")
    section: str | None = Field(default=None, description="section number with full-width brackets, e.g. （一）; '' for none")
    kind: str | None = Field(default=None, description="growth_rate, amount, count, capacity, energy, length, area, "
                                                       "share, threshold, volume, date, ordinal, period, other")
    topic: str | None = Field(default=None, description="words of a bold topic heading, e.g. 对外贸易")


class GetArgs(BaseModel):
    id: str = Field(description="a target row id from lookup_target or list_targets")


def make_tools(table: TargetTable, embed: Callable[[list[str]], np.ndarray] | None = None) -> list[BaseTool]:
    def lookup_target(query: str, chapter: str | None = None) -> dict:
        res = resolve(query, table, embed=embed, chapter=chapter)
        return {
            "status": res.status,
            "measure": res.measure,
            "reason": res.reason,
            "candidates": [{**target_dict(c.target), "score": c.score, "why": list(c.why)} for c in res.candidates],
        }

    def list_targets(chapter: str | None = None, section: str | None = None, kind: str | None = None,
                     topic: str | None = None) -> dict:
        rows = table.filter(chapter=chapter, section=section, kind=kind, topic=topic)
        return {"count": len(rows), "targets": [target_dict(r) for r in rows]}

    def get_target(id: str) -> dict:
        row = table.get(id)
        return {"found": row is not None, "target": target_dict(row) if row else None}

    return [
        StructuredTool.from_function(
            lookup_target, name="lookup_target", args_schema=LookupArgs,
            description="Find the plan's figure for a question (e.g. 固投增速, GDP growth). Returns status "
                        "match / ambiguous (ask the user which) / none (the plan gives no such figure: say so).",
        ),
        StructuredTool.from_function(
            list_targets, name="list_targets", args_schema=ListArgs,
            description="List the plan's figures, optionally by chapter, section, kind or topic.",
        ),
        StructuredTool.from_function(
            get_target, name="get_target", args_schema=GetArgs,
            description="One figure by its row id, with its verbatim quote and place in the plan.",
        ),
    ]
