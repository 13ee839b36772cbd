"""The hotline API's parts: the ASGI gate (auth, limits, timeouts), observability, the OpenAI-compatible
channel, offline docs, the live index, the uvicorn runner. `assistant/api.py` puts them together."""
