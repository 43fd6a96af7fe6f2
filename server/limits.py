"""Per-request work caps, so that no page can hold a worker beyond the gunicorn timeout."""

from __future__ import annotations

import math
import time

from .errors import TooComplex


class Deadline:
    """A cooperative time cap: stages call check() between steps of their work.

    Cooperative rather than signal-based so it works in threaded workers too; the element cap keeps
    any single step short.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expires = time.monotonic() + seconds if seconds > 0 else math.inf

    def check(self) -> None:
        if time.monotonic() > self.expires:
            raise TooComplex(f"the page took more than {self.seconds:g} s to process")
