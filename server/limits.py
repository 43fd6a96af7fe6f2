"""Per-request work caps, so that no page can hold a worker beyond the gunicorn timeout."""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

from .errors import TooComplex

T = TypeVar("T")


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

    def paced(self, items: Iterable[T], every: int = 512) -> Iterator[T]:
        """The items, with the cap checked every `every` of them: a loop over a page's links or images is linear,
        but 100,000 of them take long enough that the cap must be able to stop it midway."""
        for count, item in enumerate(items):
            if count % every == 0:
                self.check()
            yield item


NO_DEADLINE = Deadline(0)  # for a stage called on its own, without the pipeline's cap
