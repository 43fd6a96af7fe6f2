"""`declutter rules ...`: tooling for rule authors, one module per command (check, new, explain, import-ftr, add).

This package only wires the commands into the CLI; what they share (file locations, the generic layer,
the placeholder) is in `shared`.
"""

from __future__ import annotations

import argparse
import logging

from . import add, check, explain, import_ftr, new
from .check import check_file
from .import_ftr import convert_ftr
from .shared import fixture_dir, rule_files

log = logging.getLogger(__name__)

# Kept importable from the package: bench/goldens.py and the tests use them.
__all__ = ["add_commands", "check_file", "convert_ftr", "fixture_dir", "rule_files"]


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Register the `rules` command group on the CLI."""
    rules = commands.add_parser("rules", help="check, scaffold, explain, import and add site rules")
    rules.set_defaults(handler=lambda args: rules.print_help() or 2)
    sub = rules.add_subparsers(title="rules commands", metavar="COMMAND")
    for command in (check, new, explain, import_ftr, add):
        command.add_parser(sub)
