"""The `declutter` command: the service's work on files, plus the rule authors' tooling."""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from .config import Settings
from .decode import decode
from .errors import BadRequest, DeclutterError, error_body
from .limits import NO_DEADLINE, read_capped
from .pipeline import RULE_SCHEMA, Options, check_url
from .rules.draft import compile_drafts, load_draft_file, read_draft_rules
from .rules.ruleset import load_rules
from .watchdog import pipeline_runner

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# The service's answer formats (server.web.render.RESPONSE_FORMATS, not imported: it would load Flask) and text.
CLEAN_FORMATS = ("json", "html", "markdown", "text")

_C0_C1 = (*range(0x20), *range(0x7F, 0xA0))
_BIDI_CONTROLS = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
# Text bound for a terminal: the controls it would obey (ESC, BEL, CR, C1...) go, those that are whitespace
# becoming a space; tab and newline stay.
_TERMINAL = {code: " " if chr(code).isspace() else None for code in _C0_C1 if chr(code) not in "\t\n"}
# A field of a tab-separated line: tab and newline too become spaces, and bidi embeddings, overrides and isolates
# go (an unclosed override would flip the fields after it).
_FIELD = {**_TERMINAL, ord("\t"): " ", ord("\n"): " ", **dict.fromkeys(_BIDI_CONTROLS)}
# What json.dumps(ensure_ascii=False) writes raw but a terminal or a line splitter acts on: DEL, C1, bidi
# controls, U+2028/U+2029. Written as \u escapes, the JSON means the same.
_JSON_RAW_UNSAFE_RE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING if not args.verbose else logging.DEBUG, format="%(levelname)s %(name)s: %(message)s"
    )
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.handler(args)
    except DeclutterError as exc:
        print(f"declutter: {exc.message}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="declutter", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="log what each stage does")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    clean = commands.add_parser("clean", help="clean saved pages into reading views")
    clean.add_argument("files", nargs="+", metavar="FILE", help="HTML files; - reads standard input")
    clean.add_argument("--url", help="the pages' address (selects site rules, resolves links; never fetched)")
    clean.add_argument(
        "--draft-rule",
        action="append",
        type=Path,
        default=[],
        metavar="FILE.yaml",
        help="a rule to apply first, as a preview does (site rule shape; repeatable; never stored)",
    )
    clean.add_argument(
        "--format",
        choices=CLEAN_FORMATS,
        default="json",
        help="json: one JSON line per file; html: the reading page; markdown: the article as Markdown; text: plain",
    )
    clean.set_defaults(handler=_clean)

    attributions = commands.add_parser("attributions", help="find who said what in plain-text files")
    attributions.add_argument("files", nargs="+", metavar="FILE", help="text files; - reads standard input")
    attributions.add_argument("--format", choices=("json", "text"), default="json")
    attributions.set_defaults(handler=_attributions)

    serve = commands.add_parser("serve", help="run the service for development (use gunicorn in production)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(handler=_serve)

    from . import authoring  # the rule authors' commands, one module each

    authoring.add_commands(commands)
    return parser


def read_input(name: str, limit: int) -> bytes:
    """A file's bytes, or standard input's for '-': at most `limit`, as the service takes (max_body_bytes)."""
    source = sys.stdin.buffer if name == "-" else Path(name)
    return read_capped(source, limit, "the input", "DECLUTTER_MAX_BODY_BYTES")


def _settings() -> Settings:
    """The service's settings, from the same DECLUTTER_* environment: the CLI keeps the service's limits."""
    try:
        return Settings.from_env()
    except ValueError as exc:
        raise DeclutterError(f"a DECLUTTER_*, LOG_FORMAT or LOG_LEVEL setting is not valid: {exc}") from exc


def _clean(args: argparse.Namespace) -> int:
    from .web.render import render_markdown, render_page

    settings = _settings()
    options = Options(draft_rules=_draft_rules(args.draft_rule, args.url))
    # As the service runs it: a file over the time cap costs its own result, not the rest of the batch.
    runner = pipeline_runner(load_rules(settings.rules_dir), settings, spare=1)
    failed = False
    for name in args.files:
        try:
            result = runner.clean(read_input(name, settings.max_body_bytes), args.url, options)
        except (OSError, DeclutterError) as exc:
            failed = True
            _report_failure(name, exc, args.format == "json")
            continue
        if args.format == "json":
            _write_line({"file": name, **result.to_dict()})
        elif args.format == "html":
            sys.stdout.write(render_page(result).translate(_TERMINAL) + "\n")
        elif args.format == "markdown":
            sys.stdout.write(render_markdown(result).translate(_TERMINAL) + "\n")  # a blank line between files
        else:
            sys.stdout.write(f"{result.title or ''}\n\n{result.text}\n".translate(_TERMINAL))
    return EXIT_FAILED if failed else EXIT_OK


def _draft_rules(paths: list[Path], url: str | None) -> tuple[dict, ...]:
    """The --draft-rule files, checked before any page is read: a bad one stops the command, naming the file."""
    if not paths:
        return ()
    host = check_url(url)  # the drafts' domains are checked against it; a bad --url is no draft's fault
    try:
        drafts = read_draft_rules([load_draft_file(path) for path in paths])
        compile_drafts(drafts, host, RULE_SCHEMA, NO_DEADLINE)
    except BadRequest as exc:
        files = ", ".join(f"draft_rules/{i} is {path}" for i, path in enumerate(paths))
        raise DeclutterError(f"--draft-rule: {exc.message} ({files})") from exc
    return drafts


def _attributions(args: argparse.Namespace) -> int:
    settings = _settings()
    runner = pipeline_runner(load_rules(settings.rules_dir), settings, spare=1)
    failed = False
    for name in args.files:
        try:
            found = runner.attributions(decode(read_input(name, settings.max_body_bytes)))
        except (OSError, DeclutterError) as exc:
            failed = True
            _report_failure(name, exc, args.format == "json")
            continue
        if args.format == "json":
            _write_line({"file": name, "attributions": found})
        else:
            for a in found:
                who = a["speaker"] or a["source"] or "?"
                fields = (name, a["id"], "*" if a["key"] else " ", who, a["cue"], a["content"])
                sys.stdout.write("\t".join(str(field).translate(_FIELD) for field in fields) + "\n")
    return EXIT_FAILED if failed else EXIT_OK


def _report_failure(name: str, exc: OSError | DeclutterError, as_json_line: bool) -> None:
    """One input failed: say so on stderr and, in JSON mode, in its own line so the output keeps its order."""
    if isinstance(exc, DeclutterError):
        code, message = exc.code, exc.message
    else:
        code, message = "unreadable_file", f"cannot read {name}: {exc.strerror or exc}"
    if as_json_line:
        _write_line({"file": name, **error_body(code, message)})
    print(f"declutter: {name}: {message}", file=sys.stderr)


def _serve(args: argparse.Namespace) -> int:
    from .logs import configure
    from .web.app import create_app

    settings = _settings()
    configure(settings.log_format, settings.log_level)  # one line per request, as under gunicorn
    create_app({"SETTINGS": settings}).run(host=args.host, port=args.port, debug=False)
    return EXIT_OK


def _write_line(record: dict) -> None:
    line = _JSON_RAW_UNSAFE_RE.sub(lambda m: f"\\u{ord(m[0]):04x}", json.dumps(record, ensure_ascii=False))
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
