"""Per-request work caps, so that no page can hold a worker beyond the gunicorn timeout."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import TooComplex


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TooComplex if the block runs longer than seconds.

    Uses SIGALRM, which only the main thread can receive: true in gunicorn's sync workers and the CLI.
    Elsewhere (threaded dev servers, tests) the element cap alone bounds the work.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _expired(signum: int, frame: object) -> None:
        raise TooComplex(f"the page took more than {seconds:g} s to process")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
