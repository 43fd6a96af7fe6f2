"""The picker's selector module (extension/src/picker/selector.js) under node's own test runner, on a real DOM.

The JavaScript tests are extension/tests/*.test.js; this runs them so `make test` does.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

EXTENSION = Path(__file__).resolve().parents[1] / "extension"


@pytest.fixture(scope="module")
def node() -> str:
    path = shutil.which("node")
    if not path:
        pytest.fail("node is not installed: it runs the extension's unit tests (apt-get install -y nodejs)")
    if not (EXTENSION / "node_modules" / "linkedom").is_dir():
        npm = shutil.which("npm")
        if not npm:
            pytest.fail("npm is not installed: it installs extension/package-lock.json (`make extension-deps`)")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=EXTENSION, check=True, timeout=300)
    return path


def test_selector_module_unit_tests(node):
    run = subprocess.run([node, "--test", "tests/"], cwd=EXTENSION, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout
    assert "# pass 0" not in run.stdout
