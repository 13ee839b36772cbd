"""Driving the staff chat page from a browser (Playwright's `page`, passed in: nothing is imported here). Shared by
the browser tests and scripts/screenshots.py, so that both wait for an answer the same way."""

from __future__ import annotations

# An answer is whole when its action row (or its error) is shown: it appears last.
DONE = "#transcript .turn .a-foot, #transcript .turn .a-error"


def answered(page) -> int:
    return page.locator(DONE).count()


def ask(page, question: str):
    """Type, press Enter, wait for the whole answer; returns the turn."""
    before = answered(page)
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")
    page.wait_for_function(f"document.querySelectorAll('{DONE}').length > {before}")
    return page.locator("#transcript .turn").last
