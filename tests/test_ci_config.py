"""The GitHub workflow runs what .ci/run runs and posts the rule scores; Dependabot watches every dependency file.

Both files are read as GitHub reads them (YAML); a package.json or lock file added anywhere in the tree without a
Dependabot entry fails here.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from server.cli import _build_parser
from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
CI_RUN = ROOT / ".ci" / "run"
NPM_FILES = ("package.json", "package-lock.json")
PIP_FILES = ("pyproject.toml", "requirements.txt", "setup.py")
SCHEDULES = {"daily", "weekly", "monthly"}


def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data


@pytest.fixture(scope="module")
def workflow() -> dict:
    return _load(WORKFLOW)


@pytest.fixture(scope="module")
def dependabot() -> dict:
    return _load(DEPENDABOT)


def ci_command() -> list[str]:
    """The command .ci/run runs: its last line that is not a comment, `set` or `cd`."""
    lines = [line.strip() for line in CI_RUN.read_text(encoding="utf-8").splitlines()]
    commands = [line for line in lines if line and not line.startswith(("#", "set ", "cd "))]
    return shlex.split(commands[-1])


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def run_commands(job: dict) -> list[list[str]]:
    """Each command line of the job's run steps, as words (a backslash-newline continues a line)."""
    scripts = (str(step.get("run", "")).replace("\\\n", " ") for step in steps(job))
    return [shlex.split(line) for script in scripts for line in script.splitlines() if line.strip()]


@pytest.mark.parametrize(("path", "schema"), [(WORKFLOW, "github-workflows"), (DEPENDABOT, "dependabot")])
def test_files_follow_githubs_schemas(path, schema):
    """SchemaStore's schemas as check-jsonschema ships them (no download): unknown keys, bad values, typos."""
    checker = Path(sys.executable).parent / "check-jsonschema"
    done = subprocess.run(
        [checker, "--builtin-schema", f"vendor.{schema}", path], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_ci_run_runs_make_test():
    assert ci_command() == ["make", "test"]


def test_workflow_runs_on_push_and_pull_request(workflow):
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` key as true
    assert {"push", "pull_request"} <= set(triggers)


def test_a_job_runs_the_same_command_as_ci_run(workflow):
    command = ci_command()
    jobs = [job for job in workflow["jobs"].values() if command in run_commands(job)]
    assert jobs, f"no job runs {shlex.join(command)}"
    (job,) = jobs
    # On Debian 12, as the project's machines: root for apt-get, Debian's browsers, python3 3.11.
    assert re.fullmatch(r"debian:(bookworm|trixie|1[2-9])(-slim)?", job["container"])
    installed = " ".join(" ".join(words) for words in run_commands(job))
    assert "python3-venv" in installed
    node = [step for step in steps(job) if str(step.get("uses", "")).startswith("actions/setup-node@")]
    assert node and int(node[0]["with"]["node-version"]) >= 20
    # The step runs in the checkout (the corpora sit beside it, in ../shared).
    (make,) = [step for step in steps(job) if shlex.split(str(step.get("run", ""))) == command]
    checkout = next(step for step in steps(job) if step.get("uses", "").startswith("actions/checkout@"))
    assert make.get("working-directory", ".") == checkout.get("with", {}).get("path", ".")


def test_the_scores_job_posts_its_table(workflow):
    (job,) = [
        job
        for job in workflow["jobs"].values()
        if any(c[:2] == [".venv/bin/declutter", "rules"] for c in run_commands(job))
    ]
    check = next(c for c in run_commands(job) if c[:2] == [".venv/bin/declutter", "rules"])
    assert check[2:4] == ["check", "--scores"] and "scores.txt" in check
    summary = next(step for step in steps(job) if "GITHUB_STEP_SUMMARY" in str(step.get("run", "")))
    assert "scores.txt" in summary["run"] and summary["if"] == "always()"
    comment = next(step for step in steps(job) if str(step.get("uses", "")).startswith("actions/github-script@"))
    assert "github.event_name == 'pull_request'" in comment["if"]
    assert "scores.txt" in comment["with"]["script"] and "createComment" in comment["with"]["script"]
    assert job["permissions"]["pull-requests"] == "write"


def test_the_commands_exist():
    """make knows the target .ci/run names, and the scores job's command line parses."""
    command = ci_command()
    assert subprocess.run(["make", "-n", *command[1:]], cwd=ROOT, capture_output=True, timeout=60).returncode == 0
    args = _build_parser().parse_args(["rules", "check", "--scores"])
    assert args.scores is True and callable(args.handler)


def test_actions_are_pinned_to_a_release(workflow):
    for job in workflow["jobs"].values():
        for step in steps(job):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+(\.\d+)*", step["uses"]), step["uses"]


def _folders_holding(names: tuple[str, ...]) -> set[str]:
    """Every folder of the project (as Dependabot names it: "/", "/extension") holding one of these files: the
    files git tracks, or would (installed and generated folders are ignored)."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", *(f"*{name}" for name in names)],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    found = set()
    for path in filter(None, listed.split("\0")):
        if Path(path).name in names:
            folder = Path(path).parent.as_posix()
            found.add("/" if folder == "." else f"/{folder}")
    return found


def _watched(dependabot: dict, ecosystem: str) -> set[str]:
    return {entry["directory"] for entry in dependabot["updates"] if entry["package-ecosystem"] == ecosystem}


def test_dependabot_is_well_formed(dependabot):
    assert dependabot["version"] == 2
    for entry in dependabot["updates"]:
        assert entry["directory"].startswith("/") and entry["schedule"]["interval"] in SCHEDULES, entry
        assert (ROOT / entry["directory"].lstrip("/")).is_dir(), entry


def test_dependabot_watches_every_npm_folder(dependabot):
    folders = _folders_holding(NPM_FILES)
    assert {"/extension", "/bench/readability_js"} <= folders
    assert _watched(dependabot, "npm") == folders


def test_dependabot_watches_python_and_the_actions(dependabot):
    assert _watched(dependabot, "pip") == _folders_holding(PIP_FILES) == {"/"}
    assert _watched(dependabot, "github-actions") == {"/"}
