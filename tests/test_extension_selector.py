"""The extension's JavaScript unit tests (extension/tests/*.test.js, *.test.mjs: the picker's selectors, the share
bundle and draft rule, the site names, the attribution panel) under node's own test runner, on a real DOM
(linkedom), so `make test` runs them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

EXTENSION = Path(__file__).resolve().parents[1] / "extension"
TEST_FILES = sorted(p for p in (EXTENSION / "tests").iterdir() if re.search(r"\.test\.m?js$", p.name))


@pytest.fixture(scope="module")
def node() -> str:
    path = shutil.which("node")
    if not path:
        pytest.fail(
            "node is not installed: it runs the extension's unit tests (apt-get install -y nodejs)", pytrace=False
        )
    # Installed by `make extension-deps` from the lock file: tests download nothing.
    if not (EXTENSION / "node_modules" / "linkedom").is_dir():
        pytest.fail(
            "extension/node_modules is missing: run `make extension-deps` (npm ci in extension/)", pytrace=False
        )
    return path


def test_extension_unit_tests_pass_under_node(node):
    assert TEST_FILES, "no extension/tests/*.test.js"
    names = [str(p.relative_to(EXTENSION)) for p in TEST_FILES]
    run = subprocess.run([node, "--test", *names], cwd=EXTENSION, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    counts = {key: int(value) for key, value in re.findall(r"^# (tests|pass|fail) (\d+)$", run.stdout, re.M)}
    assert counts["fail"] == 0 and counts["pass"] == counts["tests"] >= len(TEST_FILES), counts
