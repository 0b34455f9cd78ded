"""The package declares every distribution it imports.

A module that only a feed, a PDF or an import needs is imported lazily, so a build
without that feature does not notice when its distribution is missing; this test
reads every import of the package instead.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sphinx_podcast"


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_modules() -> set[str]:
    """Top-level names of every module the package imports, lazily or not."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found


def test_every_imported_distribution_is_a_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {
        _normalized(re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0])
        for requirement in project["dependencies"]
    }
    distributions = importlib.metadata.packages_distributions()
    third_party = sorted(
        name
        for name in imported_modules()
        if name not in sys.stdlib_module_names and name not in {"sphinx_podcast", "__future__"}
    )
    assert third_party, "the package imports Sphinx at least"
    missing = {
        name: distributions.get(name, [name])
        for name in third_party
        if not {_normalized(d) for d in distributions.get(name, [name])} & declared
    }
    assert missing == {}
