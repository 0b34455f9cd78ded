"""What the commands share: the reporter, the exit on a wrong command line, small checks."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from ..importers import InputError
from ..importers.textfile import TooLargeError
from ..model import TimeFormatError, parse_time
from ..writing import TextStyle, write_atomic


class UsageError(Exception):
    """A wrong command line (exit status 2)."""


@dataclass
class Reporter:
    quiet: bool = False
    verbose: bool = False
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    errors: int = 0
    warnings: int = 0

    def progress(self, message: str) -> None:
        if not self.quiet:
            print(message, file=self.err)

    def info(self, message: str) -> None:
        if self.verbose and not self.quiet:
            print(message, file=self.err)

    def warning(self, message: str) -> None:
        self.warnings += 1
        print(f"warning: {message}", file=self.err)

    def error(self, message: str) -> None:
        self.errors += 1
        print(f"error: {message}", file=self.err)

    def input_error(self, error: InputError) -> None:
        hint = " (--max-size MB raises the limit)" if isinstance(error, TooLargeError) else ""
        self.error(f"{error}{hint}")


def reason(error: OSError) -> str:
    return error.strerror or str(error)


#: What a source we failed to foresee may raise: one error for it, and on with the others.
UNFORESEEN = (ValueError, TypeError, KeyError, IndexError, ArithmeticError, RecursionError)


def same_file(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve() or first.samefile(second)
    except OSError:
        return False


def is_time(text: str) -> bool:
    try:
        parse_time(text)
    except TimeFormatError:
        return False
    return True


def where(filename: str, line: int) -> str:
    return f"{filename}:{line}" if line else filename


def write_or_show(
    path: Path,
    text: str,
    args: argparse.Namespace,
    reporter: Reporter,
    *,
    backup: bool = False,
    style: TextStyle | None = None,
    clean: bool = True,
) -> None:
    """Write *text* to *path* (atomically), or with ``--dry-run`` show it; *clean* as
    for :func:`.writing.write_atomic`."""
    if args.dry_run:
        print(f"==> {path} <==", file=reporter.out)
        print(text, end="" if text.endswith("\n") else "\n", file=reporter.out)
        return
    write_atomic(path, text, backup=backup, style=style, clean=clean)


def limit(args: argparse.Namespace) -> int:
    """The size limit of a source, in bytes (``--max-size`` is in MB)."""
    return int(args.max_size * 2**20)
