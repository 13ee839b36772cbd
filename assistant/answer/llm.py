"""Optional LLM answerer (LCEL): prompt file | chat model | text. It only rewrites what the extractive
answerer found: same citations, same facts; its text must pass the number guard and citation check,
or the extractive answer is sent instead (see `Assistant._llm`)."""

from __future__ import annotations

import re
from pathlib import Path

from assistant.errors import ConfigError
from assistant.models import Answer
from assistant.settings import Settings

PROVIDERS = {"openai": ("langchain_openai", "ChatOpenAI"), "ollama": ("langchain_ollama", "ChatOllama")}


def load_prompt(prompts_dir: Path, name: str):
    """A ChatPromptTemplate from `prompts/<name>.md` (sections `## system` and `## user`)."""
    from langchain_core.prompts import ChatPromptTemplate

    path = prompts_dir / f"{name}.md"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"prompt {name!r} not found at {path}") from e
    parts = dict(re.findall(r"^## (system|user)\n(.*?)(?=^## |\Z)", text, flags=re.S | re.M))
    if set(parts) != {"system", "user"}:
        raise ConfigError(f"{path}: needs a '## system' and a '## user' section")
    return ChatPromptTemplate.from_messages([("system", parts["system"].strip()), ("human", parts["user"].strip())])


def chat_model(settings: Settings):
    provider, _, model = settings.llm.partition(":")
    if provider not in PROVIDERS or not model:
        raise ConfigError(f"ASSISTANT_LLM={settings.llm!r}: use 'openai:MODEL' or 'ollama:MODEL'")
    module, cls = PROVIDERS[provider]
    try:
        factory = getattr(__import__(module, fromlist=[cls]), cls)
    except ImportError as e:
        raise ConfigError(f"ASSISTANT_LLM={settings.llm!r} needs {module}: pip install -e '.[llm]'") from e
    if provider == "openai":
        return factory(model=model, base_url=settings.llm_base_url or None, api_key=settings.llm_api_key,
                       timeout=settings.llm_timeout_s, max_retries=0, temperature=0)
    return factory(model=model, base_url=settings.llm_base_url or None, temperature=0,
                   client_kwargs={"timeout": settings.llm_timeout_s})


class LLMAnswerer:
    def __init__(self, chain):
        self.chain = chain  # Runnable: {language, question, sources, facts} → str

    @classmethod
    def from_settings(cls, settings: Settings, model=None) -> "LLMAnswerer":
        from langchain_core.output_parsers import StrOutputParser

        prompt = load_prompt(settings.prompts_dir, settings.llm_prompt)
        return cls(prompt | (model or chat_model(settings)) | StrOutputParser())

    def __call__(self, question: str, lang: str, extractive: Answer) -> Answer:
        sources = "\n".join(f"[{n}] ({c.chapter}{c.section} {c.title}) {c.quote}"
                            for n, c in enumerate(extractive.citations, 1))
        facts = "\n".join(f"- {f.indicator}: {f.value}{f.unit} {f.qualifier}".rstrip() for f in extractive.facts) or "(none)"
        text = self.chain.invoke({"language": "English" if lang == "en" else "Chinese",
                                  "question": question, "sources": sources, "facts": facts})
        return extractive.model_copy(update={"answer": text.strip()})
