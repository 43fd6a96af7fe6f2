"""gunicorn settings for `make serve` and the Procfile; every value can be overridden by environment."""

import multiprocessing
import os

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
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")


def post_worker_init(worker) -> None:
    """Fork the worker's pipeline processes now, while it has one thread (server/watchdog.py)."""
    worker.wsgi.extensions["declutter.runner"].warm()
