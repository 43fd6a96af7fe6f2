"""The hard backstop of the time cap: the pipeline runs in a child process that is killed at the deadline.

Every stage checks the cooperative deadline (limits.Deadline) inside its loops, and every pattern run on page
text is linear-time. What neither catches (one C call that runs long while holding the interpreter lock, a
crash inside libxml2) would otherwise hold or kill the gunicorn worker with every request on it. Here it costs
one child process, killed and replaced, and the caller gets a 422 within the cap plus a grace period.

Children are forked from the worker, so they share its loaded rules and code; each serves one request at a
time and is reused, so a request pays only for sending the page and the result through a pipe.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import signal
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from .config import Settings
from .errors import DeclutterError, TooComplex
from .pipeline import CleanResult, Options, clean, find_attributions_capped
from .rules.ruleset import RuleSet

log = logging.getLogger(__name__)

# After the cooperative deadline, how long a child may take to say so before it is killed.
GRACE_SECONDS = 0.5


class PipelineCrashed(DeclutterError):
    """The child died or raised an unexpected error: a bug, logged with its traceback, answered as a 500."""

    code = "internal_error"


class _Child:
    """One forked process that runs jobs sent over a pipe, one at a time."""

    def __init__(self, context: Any, serve: Callable[[Connection], None]) -> None:
        self.connection, child_end = multiprocessing.Pipe()
        self.process = context.Process(target=_child_main, args=(child_end, serve), daemon=True)
        self.process.start()
        child_end.close()  # the child holds its own copy: our end sees EOF if the child dies

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.connection.close()

    def close(self) -> None:
        self.connection.close()  # the child reads EOF and exits
        self.process.join(timeout=1)
        if self.process.is_alive():
            self.kill()


def _child_main(connection: Connection, serve: Callable[[Connection], None]) -> None:
    # The worker handles the signals of a shutdown; a child just ends when the worker closes its pipe.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # The fork copied the worker's descriptors: a client socket held here would stay open after the worker
    # closes it (the client would wait for an end that never comes), and so would the listening socket.
    keep = connection.fileno()
    os.closerange(3, keep)
    os.closerange(keep + 1, os.sysconf("SC_OPEN_MAX"))
    serve(connection)


class InProcess:
    """clean() and the attribution finder run in the calling process: no backstop (DECLUTTER_ISOLATE=0, to profile)."""

    def __init__(self, rules: RuleSet, settings: Settings) -> None:
        self.rules = rules
        self.settings = settings

    def clean(self, page: str | bytes, url: str | None, options: Options) -> CleanResult:
        return clean(page, url, options, rules=self.rules, settings=self.settings)

    def attributions(self, text: str) -> list[dict]:
        return [a.to_dict() for a in find_attributions_capped(text, self.settings)]

    def warm(self, count: int | None = None) -> None:
        """Nothing to start ahead."""

    def close(self) -> None:
        """Nothing to stop."""


class Watchdog:
    """Runs clean() and the attribution finder in child processes that are killed when they overrun the cap."""

    def __init__(self, direct: InProcess, spare: int = 4) -> None:
        self.settings = direct.settings
        self._direct = direct  # what each child runs
        self.spare = spare  # idle children kept; more are forked while more requests run at once
        self._idle: queue.LifoQueue[_Child] = queue.LifoQueue()
        self._context = multiprocessing.get_context("fork")
        self._lock = threading.Lock()
        self._pid = os.getpid()
        # Told "timeout" or "crash" each time a child is killed and so replaced (the service counts them).
        self.on_child_killed: Callable[[str], None] | None = None

    def clean(self, page: str | bytes, url: str | None, options: Options) -> CleanResult:
        return self._run("clean", (page, url, options))

    def attributions(self, text: str) -> list[dict]:
        return self._run("attributions", (text,))

    def warm(self, count: int | None = None) -> None:
        """Fork children ahead of the first requests (from a single-threaded worker, where forking is safest)."""
        for _ in range(self.spare if count is None else count):
            self._idle.put(self._fork())

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return

    def _run(self, job: str, arguments: tuple) -> Any:
        """Send a job to an idle child and wait for its answer until the cap plus the grace period."""
        child = self._acquire()
        limit = self.settings.max_seconds + GRACE_SECONDS if self.settings.max_seconds > 0 else None
        try:
            child.connection.send((job, arguments))
            answered = child.connection.poll(limit)
            outcome, value = child.connection.recv() if answered else ("overran", None)
        except (EOFError, OSError, BrokenPipeError):
            outcome, value = "died", None
        if outcome in ("overran", "died"):
            child.kill()
            if self.on_child_killed is not None:
                self.on_child_killed("timeout" if outcome == "overran" else "crash")
            if outcome == "overran":
                log.warning("%s: killed a pipeline process that ran past %.1f s", job, limit)
                raise TooComplex(f"the page took more than {self.settings.max_seconds:g} s to process")
            raise PipelineCrashed(f"the pipeline process ended without answering (exit code {child.process.exitcode})")
        self._release(child)
        if outcome == "error":
            raise value
        if outcome == "crash":
            log.error("%s failed in the pipeline process:\n%s", job, value)
            raise PipelineCrashed("the page could not be processed")
        return value

    def _acquire(self) -> _Child:
        if os.getpid() != self._pid:  # forked (gunicorn's master preloads the app): the children are not ours
            with self._lock:
                self._idle, self._pid = queue.LifoQueue(), os.getpid()
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass  # fork outside the handler, or the child would carry this exception as its context
        return self._fork()

    def _release(self, child: _Child) -> None:
        if self._idle.qsize() >= self.spare:
            child.close()
        else:
            self._idle.put(child)

    def _fork(self) -> _Child:
        with self._lock:  # one fork at a time: a fork copies the lock states of the moment
            return _Child(self._context, self._serve)

    def _serve(self, connection: Connection) -> None:
        """The child's loop: run each job and send back ("ok", result), ("error", DeclutterError) or ("crash", text)."""
        while True:
            try:
                job, arguments = connection.recv()
            except (EOFError, OSError):
                os._exit(0)
            try:
                answer: tuple[str, Any] = ("ok", getattr(self._direct, job)(*arguments))
            except DeclutterError as error:
                answer = ("error", error)
            except Exception:  # a bug: its traceback goes to the worker, which logs it and answers 500
                answer = ("crash", traceback.format_exc())
            connection.send(answer)


def pipeline_runner(rules: RuleSet, settings: Settings, spare: int = 4) -> InProcess | Watchdog:
    """What runs the pipeline for the service and the command line: the watchdog, or the calling process when
    DECLUTTER_ISOLATE=0 (for profiling only)."""
    direct = InProcess(rules, settings)
    return Watchdog(direct, spare) if settings.isolate else direct
