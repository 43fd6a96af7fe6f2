"""gunicorn settings for `make serve` and the Procfile; every value can be overridden by environment.

Load it as a file (--config server/gunicorn_conf.py): read so, it also prepares the metrics directory.
"""

import atexit
import gc
import glob
import multiprocessing
import os
import shutil
import sys
import tempfile

from server.config import Settings
from server.logs import logging_config

try:
    _settings = Settings.from_env()
except ValueError as exc:  # a bad LOG_FORMAT or DECLUTTER_* value: one line, not a traceback
    sys.exit(f"declutter: {exc}")
# The metrics directory's environment: the master that emptied it, and the one it made when none was given.
_METRICS_OWNER = "DECLUTTER_METRICS_MASTER"
_METRICS_TEMPORARY = "DECLUTTER_METRICS_TEMPORARY"


def _prepare_metrics_directory() -> None:
    """Point prometheus_client at a directory for the workers' metric files (multiprocess mode), emptied of an
    earlier run's: PROMETHEUS_MULTIPROC_DIR when set, else a temporary one removed at exit. It must be set here,
    before the preloaded app imports prometheus_client, which reads the variable once."""
    path = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if path and os.environ.get(_METRICS_OWNER) == str(os.getpid()):
        return  # gunicorn re-reads this file on SIGHUP: the counts so far stay
    if path and path == os.environ.get(_METRICS_TEMPORARY):
        path = None  # inherited from the master that re-executed us (SIGUSR2), which removes it when it exits
    if path:
        os.makedirs(path, exist_ok=True)
        for stale in glob.glob(os.path.join(path, "*.db")):  # only prometheus_client's files
            os.remove(stale)
    else:
        path = tempfile.mkdtemp(prefix="declutter-metrics-")
        os.environ[_METRICS_TEMPORARY] = path
        # At exit rather than in on_exit: gunicorn skips that hook when it cannot bind its address.
        atexit.register(_remove_metrics_directory, path, os.getpid())
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = path
    os.environ[_METRICS_OWNER] = str(os.getpid())


def _remove_metrics_directory(path: str, master: int) -> None:
    """Remove the metrics directory the master made (never one it was given)."""
    if os.getpid() == master:  # the workers inherit the hook: they leave the directory to the master
        shutil.rmtree(path, ignore_errors=True)


if __name__ == "__config__":  # the name gunicorn gives a config file; not when a test imports the package
    _prepare_metrics_directory()

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# Extraction is CPU-bound: one sync worker per core, unless WEB_CONCURRENCY says otherwise.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
# Threads keep a slow client (a body trickling in byte by byte) from holding a whole worker.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A gthread worker accepts every connection it can; without a cap one worker takes all the keep-alive
# connections and the other cores idle (measured: 19 CPU s against 0 in 15 s). Twice the threads leaves
# room for kept-alive connections while spreading clients over the workers.
worker_connections = int(os.environ.get("GUNICORN_WORKER_CONNECTIONS", str(threads * 2)))
# The pipeline caps its own work (DECLUTTER_MAX_SECONDS, 10 s by default) well inside this.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 10
keepalive = 5
# Recycle workers now and then so that no slow leak or fragmentation can build up.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "200"))
# Load the app (and compile the rules) once in the master; workers fork from it.
preload_app = True
# gunicorn 27's control socket (for gunicornc) is unused here, and under $HOME, which a container may not have.
control_socket_disable = True
# The app writes one line per request itself, with its id, route and stage times (server/web/access.py).
accesslog = None
errorlog = "-"
# gunicorn takes X-Forwarded-Proto only from the proxies the app takes X-Forwarded-For from (none by default).
forwarded_allow_ips = ",".join(_settings.trusted_proxies)
loglevel = _settings.log_level
# Every line in LOG_FORMAT (text, or JSON lines), gunicorn's own too (server/logs.py).
logconfig_dict = logging_config(_settings.log_format, _settings.log_level)


def pre_fork(server, worker) -> None:
    """In the master, before each worker forks: the preloaded app (compiled rules, lexicons, patterns) leaves the
    collector's generations, so a worker's full collections skip it (one cost 35 ms on a loaded machine, 1 ms frozen)
    and never write to the pages the workers share with the master."""
    gc.freeze()


def post_worker_init(worker) -> None:
    """Fork the worker's pipeline processes now, while it has one thread (server/watchdog.py)."""
    worker.wsgi.extensions["declutter.runner"].warm()


def child_exit(server, worker) -> None:
    """In the master: forget the dead worker's live gauges (prometheus_client's multiprocess bookkeeping)."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
