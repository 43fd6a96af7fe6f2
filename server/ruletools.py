"""`declutter rules ...`: tooling for rule authors (check, new, explain, import-ftr)."""

from __future__ import annotations

import argparse


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Register the `rules` command group on the CLI."""
    rules = commands.add_parser("rules", help="check, scaffold, explain and import site rules")
    rules.set_defaults(handler=lambda args: rules.print_help() or 2)
