# Declutter: two commands set everything up: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve test test-fast lint lock venv test-venv browser-deps extension-deps nginx-deps bench bench-quality bench-speed bench-attributions bench-load extension clean

# The runtime environment; re-installed only when pyproject.toml changes.
$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(BIN)/.installed-test: $(BIN)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

venv: $(BIN)/.installed

test-venv: $(BIN)/.installed-test

serve: $(BIN)/.installed
	PORT=$(PORT) $(BIN)/gunicorn --config server/gunicorn_conf.py 'server.web.app:create_app()'

# Debian's Chromium and Firefox ESR for the browser tests (Playwright's own browser download does not work here), and
# speech-dispatcher with espeak-ng, through which Chromium speaks in the Listen tests.
browser-deps:
	@command -v chromium >/dev/null 2>&1 && command -v firefox-esr >/dev/null 2>&1 && command -v speech-dispatcher >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium firefox-esr speech-dispatcher speech-dispatcher-espeak-ng >/dev/null; }

# Debian's nginx, run in front of the service by tests/test_deploy_nginx.py with deploy/nginx/declutter.conf.
nginx-deps:
	@command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || { apt-get update -qq && apt-get install -y -qq nginx >/dev/null; }

# The extension's test tooling (web-ext lints the Firefox build); installed from package-lock.json.
extension/node_modules/.installed: extension/package-lock.json
	cd extension && npm ci --no-audit --no-fund --loglevel=error
	touch $@

extension-deps: extension/node_modules/.installed

test: test-venv browser-deps extension-deps nginx-deps
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

# The edit loop: no browsers, no corpus-wide runs, no real services; under a minute. `make test` runs everything.
test-fast: test-venv
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q -m "not browser and not slow"

lint: test-venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check server tests bench

# The image's dependencies (Dockerfile): [project.dependencies] pinned with every file's hash, for any platform on
# the image's Python. Pins already in the file stay unless pyproject.toml rules them out; LOCK_FLAGS=--upgrade
# takes the newest. Needs PyPI; tests/test_deploy.py checks the lock still fits pyproject.toml, offline.
lock: $(BIN)/.installed
	$(BIN)/pip install --quiet -e '.[lock]'
	$(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes $(LOCK_FLAGS) \
	  --quiet --output-file requirements.lock.txt

bench: bench-quality bench-speed bench-attributions

# Mozilla Readability.js, a peer in the quality and speed benches; installed from bench/readability_js/package-lock.json.
bench/readability_js/node_modules/.installed: bench/readability_js/package-lock.json
	cd bench/readability_js && npm ci --no-audit --no-fund --loglevel=error
	touch $@

bench-quality: test-venv bench/readability_js/node_modules/.installed
	$(BIN)/python bench/quality.py --fresh

bench-speed: test-venv bench/readability_js/node_modules/.installed
	$(BIN)/python bench/speed.py

bench-attributions: test-venv
	$(BIN)/python bench/attributions.py

bench-load: test-venv
	$(BIN)/python bench/load.py

extension: test-venv extension-deps
	$(BIN)/python extension/build.py

clean:
	rm -rf build dist test-artifacts .pytest_cache .ruff_cache
