"""CLI channel: `assistant ask|ingest|targets|serve|eval`. Domain errors → a message on stderr and exit 2."""

from __future__ import annotations

import argparse
import sys

from assistant.errors import AssistantError

EXIT_USAGE = 2


def _progress(label: str):
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        bar = "#" * (30 * done // max(total, 1))
        print(f"\r{label} [{bar:<30}] {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    return show


def cmd_ask(args: argparse.Namespace) -> int:
    from assistant.question import validate_question
    from assistant.settings import get_settings

    validate_question(args.question, get_settings().max_question_chars)  # fail fast, before loading models
    from assistant.service import Assistant

    bot = Assistant.load(progress=_progress("indexing"), persist_sessions=True)
    answer = bot.ask(args.question, session_id=args.session)
    if args.json:
        print(answer.model_dump_json(indent=2))
    else:
        print(answer.answer)
        for n, c in enumerate(answer.citations, 1):
            place = c.chapter + (c.section or "")
            print(f"  [{n}] {place} {c.title}: “{c.quote}”")
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    import time

    from assistant.ingest import ingest
    from assistant.settings import apply_offline_env, get_settings

    apply_offline_env()
    t0 = time.perf_counter()
    k = ingest(get_settings(), progress=_progress("embedding"), wait=args.wait)
    for doc in k.docs:  # what the parser could not place, said plainly
        for warning in doc.warnings:
            print(f"warning: {doc.doc}: {warning}", file=sys.stderr)
    r = k.report
    print(f"{len(k.docs)} document(s), {r.chunks} chunks: embedded {r.embedded}, reused {r.reused}"
          f"{'' if r.rebuilt else ' (index unchanged)'}; {len(k.table)} targets"
          f"{' rebuilt' if k.targets_rebuilt else ''}; {time.perf_counter() - t0:.1f}s")
    return 0


def cmd_targets(args: argparse.Namespace) -> int:
    from assistant.corpus import corpus
    from assistant.ingest import ensure_targets
    from assistant.settings import get_settings

    s = get_settings()
    table, _ = ensure_targets(s.knowledge_dir, s.data_dir, corpus(s.knowledge_dir))
    sys.stdout.write(table.to_json() + "\n" if args.format == "json" else table.to_csv())
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from assistant.http.server import serve

    if args.workers < 1:
        raise SystemExit("error: --workers must be at least 1")
    serve(args.host, args.port, args.workers)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description="Cited answers from Erenhot's 2026 development plan")
    sub = parser.add_subparsers(dest="command", required=True)

    ask = sub.add_parser("ask", help="answer one question")
    ask.add_argument("question")
    ask.add_argument("--session", default=None, help="session id, to ask a follow-up")
    ask.add_argument("--json", action="store_true", help="print the Answer as JSON (CONTRACT.md §2)")
    ask.set_defaults(func=cmd_ask)

    ing = sub.add_parser("ingest", help="build or refresh the index and target table; checks and repairs them")
    ing.add_argument("--wait", type=float, nargs="?", const=None, default=0.0, metavar="SECONDS",
                     help="wait for another running ingest (for SECONDS, or as long as it takes) instead of exiting 2")
    ing.set_defaults(func=cmd_ingest)

    targets = sub.add_parser("targets", help="print the target table")
    targets.add_argument("--format", choices=["json", "csv"], default="json")
    targets.set_defaults(func=cmd_targets)

    serve = sub.add_parser("serve", help="start the hotline HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1, help="processes sharing the port, sessions and limits")
    serve.set_defaults(func=cmd_serve)

    try:
        from assistant.evaluation.command import register
    except ImportError:  # evaluation package absent in a trimmed install
        pass
    else:
        register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except AssistantError as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
