"""The deployment files, tested without pulling images (which this machine cannot do): the Dockerfile (hadolint,
what it copies, installs and runs, its command and health check run for real), the nginx limits against the
service's, and the Kubernetes manifests (the Kubernetes schema, then how the objects fit together)."""

from __future__ import annotations

import fnmatch
import gc
import importlib.metadata
import ipaddress
import json
import os
import re
import shlex
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from bench.load import serve
from server import gunicorn_conf
from server.config import Settings
from server.web.access import REQUEST_ID_PATTERN
from server.web.app import create_app

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DOCKERFILE = ROOT / "Dockerfile"
NGINX_CONFIG = ROOT / "deploy" / "nginx" / "declutter.conf"
COMPOSE = ROOT / "deploy" / "compose.yaml"
MAKEFILE = ROOT / "Makefile"
K8S = ROOT / "deploy" / "k8s"


@dataclass(frozen=True)
class Instruction:
    keyword: str
    arguments: str
    stage: int  # index of the FROM it belongs to

    def exec_form(self) -> list[str]:
        """The JSON array of CMD/ENTRYPOINT/HEALTHCHECK CMD (the shell form is refused: signals reach no shell)."""
        text = self.arguments.split("CMD", 1)[1] if self.keyword == "HEALTHCHECK" else self.arguments
        return json.loads(text)


def dockerfile() -> list[Instruction]:
    """The Dockerfile's instructions, continuation lines joined and comments dropped."""
    instructions, stage, pending = [], -1, ""
    for line in DOCKERFILE.read_text().splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        keyword, _, arguments = (pending + line).strip().partition(" ")
        pending = ""
        stage += keyword.upper() == "FROM"
        instructions.append(Instruction(keyword.upper(), " ".join(arguments.split()), stage))
    return instructions


def final_stage() -> list[Instruction]:
    instructions = dockerfile()
    last = max(instruction.stage for instruction in instructions)
    return [instruction for instruction in instructions if instruction.stage == last]


def image_env() -> dict[str, str]:
    """The runtime stage's ENV as KEY=value pairs ($PATH-style references left as written)."""
    env = {}
    for instruction in final_stage():
        if instruction.keyword == "ENV":
            env.update(pair.split("=", 1) for pair in shlex.split(instruction.arguments))
    return env


def test_hadolint_passes_the_dockerfile():
    linted = subprocess.run([BIN / "hadolint", str(DOCKERFILE)], capture_output=True, text=True, timeout=60)
    assert linted.returncode == 0, linted.stdout + linted.stderr


def test_the_image_runs_as_a_numeric_non_root_user():
    users = [instruction.arguments for instruction in final_stage() if instruction.keyword == "USER"]
    assert users, "the runtime stage must name a USER"
    uid = users[-1].split(":")[0]
    # Numeric, so that Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
    assert uid.isdigit() and int(uid) != 0, users
    assert int(uid) == kubernetes_pod_security()["runAsUser"]


def test_the_command_is_the_procfiles():
    procfile = dict(line.split(":", 1) for line in (ROOT / "Procfile").read_text().splitlines() if line.strip())
    commands = [instruction for instruction in final_stage() if instruction.keyword == "CMD"]
    assert commands[-1].exec_form() == shlex.split(procfile["web"])
    assert not [instruction for instruction in dockerfile() if instruction.keyword == "ENTRYPOINT"]


def test_the_health_check_asks_healthz_without_curl():
    checks = [instruction for instruction in final_stage() if instruction.keyword == "HEALTHCHECK"]
    assert len(checks) == 1
    command = checks[0].exec_form()
    assert command[:2] == ["python", "-c"] and "/healthz" in command[2]
    assert "curl" not in checks[0].arguments and "wget" not in checks[0].arguments


def dockerignore_excludes(path: str) -> bool:
    """Whether .dockerignore leaves `path` (relative, '/'-separated) out of the build context: the last
    matching line wins, and a line that matches a parent directory matches everything inside it."""
    excluded = False
    parents = [str(Path(path).parents[i]) for i in range(len(Path(path).parents) - 1)]
    for line in (ROOT / ".dockerignore").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        negated, pattern = line.startswith("!"), line.lstrip("!").strip("/")
        patterns = {pattern, pattern.removeprefix("**/")}
        if any(fnmatch.fnmatchcase(candidate, p) for candidate in (path, *parents) for p in patterns):
            excluded = not negated
    return excluded


