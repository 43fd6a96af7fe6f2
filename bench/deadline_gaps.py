"""Where the cooperative time cap cannot stop: for each costly page of the hostile suite, the longest stretch
of clean() between two deadline checks, and the two places it lies between.

Run: .venv/bin/python bench/deadline_gaps.py [PAGE NAME ...]
A stretch much longer than a few tenths of a second is a loop without a check (or one C call on a huge input):
the watchdog then has to kill the pipeline process, and the answer comes at the cap plus its grace period
instead of at the cap (docs/SECURITY.md, "No request can hold a worker").
"""

from __future__ import annotations

import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "tests"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from test_hostile import COSTLY, URL  # noqa: E402

from server import limits  # noqa: E402
from server.config import Settings  # noqa: E402
from server.pipeline import Options, clean, default_rules  # noqa: E402


class _Stretches:
    """Wraps Deadline.check to time the stretches between two calls."""

    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.where = "the start of clean()"
        self.longest = (0.0, "", "")
        self._check = limits.Deadline.check

    def check(self, deadline: limits.Deadline) -> None:
        now = time.perf_counter()
        here = "".join(traceback.format_stack(limit=4)[:-2])  # the caller of check() and its caller
        if now - self.last > self.longest[0]:
            self.longest = (now - self.last, self.where, here)
        self.last, self.where = now, here
        self._check(deadline)


def main(names: list[str]) -> int:
    default_rules()  # loaded once, as in a worker, not inside the first page's first stretch
    settings = Settings(max_seconds=3600)  # never stops: the whole of each page is measured
    for name, path, body in COSTLY:
        if path.startswith("/attributions") or (names and name not in names):
            continue
        stretches = _Stretches()
        limits.Deadline.check = lambda deadline, s=stretches: s.check(deadline)  # type: ignore[method-assign]
        started = time.perf_counter()
        try:
            clean(body, URL if "?url=" not in path else path.split("?url=", 1)[1], Options(), settings=settings)
        finally:
            limits.Deadline.check = stretches._check  # type: ignore[method-assign]
        seconds, before, after = stretches.longest
        print(f"== {name}: {time.perf_counter() - started:.2f} s in all, longest stretch {seconds:.2f} s")
        print(f"   from:\n{before}   to:\n{after}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
