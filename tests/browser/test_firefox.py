"""The Firefox build end to end in headless Firefox (Debian's firefox-esr), driven over WebDriver BiDi by
firefox_e2e.mjs: toolbar button -> capture -> service -> reader, options, theme persistence, service down.

Chromium is the browser the suite requires (test_extension.py); Firefox is checked when it is installed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from harness import ROOT, free_port

pytestmark = pytest.mark.browser

EXTENSION = ROOT / "extension"
DRIVER = Path(__file__).resolve().parent / "firefox_e2e.mjs"


@pytest.fixture(scope="module")
def firefox() -> str:
    path = shutil.which("firefox-esr") or shutil.which("firefox")
    if not path:
        pytest.skip("Firefox is not installed (apt-get install -y firefox-esr): the Firefox build is only linted")
    return path


@pytest.fixture(scope="module")
def node_modules() -> Path:
    """extension/node_modules with ws (the BiDi client's WebSocket), installed from the lock file if missing."""
    if not (EXTENSION / "node_modules" / "ws").is_dir():
        npm = shutil.which("npm")
        if not npm:
            pytest.fail("npm is not installed: it is needed to install extension/package.json")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=EXTENSION, check=True, timeout=300)
    return EXTENSION / "node_modules"


def run_driver(driver: Path, firefox: str, extension_build, service, tmp_path, page_url: str, **extra: str) -> dict:
    """Run a Firefox driver script (node, WebDriver BiDi) with the Firefox build and the service; what it saw."""
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "FIREFOX": firefox,
        "EXTENSION_DIR": str(extension_build["firefox"]),
        "BIDI_PORT": str(free_port()),
        "SERVICE_URL": service.url,
        "SERVICE_TOKEN": service.token,
        "PAGE_URL": page_url,
        "NODE_MODULES_FROM": str(EXTENSION),
        **extra,
    }
    run = subprocess.run(["node", str(driver)], env=env, capture_output=True, text=True, timeout=150)
    assert run.returncode == 0, run.stderr[-4000:]
    return json.loads(run.stdout)


def test_firefox_build_end_to_end(firefox, node_modules, extension_build, service, web, tmp_path):
    dead = f"http://127.0.0.1:{free_port()}"
    page = web.local("/pages/scripted.html")
    seen = run_driver(DRIVER, firefox, extension_build, service, tmp_path, page, DEAD_SERVICE_URL=dead)

    assert seen["manifestErrors"] == "[]"
    assert seen["defaultUrl"] == "http://127.0.0.1:8000"
    assert seen["connection"].startswith("Connected")

    reader = seen["reader"]
    assert "dc-ready" in reader["state"], reader["status"]
    assert reader["title"] == "Harbour council approves new sea wall after decade of floods"
    assert "Added by script" in reader["content"]
    assert "Secret promo" not in reader["content"]
    assert "ghost paragraph" not in reader["content"]
    assert reader["marksLeftOnPage"] == 0
    assert any("Petrova" in source for source in reader["sources"])
    assert any("Petrova" in speaker for speaker in reader["speakers"])

    assert seen["afterReload"] == {"theme": "sepia", "background": "rgb(244, 236, 216)"}

    assert "dc-error" in seen["down"]["state"]
    assert "not running" in seen["down"]["title"]
    assert "make serve" in seen["down"]["hint"]
