"""Logging set-up for the service: plain text lines, or one JSON object per line (LOG_FORMAT=json).

A record may carry structured fields (``extra={"fields": {...}}``): the text format appends them as logfmt
``key=value`` pairs, the JSON format as keys of the object. gunicorn_conf.py hands logging_config() to gunicorn
(logconfig_dict), so gunicorn's own error log is formatted the same; `declutter serve` calls configure().
"""

from __future__ import annotations

import json
import logging
import logging.config
import re
from datetime import UTC, datetime
from typing import Any

LOG_FORMATS = ("text", "json")
LOG_LEVELS = ("debug", "info", "warning", "error", "critical")
# A logfmt value written bare; anything else (spaces, quotes, control characters) is written as a JSON string.
_BARE_VALUE_RE = re.compile(r"[A-Za-z0-9_.:/@+,=-]+")


def _utc_time(record: logging.LogRecord) -> str:
    return datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def logfmt_value(value: Any) -> str:
    """One value of a logfmt pair: bare when safe, else quoted and escaped (a value can never start a new line)."""
    if value is None:
        return "-"
    if isinstance(value, dict):
        value = ",".join(f"{key}:{item}" for key, item in value.items())
    text = str(value)
    return text if _BARE_VALUE_RE.fullmatch(text) else json.dumps(text)


class TextFormatter(logging.Formatter):
    """`time [pid] LEVEL logger: message key=value ...`, one line per record (a traceback excepted)."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s [%(process)d] %(levelname)s %(name)s: %(message)s")

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        return _utc_time(record)

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        fields = getattr(record, "fields", None)
        if not fields:
            return line
        pairs = " ".join(f"{key}={logfmt_value(value)}" for key, value in fields.items())
        head, newline, rest = line.partition("\n")  # the pairs stay on the record's own line, before a traceback
        return f"{head} {pairs}{newline}{rest}"


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, pid, message, the record's fields, and its traceback."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": _utc_time(record),
            "level": record.levelname,
            "logger": record.name,
            "pid": record.process,
            "message": record.getMessage(),
        }
        entry.update(getattr(record, "fields", None) or {})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        # ASCII only: U+2028/U+2029 and control characters come out as \u escapes, so a line is one record.
        return json.dumps(entry, ensure_ascii=True, default=str)


def logging_config(log_format: str, level: str) -> dict:
    """The dictConfig for the service: every record to stderr in log_format, at level and above; gunicorn's error
    log too (its access log is left as gunicorn sets it: off by default, the app writes one line per request)."""
    if log_format not in LOG_FORMATS:
        raise ValueError(f"log format {log_format!r}: expected one of {', '.join(LOG_FORMATS)}")
    formatter = JsonFormatter if log_format == "json" else TextFormatter
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"declutter": {"()": f"{__name__}.{formatter.__name__}"}},
        "handlers": {
            "stderr": {"class": "logging.StreamHandler", "formatter": "declutter", "stream": "ext://sys.stderr"},
        },
        "root": {"level": level.upper(), "handlers": ["stderr"]},
        "loggers": {
            "gunicorn.error": {"level": level.upper(), "handlers": ["stderr"], "propagate": False},
            # The development server's own request lines: the app writes its own (server/web/access.py).
            "werkzeug": {"level": "WARNING"},
            # readability-lxml reports its own retries at INFO, several lines for some pages.
            "readability": {"level": "WARNING"},
        },
    }


def configure(log_format: str, level: str) -> None:
    """Apply logging_config() to this process (`declutter serve`; gunicorn applies it itself)."""
    logging.config.dictConfig(logging_config(log_format, level))
