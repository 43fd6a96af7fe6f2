"""Per-request work caps, so that no page can hold a worker beyond the gunicorn timeout."""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TypeVar

from .errors import PayloadTooLarge, TooComplex

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


# No cap, for a stage called on its own: every stage takes `deadline: Deadline = NO_DEADLINE`, never None.
NO_DEADLINE = Deadline(0)


def read_capped(source: Path | BinaryIO, limit: int, what: str, setting: str = "") -> bytes:
    """A file's bytes (or a stream's), refused past `limit` (PayloadTooLarge names `what` and the setting holding
    the limit) after reading one byte beyond it at most: an endless input (/dev/zero, a pipe) is refused, not read
    for ever. OSError is the caller's to report, in its words."""
    if isinstance(source, Path):
        with source.open("rb") as file:
            data = file.read(limit + 1)
    else:
        data = source.read(limit + 1)
    if len(data) > limit:
        raise PayloadTooLarge(f"{what} is over the limit of {limit} bytes" + (f" ({setting})" if setting else ""))
    return data