def test_every_copied_file_exists_and_is_in_the_build_context():
    copies = [i for i in dockerfile() if i.keyword == "COPY" and not i.arguments.startswith("--from")]
    assert copies
    for copy in copies:
        *sources, _ = shlex.split(copy.arguments)
        for source in sources:
            path = ROOT / source
            assert path.exists(), f"COPY {source}: no such file"
            files = [path] if path.is_file() else [f for f in path.rglob("*") if f.is_file()]
            shipped = [f for f in files if "__pycache__" not in f.parts]
            assert shipped, f"COPY {source} copies nothing"
            left_out = [str(f.relative_to(ROOT)) for f in shipped if dockerignore_excludes(str(f.relative_to(ROOT)))]
            assert not left_out, f".dockerignore leaves out what COPY {source} needs: {left_out[:5]}"
    # And the build context leaves out what must never ship: the virtual environment, tests, git history.
    for private in (".venv/bin/python", "tests/conftest.py", ".git/HEAD", "server/__pycache__/app.cpython-311.pyc"):
        assert dockerignore_excludes(private), private


LOCK = ROOT / "requirements.lock.txt"
# One pinned package of the lock: name==version [; marker], then its hashes, each on a continuation line.
_LOCKED_RE = re.compile(
    r"^([A-Za-z0-9._-]+)==(\S+?)(?:\s*;\s*(.+?))?\s*\\\n((?:\s+--hash=\S+\s*\\?\n?)+)", re.MULTILINE
)


@dataclass(frozen=True)
class Locked:
    version: str
    marker: str | None
    hashes: tuple[str, ...]


def locked_packages() -> dict[str, Locked]:
    """requirements.lock.txt by canonical name."""
    text = LOCK.read_text()
    found = {
        canonicalize_name(name): Locked(version, marker, tuple(re.findall(r"--hash=(\S+)", hashes)))
        for name, version, marker, hashes in _LOCKED_RE.findall(text)
    }
    pinned = [line for line in text.splitlines() if line and not line[0].isspace() and not line.startswith("#")]
    assert len(found) == len(pinned), "a line of the lock is not name==version with its hashes"
    return found


def image_python() -> str:
    """The Python version of the Dockerfile's base image (ARG PYTHON_IMAGE=python:3.11-...)."""
    (argument,) = [i.arguments for i in dockerfile() if i.keyword == "ARG" and i.arguments.startswith("PYTHON_IMAGE=")]
    return re.fullmatch(r"PYTHON_IMAGE=python:(\d+\.\d+)[.-].*", argument).group(1)


def test_the_image_installs_the_lock_and_only_the_lock():
    """The one pip install reads requirements.lock.txt in hash-checking mode (a file whose hash differs, or a
    dependency missing from the lock, fails the build); pyproject.toml is not read at build time."""
    runs = [i.arguments for i in dockerfile() if i.keyword == "RUN" and "pip" in i.arguments]
    assert len(runs) == 1, runs
    installs = [step.strip() for step in runs[0].split("&&") if re.search(r"\bpip install\b", step)]
    assert installs == ["/opt/venv/bin/pip install --require-hashes --requirement requirements.lock.txt"], installs
    copies = [shlex.split(i.arguments) for i in dockerfile() if i.keyword == "COPY" and i.stage == 0]
    assert copies == [["requirements.lock.txt", "./"]]
    assert not [i for i in dockerfile() if "[test]" in i.arguments or "pyproject" in i.arguments]


