"""Domain errors. The core raises these; each channel turns them into its own form
(CLI: message + exit code 2, HTTP: 4xx JSON, Gradio: gr.Error)."""


class AssistantError(Exception):
    """Base of every error a channel is expected to show to its user."""


class InvalidQuestion(AssistantError):
    """Empty, over-long, or not text."""


class DocumentError(AssistantError):
    """A knowledge document is missing, empty, binary or has none of the structure the parser expects."""


class ConfigError(AssistantError):
    """A setting names something that cannot be used (unknown backend, missing extra, bad path)."""


class StoreError(AssistantError):
    """A data store (index, target table, sessions) is damaged, unwritable or full; the message names the file
    and the fix."""


class IngestBusy(AssistantError):
    """Another ingest holds the data directory's lock."""


class DiskFull(StoreError):
    """The disk filled up while a store was written; the previous store is kept."""
