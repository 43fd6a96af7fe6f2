"""The built manifests: Chrome's holds exactly the minimal permissions; Firefox's passes `web-ext lint`."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile

import pytest
from harness import ROOT

EXTENSION = ROOT / "extension"

# activeTab + scripting to read the page the user asked for, storage for settings and results,
# contextMenus for the "Read in Declutter" page menu entry. Nothing else.
PERMISSIONS = ["activeTab", "scripting", "storage", "contextMenus"]
HOSTS = ["http://127.0.0.1/*", "http://localhost/*"]
OPTIONAL_HOSTS = ["http://*/*", "https://*/*"]


def manifest(build, browser: str) -> dict:
    return json.loads((build[browser] / "manifest.json").read_text(encoding="utf-8"))


def test_chrome_manifest_keys_and_minimal_permissions(extension_build):
    chrome = manifest(extension_build, "chrome")
    assert chrome["manifest_version"] == 3
    assert set(chrome) == {
        "manifest_version", "name", "short_name", "version", "description", "icons", "action",
        "background", "commands", "permissions", "host_permissions", "optional_host_permissions",
        "options_ui", "content_security_policy",
    }  # fmt: skip
    assert sorted(chrome["permissions"]) == sorted(PERMISSIONS)
    assert chrome["host_permissions"] == HOSTS
    assert chrome["optional_host_permissions"] == OPTIONAL_HOSTS
    assert "optional_permissions" not in chrome
    assert chrome["background"] == {"service_worker": "background.js", "type": "module"}
    assert "_execute_action" in chrome["commands"]
    assert chrome["options_ui"]["page"] == "options.html"
    # Nothing runs in pages on its own: capture is injected on demand only.
    assert "content_scripts" not in chrome
    assert "web_accessible_resources" not in chrome


def test_extension_pages_csp_is_strict(extension_build):
    csp = manifest(extension_build, "chrome")["content_security_policy"]["extension_pages"]
    directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert not any("unsafe" in source for sources in directives.values() for source in sources)


def test_every_file_the_manifests_name_exists(extension_build):
    for browser in ("chrome", "firefox"):
        folder = extension_build[browser]
        data = manifest(extension_build, browser)
        background = data["background"].get("service_worker") or data["background"]["scripts"][0]
        named = [background, data["options_ui"]["page"], *data["icons"].values()]
        named += data["action"]["default_icon"].values()
        for path in named:
            assert (folder / path).is_file(), f"{browser}: {path} is missing"


def test_firefox_manifest_differs_only_where_it_must(extension_build):
    chrome = manifest(extension_build, "chrome")
    firefox = manifest(extension_build, "firefox")
    assert firefox["background"] == {"scripts": ["background.js"], "type": "module"}
    assert firefox["browser_specific_settings"]["gecko"]["id"]
    rest = {k: v for k, v in firefox.items() if k not in ("background", "browser_specific_settings")}
    assert rest == {k: v for k, v in chrome.items() if k != "background"}


def test_zips_hold_the_folders(extension_build):
    for browser, folder in extension_build.items():
        with zipfile.ZipFile(folder.parent / f"declutter-{browser}.zip") as zf:
            names = set(zf.namelist())
        files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
        assert names == files
        assert "manifest.json" in names


def test_no_eval_or_inline_html_sinks_in_extension_code():
    sources = [p for p in (EXTENSION / "src").rglob("*.js")]
    forbidden = ["eval(", "new Function", "innerHTML", "outerHTML =", "insertAdjacentHTML", "document.write"]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        for sink in forbidden:
            assert sink not in text, f"{path.relative_to(ROOT)} uses {sink}"


@pytest.mark.slow  # node's web-ext over the whole build
def test_firefox_build_passes_web_ext_lint(extension_build):
    npm = shutil.which("npm")
    if not npm:
        pytest.fail("npm is not installed: it is needed to run web-ext lint (apt-get install -y npm)")
    # web-ext comes from extension/package.json (pinned in package-lock.json).
    if not (EXTENSION / "node_modules" / ".bin" / "web-ext").exists():
        command = "ci" if (EXTENSION / "package-lock.json").exists() else "install"
        subprocess.run([npm, command, "--no-audit", "--no-fund"], cwd=EXTENSION, check=True, timeout=300)
    result = subprocess.run(
        [str(EXTENSION / "node_modules" / ".bin" / "web-ext"), "lint", "--output", "json",
         "--source-dir", str(extension_build["firefox"])],
        cwd=EXTENSION, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    report = json.loads(result.stdout)
    problems = report["errors"] + report["warnings"]
    assert not problems, json.dumps(problems, indent=2)
    assert result.returncode == 0
