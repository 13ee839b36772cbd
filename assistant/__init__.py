"""Question answering over Erenhot's 2026 development plan. `Assistant.load().ask(question)`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.service import Assistant

__all__ = ["Assistant"]


def __getattr__(name: str):
    # Lazy, so `import assistant` stays cheap for the CLI and the API.
    if name == "Assistant":
        from assistant.service import Assistant

        return Assistant
    raise AttributeError(name)
