"""`pip install .` works outside a checkout: the wheel ships the rule files (as server/data/rules) and the templates.

The wheel is built from a copy of the sources with the project's own setuptools (no build isolation, no index:
nothing is downloaded), installed into a fresh virtual environment that borrows the project environment's
dependencies, and its `declutter` cleans a site's fixture page from a folder outside the checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from server.config import RULES_DIR
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "sites" / "bbc.com" / "bbc-1.html"
FIXTURE_URL = "https://www.bbc.com/news/world-us-canada-33646704"
# What a build reads: the metadata, the package, the rules (what an sdist holds).
SOURCES = ("pyproject.toml", "setup.py", "README.md", "server", "rules")


def test_a_checkout_reads_its_own_rules_folder():
    assert RULES_DIR == ROOT / "rules"


def _run(command: list[str | Path], **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, **kwargs)
    assert done.returncode == 0, f"{command}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(path, source / name)
    dist = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", dist, source])
    (built,) = dist.glob("declutter-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh virtual environment holding the wheel; its dependencies come from the project's environment."""
    venv = tmp_path_factory.mktemp("venv")
    _run([sys.executable, "-m", "venv", "--without-pip", venv])
    python = venv / "bin" / "python"
    site_packages = Path(
        _run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip()
    )
    # A path line, not a site folder: the project's own (editable) declutter there is not activated.
    (site_packages / "_project_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            python,
            "install",
            "--no-deps",
            "--no-index",
            "--ignore-installed",
            wheel,
        ]
    )
    return venv


def _outside_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DECLUTTER_RULES_DIR", "PYTHONSAFEPATH")}


@pytest.mark.slow
def test_the_wheel_holds_every_rule_file_and_template(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    rule_files = [p for p in (ROOT / "rules").rglob("*") if p.is_file()]
    assert len(rule_files) > 20
    for path in rule_files:
        assert f"server/data/rules/{path.relative_to(ROOT / 'rules').as_posix()}" in names, path
    for path in (ROOT / "server" / "web" / "templates").iterdir():
        assert f"server/web/templates/{path.name}" in names, path
    assert not any("__pycache__" in name or name.startswith(("rules/", "tests/")) for name in names)


@pytest.mark.slow
def test_the_installed_wheel_cleans_a_page_with_its_shipped_rules(installed, tmp_path):
    env = _outside_env()
    where = _run(
        [
            installed / "bin" / "python",
            "-c",
            "import server, server.config; print(server.__file__, server.config.RULES_DIR)",
        ],
        cwd=tmp_path,
        env=env,
    ).stdout.split()
    assert all(Path(path).is_relative_to(installed) for path in where), where
    page = tmp_path / "page.html"
    shutil.copy2(FIXTURE, page)
    declutter = installed / "bin" / "declutter"
    result = json.loads(_run([declutter, "clean", page, "--url", FIXTURE_URL], cwd=tmp_path, env=env).stdout)
    assert result["rules_applied"][0] == "rules/sites/bbc.com.yaml"
    assert any(item["rule"] == "rules/sites/bbc.com.yaml" for item in result["removed"])
    assert result["title"] == "Obama admits US gun laws are his 'biggest frustration'"
    reading_page = _run([declutter, "clean", page, "--url", FIXTURE_URL, "--format", "html"], cwd=tmp_path, env=env)
    assert reading_page.stdout.startswith("<!doctype html>")  # the templates shipped too
