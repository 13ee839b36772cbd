"""store: the one place that chooses the Chroma client.

Embedded (`PersistentClient` in the data directory) by default; a Chroma server (`HttpClient`) when
`ASSISTANT_CHROMA_URL=http://host:port` is set, so several API workers or hosts share one vector store.
Both get the same collections and the same vectors (we embed; Chroma stores), so answers are the same.
Telemetry is off either way: the server (`chroma run`) sends none unless an OTel endpoint is configured.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from assistant.errors import ConfigError
from assistant.settings import Settings

DEFAULT_PORTS = {"http": 8000, "https": 443}


def chroma_client(settings: Settings):
    """The Chroma client for these settings: a server when `chroma_url` is set, else the embedded store."""
    return open_chroma(settings.data_dir / "chroma", settings.chroma_url)


def open_chroma(path: Path, url: str = ""):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if not url:
        Path(path).mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    host, port, ssl = parse_url(url)
    try:
        return chromadb.HttpClient(host=host, port=port, ssl=ssl, settings=chroma_settings)
    except Exception as e:  # noqa: BLE001 - chromadb raises ValueError/httpx errors when nobody answers
        raise ConfigError(f"ASSISTANT_CHROMA_URL={url}: no Chroma server answers there ({e})") from e


def parse_url(url: str) -> tuple[str, int, bool]:
    """(host, port, ssl) from `http://host:port`; ConfigError for anything else."""
    parts = urlsplit(url.strip())
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname or parts.path not in ("", "/") or parts.query:
        raise ConfigError(f"ASSISTANT_CHROMA_URL={url!r}: expected http://host:port (or https://…)")
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError as e:
        raise ConfigError(f"ASSISTANT_CHROMA_URL={url!r}: bad port") from e
    return parts.hostname, port, parts.scheme == "https"
