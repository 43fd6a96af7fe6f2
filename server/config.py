"""Service settings, read from the environment once at start-up."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path

from .logs import LOG_FORMATS, LOG_LEVELS

_PACKAGE = Path(__file__).resolve().parent
# The rule files: rules/ at the top of a checkout (an editable install too); a wheel ships them in the package.
SHIPPED_RULES_DIR = _PACKAGE / "data" / "rules"
RULES_DIR = SHIPPED_RULES_DIR if SHIPPED_RULES_DIR.is_dir() else _PACKAGE.parent / "rules"


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


def _env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = os.environ.get(name, "").strip().lower() or default
    if value not in choices:
        raise ValueError(f"{name}={value!r}: expected one of {', '.join(choices)}")
    return value


def _env_networks(name: str) -> tuple[str, ...]:
    """Comma-separated IP addresses or networks (10.0.0.0/8), or '*' for any; each written as ipaddress writes it."""
    networks = []
    for item in (part.strip() for part in os.environ.get(name, "").split(",")):
        if item == "*":
            networks.append(item)
        elif item:
            try:
                networks.append(str(ipaddress.ip_network(item, strict=False)))
            except ValueError:
                raise ValueError(f"{name}: {item!r} is not an IP address or network (10.0.0.0/8), nor *") from None
    return tuple(networks)


def _env_float(name: str, default: float) -> float:
    value = os.environ.get(name, "")
    return float(value) if value.strip() else default


@dataclass(frozen=True)
class Settings:
    """Limits and access settings; every field has a DECLUTTER_* environment variable."""

    max_body_bytes: int = 5 * 1024 * 1024
    # Ten times the largest real page in the corpora (9,888 elements): room for long pages, none for bombs.
    max_elements: int = 100_000
    max_seconds: float = 10.0
    # Run the pipeline in child processes killed at the cap (server/watchdog.py); off only to profile in-process.
    isolate: bool = True
    token: str | None = None
    cors_origins: tuple[str, ...] = ()
    # Names the Host header may carry ("*": any); the defaults serve the 127.0.0.1 bind of `make serve`.
    allowed_hosts: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")
    # The proxies in front (addresses or networks, "*": any peer) whose X-Forwarded-For names the client; none
    # by default, so a client cannot choose the address its requests are logged under.
    trusted_proxies: tuple[str, ...] = ()
    rules_dir: Path = field(default=RULES_DIR)
    # The service's log lines (server/logs.py): LOG_FORMAT text or json, LOG_LEVEL (gunicorn's name for it too).
    log_format: str = "text"
    log_level: str = "info"

    @classmethod
    def from_env(cls) -> Settings:
        origins = os.environ.get("DECLUTTER_CORS_ORIGINS", "")
        hosts = os.environ.get("DECLUTTER_ALLOWED_HOSTS", "")
        return cls(
            max_body_bytes=_env_int("DECLUTTER_MAX_BODY_BYTES", cls.max_body_bytes),
            max_elements=_env_int("DECLUTTER_MAX_ELEMENTS", cls.max_elements),
            max_seconds=_env_float("DECLUTTER_MAX_SECONDS", cls.max_seconds),
            isolate=os.environ.get("DECLUTTER_ISOLATE", "1").strip().lower() not in ("0", "false", "no", "off"),
            token=os.environ.get("DECLUTTER_TOKEN") or None,
            cors_origins=tuple(o.strip() for o in origins.split(",") if o.strip()),
            allowed_hosts=tuple(h.strip().lower() for h in hosts.split(",") if h.strip()) or cls.allowed_hosts,
            trusted_proxies=_env_networks("DECLUTTER_TRUSTED_PROXIES"),
            rules_dir=Path(os.environ.get("DECLUTTER_RULES_DIR", str(RULES_DIR))),
            log_format=_env_choice("LOG_FORMAT", cls.log_format, LOG_FORMATS),
            log_level=_env_choice("LOG_LEVEL", cls.log_level, LOG_LEVELS),
        )
