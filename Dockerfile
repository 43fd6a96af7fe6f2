# syntax=docker/dockerfile:1
# Declutter's service: gunicorn as in the Procfile, as a non-root user, with the runtime dependencies only.
#   docker build -t declutter .
#   docker run --rm -p 8000:8000 --read-only --tmpfs /tmp --tmpfs /run/declutter declutter
# The project's own machines cannot pull base images, so this file is not built there: tests/test_deploy.py
# lints it (hadolint), checks what it copies, installs and runs, and runs its command and health check.
# Put nginx in front of it (deploy/compose.yaml, docs/deploy.md): slow clients must not reach gunicorn.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# The dependencies, built into a virtual environment that the runtime stage copies; pip's work stays here.
FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
# [project.dependencies] as `make lock` pinned them, each file checked against its hash: every build installs the
# same files. Not the [test] extra, and not the package itself (it runs from /app below).
COPY requirements.lock.txt ./
RUN python -m venv /opt/venv \
 && /opt/venv/bin/pip install --require-hashes --requirement requirements.lock.txt

FROM ${PYTHON_IMAGE}
# HOME on /tmp (a tmpfs when the root filesystem is read-only): the user has no home of its own.
ENV PATH=/opt/venv/bin:$PATH \
    HOME=/tmp \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOST=0.0.0.0 \
    PORT=8000 \
    LOG_FORMAT=json \
    PROMETHEUS_MULTIPROC_DIR=/run/declutter/metrics
# A fixed numeric uid, so that Kubernetes' runAsNonRoot can check it; the code stays root-owned (read-only).
RUN groupadd --system --gid 10001 declutter \
 && useradd --system --uid 10001 --gid declutter --home-dir /nonexistent --no-create-home \
      --shell /usr/sbin/nologin declutter \
 && mkdir -p /run/declutter/metrics \
 && chown -R declutter:declutter /run/declutter
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY server/ server/
COPY rules/ rules/
USER 10001:10001
EXPOSE 8000
# No curl in a slim image: Python's urllib asks /healthz (which answers any Host), past any HTTP_PROXY.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request as u; u.build_opener(u.ProxyHandler({})).open('http://127.0.0.1:' + os.environ.get('PORT', '8000') + '/healthz', timeout=4)"]
CMD ["gunicorn", "--config", "server/gunicorn_conf.py", "server.web.app:create_app()"]
