"""Staff chat: `python app.py` serves it on http://127.0.0.1:7860 (CONTRACT.md §3)."""

from assistant.settings import apply_offline_env

apply_offline_env()  # before anything imports gradio or a model library

from assistant.ui import main  # noqa: E402

if __name__ == "__main__":
    main()
