"""The target table: every figure in the plan as a reviewed row, and the tools that look rows up.

extract (parsed plan → rows) → review (hand-checked overlay) → table (SQLite) → resolve (question → rows)
→ tools (LangChain tools over the same layer).
"""

from assistant.targets.extract import extract_targets, figure_span
from assistant.targets.resolve import Resolution, ScoredTarget, resolve
from assistant.targets.review import apply_review, load_review
from assistant.targets.table import TargetTable, build, target_dict

__all__ = ["extract_targets", "figure_span", "apply_review", "load_review", "TargetTable", "build", "target_dict",
           "resolve", "Resolution", "ScoredTarget", "make_tools"]


def __getattr__(name: str):
    # tools import langchain_core.tools; loaded only when asked for
    if name == "make_tools":
        from assistant.targets.tools import make_tools

        return make_tools
    raise AttributeError(name)