def test_the_lock_pins_every_runtime_dependency_at_a_version_pyproject_allows():
    """Offline: each of [project.dependencies] is pinned with hashes at a version its specifier takes (for the
    image's Python on Linux), nothing of the [test] extra is in the lock, and it was made as `make lock` makes it."""
    locked = locked_packages()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    environment = {"python_version": image_python(), "python_full_version": f"{image_python()}.0"}
    environment |= {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"}
    for line in project["dependencies"]:
        requirement = Requirement(line)
        entry = locked.get(canonicalize_name(requirement.name))
        assert entry is not None, f"{requirement.name} is not in requirements.lock.txt: run make lock"
        assert requirement.specifier.contains(entry.version, prereleases=True), (
            f"{requirement.name}=={entry.version} is locked, pyproject.toml asks {requirement.specifier}: make lock"
        )
    for name, entry in locked.items():
        assert entry.hashes and all(h.startswith("sha256:") and len(h) == 71 for h in entry.hashes), name
        if entry.marker:
            assert Marker(entry.marker).evaluate(environment), f"{name} is locked for another Python: {entry.marker}"
    test_extra = {canonicalize_name(Requirement(line).name) for line in project["optional-dependencies"]["test"]}
    assert not test_extra & set(locked), test_extra & set(locked)
    header = LOCK.read_text().split("\n", 2)[1]
    for flag in (
        "uv pip compile pyproject.toml",
        "--universal",
        f"--python-version {image_python()}",
        "--generate-hashes",
    ):
        assert flag in header, f"the lock was not made by make lock: {header}"
    assert re.search(
        r"uv pip compile pyproject\.toml --universal --python-version \S+ --generate-hashes", MAKEFILE.read_text()
    )


def test_the_lock_is_closed_under_the_dependencies_of_what_it_pins():
    """Every package a locked one needs is locked too (hash-checking mode would refuse to fetch it). Offline, from
    the metadata of the packages installed here at the locked version (the others are not checked)."""
    locked = locked_packages()
    environment = {"python_version": image_python(), "python_full_version": f"{image_python()}.0", "extra": ""}
    environment |= {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"}
    checked = 0
    for name, entry in locked.items():
        try:
            installed = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        if installed.version != entry.version:
            continue
        checked += 1
        for line in installed.requires or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate(environment):
                assert canonicalize_name(requirement.name) in locked, f"{name} needs {line}, not in the lock"
    assert checked >= len(locked) // 2, "too few locked packages are installed here to check the lock"


def health_check(env: dict[str, str]) -> subprocess.CompletedProcess:
    (check,) = [instruction for instruction in final_stage() if instruction.keyword == "HEALTHCHECK"]
    command = check.exec_form()
    return subprocess.run([sys.executable, *command[1:]], env=env, capture_output=True, text=True, timeout=30)


@pytest.mark.slow
def test_the_image_command_serves_and_its_health_check_tells_up_from_down(tmp_path: Path):
    """The image's CMD with the image's ENV (bind and port moved to a free 127.0.0.1 port, the metrics directory
    under tmp_path), run from the checkout as the image runs it from /app: the health check passes while it
    serves and fails once it has stopped."""
    # serve() gives the port (a free one) and the 127.0.0.1 bind; the rest is the image's.
    env = {key: value for key, value in image_env().items() if key not in ("PATH", "HOST", "PORT")}
    env.update(PROMETHEUS_MULTIPROC_DIR=str(tmp_path / "metrics"), HOME="/nonexistent", LOG_LEVEL="info")
    (command,) = [i.exec_form() for i in final_stage() if i.keyword == "CMD"]
    assert command[0] == "gunicorn" and command[-1] == "server.web.app:create_app()"
    with serve(env=env, log=tmp_path / "gunicorn.log", extra_args=tuple(command[1:-1])) as server:
        check_env = {**os.environ, "PORT": str(server.port)}
        healthy = health_check(check_env)
    assert healthy.returncode == 0, healthy.stderr
    down = health_check(check_env)
    assert down.returncode != 0 and "Connection refused" in down.stderr
    # It ran as the image runs it: JSON log lines, and no error (none from gunicorn's control socket, which is off).
    lines = [json.loads(line) for line in (tmp_path / "gunicorn.log").read_text().splitlines()]
    assert lines and not [line for line in lines if line["level"] not in ("INFO", "WARNING")], lines


def nginx_directive(name: str) -> list[str]:
    """The values of a directive wherever it appears in deploy/nginx/declutter.conf."""
    text = re.sub(r"#[^\n]*", "", NGINX_CONFIG.read_text())
    return [value.strip() for value in re.findall(rf"^\s*{name}\s+([^;]+);", text, flags=re.MULTILINE)]


def nginx_seconds(value: str) -> float:
    number, unit = re.fullmatch(r"(\d+)(ms|s|m)?", value).groups()
    return int(number) * {"ms": 0.001, "s": 1, "m": 60, None: 1}[unit]


def test_the_proxy_mirrors_the_service_limits():
    settings = Settings()
    assert nginx_directive("client_max_body_size") == [f"{settings.max_body_bytes // (1024 * 1024)}m"]
    assert settings.max_body_bytes % (1024 * 1024) == 0
    assert f"the limit of {settings.max_body_bytes} bytes" in NGINX_CONFIG.read_text()
    assert nginx_directive("proxy_request_buffering") == ["on"]
    assert nginx_directive("proxy_set_header Host") == ["$http_host"]
    # The service answers (or gunicorn kills a silent worker) before the proxy stops waiting.
    (read_timeout,) = nginx_directive("proxy_read_timeout")
    assert settings.max_seconds < gunicorn_conf.timeout < nginx_seconds(read_timeout)
    # Idle upstream connections close on nginx's side first.
    (keepalive,) = nginx_directive("keepalive_timeout")
    assert nginx_seconds(keepalive) < gunicorn_conf.keepalive
    assert re.search(r"location \^~ /metrics \{[^}]*return 404", NGINX_CONFIG.read_text())


def test_the_proxy_keeps_the_request_ids_the_service_keeps():
    """nginx passes on the caller's X-Request-ID by the service's own pattern, else makes one: both log one id."""
    keep = re.search(
        r'map \$http_x_request_id \$declutter_request_id \{\s*"~\^(.+?)\$" \$http_x_request_id;',
        NGINX_CONFIG.read_text(),
    )
    assert keep is not None and keep.group(1) == REQUEST_ID_PATTERN


def test_compose_runs_the_image_behind_nginx_with_the_shipped_config():
    compose = yaml.safe_load(COMPOSE.read_text())
    service, proxy = compose["services"]["declutter"], compose["services"]["nginx"]
    assert service["build"]["context"] == ".." and "ports" not in service, "only the proxy listens publicly"
    assert service["read_only"] is True and "healthcheck" not in service  # the image's own HEALTHCHECK
    metrics_dir = Path(image_env()["PROMETHEUS_MULTIPROC_DIR"])
    for writable in (Path("/tmp"), metrics_dir):
        assert any(writable.is_relative_to(mount) for mount in service["tmpfs"]), writable
    assert proxy["depends_on"]["declutter"]["condition"] == "service_healthy"
    mounts = {volume.split(":")[1]: volume.split(":")[0] for volume in proxy["volumes"]}
    assert mounts["/etc/nginx/templates/declutter.conf.template"] == "./nginx/declutter.conf"
    placeholders = set(re.findall(r"\$\{(\w+)\}", NGINX_CONFIG.read_text()))
    assert placeholders <= set(proxy["environment"]), placeholders
    port = image_env()["PORT"]
    assert proxy["environment"]["DECLUTTER_UPSTREAM"] == f"declutter:{port}"


def compose_default(value: str) -> str:
    """A compose value with each ${NAME:-default} as compose fills it when NAME is unset."""
    return re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", value)


def test_compose_trusts_the_forwarded_for_of_its_own_network_only(monkeypatch):
    """The service takes X-Forwarded-For from the compose network nginx is on, a network both services are on
    and nothing else; its value is a valid DECLUTTER_TRUSTED_PROXIES."""
    compose = yaml.safe_load(COMPOSE.read_text())
    service, proxy = compose["services"]["declutter"], compose["services"]["nginx"]
    monkeypatch.setenv(
        "DECLUTTER_TRUSTED_PROXIES", compose_default(service["environment"]["DECLUTTER_TRUSTED_PROXIES"])
    )
    trusted = Settings.from_env().trusted_proxies
    (subnet,) = [compose_default(item["subnet"]) for item in compose["networks"]["default"]["ipam"]["config"]]
    assert trusted == (subnet,) and "*" not in trusted
    assert "networks" not in service and "networks" not in proxy  # both on the default network only
    assert nginx_directive("proxy_set_header X-Forwarded-For") == ["$remote_addr"]


def kubernetes_documents() -> list[dict]:
    return [doc for path in sorted(K8S.glob("*.yaml")) for doc in yaml.safe_load_all(path.read_text()) if doc]


def kubernetes_objects(kind: str) -> list[dict]:
    return [doc for doc in kubernetes_documents() if doc["kind"] == kind]


def kubernetes_pod_security() -> dict:
    (deployment,) = kubernetes_objects("Deployment")
    return deployment["spec"]["template"]["spec"]["securityContext"]


@pytest.mark.parametrize("version", ["1.30.0", "newest"])
def test_the_kubernetes_manifests_validate_against_the_kubernetes_schema(version: str):
    """kubernetes-validate (the Kubernetes OpenAPI schemas, shipped in the package), strict: unknown fields fail.
    The oldest Kubernetes the manifests target, and the newest the validator knows."""
    files = [str(path) for path in sorted(K8S.glob("*.yaml"))]
    chosen = [] if version == "newest" else ["--kubernetes-version", version]
    validated = subprocess.run(
        [BIN / "kubernetes-validate", "--strict", *chosen, *files], capture_output=True, text=True, timeout=120
    )
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert validated.stdout.count(" passed for resource ") == 4, validated.stdout
    assert {doc["kind"] for doc in kubernetes_documents()} == {
        "Deployment",
        "Service",
        "HorizontalPodAutoscaler",
        "PodDisruptionBudget",
    }


def test_the_kubernetes_objects_fit_together():
    (deployment,) = kubernetes_objects("Deployment")
    (service,) = kubernetes_objects("Service")
    (autoscaler,) = kubernetes_objects("HorizontalPodAutoscaler")
    (budget,) = kubernetes_objects("PodDisruptionBudget")
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    selector = deployment["spec"]["selector"]["matchLabels"]
    assert selector.items() <= labels.items()
    assert service["spec"]["selector"].items() <= labels.items()
    assert budget["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert autoscaler["spec"]["scaleTargetRef"] == {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "name": deployment["metadata"]["name"],
    }
    (metric,) = autoscaler["spec"]["metrics"]
    assert metric["resource"]["name"] == "cpu"

    pod = deployment["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    ports = {port["name"]: port["containerPort"] for port in container["ports"]}
    env = {item["name"]: item.get("value") for item in container["env"]}
    assert str(ports["http"]) == env["PORT"] == image_env()["PORT"]
    # The ingress controller's addresses, a network (never '*': any pod in the cluster can reach the Service).
    trusted = [item.strip() for item in env["DECLUTTER_TRUSTED_PROXIES"].split(",")]
    assert trusted and all(ipaddress.ip_network(item).num_addresses > 1 for item in trusted)
    assert any(port["targetPort"] in ("http", ports["http"]) for port in service["spec"]["ports"])
    for probe in ("readinessProbe", "livenessProbe"):
        check = container[probe]["httpGet"]
        assert check["path"] == "/healthz" and check["port"] in ("http", ports["http"])
        assert "httpHeaders" not in check  # kubelet's own Host, the pod's address: see the test below
    # A CPU autoscaler needs a CPU request to take a percentage of; gunicorn's worker count follows the limit.
    assert container["resources"]["requests"]["cpu"] and container["resources"]["limits"]["memory"]
    assert env["WEB_CONCURRENCY"]

    security = container["securityContext"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert security["readOnlyRootFilesystem"] is True and security["allowPrivilegeEscalation"] is False
    assert security["capabilities"]["drop"] == ["ALL"]
    mounts = {mount["mountPath"]: mount["name"] for mount in container["volumeMounts"]}
    volumes = {volume["name"]: volume for volume in pod["volumes"]}
    metrics_dir = env.get("PROMETHEUS_MULTIPROC_DIR") or image_env()["PROMETHEUS_MULTIPROC_DIR"]
    for writable in ("/tmp", metrics_dir):
        assert "emptyDir" in volumes[mounts[writable]], writable


def test_the_probes_and_scrapes_by_pod_address_are_answered_and_nothing_else_is():
    """kubelet sends the pod's IP as Host, and Prometheus' pod discovery scrapes the same address: the service
    with the Deployment's settings answers /healthz and /metrics for it, and refuses the API there."""
    (deployment,) = kubernetes_objects("Deployment")
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    env = {item["name"]: item["value"] for item in container["env"] if "value" in item}
    assert "DECLUTTER_TOKEN" in {item["name"] for item in container["env"]}  # /metrics answers any Host behind it
    allowed = tuple(name.strip() for name in env["DECLUTTER_ALLOWED_HOSTS"].split(","))
    client = create_app({"SETTINGS": Settings(allowed_hosts=allowed, token="s3cret")}).test_client()
    pod = {"Host": f"10.244.1.17:{env['PORT']}"}
    assert client.get("/healthz", headers=pod).status_code == 200
    assert client.get("/metrics", headers={**pod, "Authorization": "Bearer s3cret"}).status_code == 200
    assert client.get("/rules", headers=pod).get_json()["error"]["code"] == "host_not_allowed"
    named = {"Host": "declutter.example.org", "Authorization": "Bearer s3cret"}
    assert client.get("/rules", headers=named).status_code == 200


def test_the_master_freezes_the_preloaded_app_before_each_worker_forks():
    # its objects leave the collector's generations: a worker's full collection skips them
    frozen_before = gc.get_freeze_count()
    try:
        gunicorn_conf.pre_fork(None, None)
        assert gc.get_freeze_count() > frozen_before
    finally:
        gc.unfreeze()
