"""Error bodies. The OpenAI-compatible routes answer in OpenAI's shape, so its clients show the message;
every other route answers {"error": "message"} as /v1/ask always has."""

from __future__ import annotations

from starlette.responses import JSONResponse

OPENAI_PATHS = ("/v1/chat/completions", "/v1/models")
CODES = {400: "invalid_request_error", 401: "invalid_api_key", 404: "not_found", 408: "request_timeout",
         413: "request_too_large", 422: "invalid_request_error", 429: "rate_limit_exceeded", 500: "server_error",
         503: "service_unavailable"}


def is_openai(path: str) -> bool:
    return path.startswith(OPENAI_PATHS)


def error_response(path: str, status: int, message: str, headers: dict | None = None, detail=None) -> JSONResponse:
    if is_openai(path):
        kind = "invalid_request_error" if status < 500 else "server_error"
        if status == 401:
            kind = "authentication_error"
        body: dict = {"error": {"message": message, "type": kind, "param": None, "code": CODES.get(status)}}
    else:
        body = {"error": message}
        if detail is not None:
            body["detail"] = detail
    return JSONResponse(body, status_code=status, headers=headers)
