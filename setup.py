"""What the wheel holds, which pyproject.toml cannot compute: server's packages with their templates, and the rule
files. rules/ stays at the top of the repository for contributors; a wheel ships it as server/data/rules, where
server/config.py looks first (an editable install reads the checkout's rules/)."""

from pathlib import Path

from setuptools import find_namespace_packages, setup

RULES = Path(__file__).parent / "rules"
RULE_PACKAGES = {
    "server.data.rules": "rules",
    **{f"server.data.rules.{folder.name}": f"rules/{folder.name}" for folder in RULES.iterdir() if folder.is_dir()},
}

setup(
    packages=[*find_namespace_packages(include=["server", "server.*"], exclude=["*__pycache__"]), *RULE_PACKAGES],
    package_dir=RULE_PACKAGES,
    package_data={
        "server.web.templates": ["*.html", "*.css", "*.js"],
        "server.attributions.speakers": ["given_names.txt"],
        "server.data.rules": ["schema.json"],
        **{package: ["*.yaml"] for package in RULE_PACKAGES if package != "server.data.rules"},
    },
)
