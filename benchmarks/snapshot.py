"""Snapshot the built output of every test root and the demo, and diff two snapshots.

A speed-up must not change what a build writes (issue 17: byte-for-byte HTML and
transcript files before and after). Take a snapshot before the change, one after, and
compare them:

    python benchmarks/snapshot.py build /tmp/before          # on the old commit
    python benchmarks/snapshot.py build /tmp/after           # on the new one
    python benchmarks/snapshot.py diff /tmp/before /tmp/after

``build`` copies each root of ``tests/roots`` (and ``demo_docs``) to the same fixed
place (paths can end up in warnings), builds it with ``sphinx-build -b html -E`` in
its own process with ``SOURCE_DATE_EPOCH`` set (the feed's build date), and keeps the
output (without ``.doctrees``) and the warnings in ``SNAPSHOT/<root>/``. ``--jobs``
passes ``-j`` on; ``--roots`` picks roots by name. ``diff`` lists every file that is
missing on one side or differs, and exits 1 if there is one.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
ROOTS = REPO / "tests" / "roots"
DEMO = REPO / "demo_docs"
EPOCH = "1767225600"  # 2026-01-01, the feed's lastBuildDate in every snapshot
BUILDING = Path(tempfile.gettempdir()) / "sphinx-podcast-snapshot-src"


def sources(names: list[str] | None) -> dict[str, Path]:
    """The source directory of every root to build, by name (``demo`` for demo_docs)."""
    found = {path.name: path for path in sorted(ROOTS.glob("test-*")) if path.is_dir()}
    found["demo"] = DEMO
    if names:
        unknown = sorted(set(names) - set(found))
        if unknown:
            raise SystemExit(f"unknown roots: {', '.join(unknown)}")
        return {name: found[name] for name in names}
    return found


def build_root(name: str, srcdir: Path, snapshot: Path, python: str, jobs: str | None) -> int:
    """Build one root into ``snapshot/name``; return sphinx-build's exit status."""
    copy = BUILDING / name
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(srcdir, copy, ignore=shutil.ignore_patterns("_build", "__pycache__"))
    outdir = snapshot / name
    if outdir.exists():
        shutil.rmtree(outdir)
    doctrees = BUILDING / f"{name}.doctrees"
    shutil.rmtree(doctrees, ignore_errors=True)
    command = [python, "-m", "sphinx", "-b", "html", "-E", "-q", "-d", str(doctrees)]
    if jobs:
        command += ["-j", jobs]
    command += [str(copy), str(outdir)]
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_COLOR": "1"}
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    outdir.mkdir(parents=True, exist_ok=True)
    # warnings in the order Sphinx printed them (-j may reorder them: compare sorted)
    (outdir / "_snapshot-warnings.txt").write_text(done.stderr, encoding="utf-8")
    (outdir / "_snapshot-status.txt").write_text(f"{done.returncode}\n", encoding="utf-8")
    shutil.rmtree(doctrees, ignore_errors=True)
    shutil.rmtree(copy)
    return done.returncode


def files_of(root: Path) -> set[Path]:
    return {path.relative_to(root) for path in root.rglob("*") if path.is_file()}


def diff(before: Path, after: Path) -> list[str]:
    """Every difference between two snapshots, one line each."""
    old, new = files_of(before), files_of(after)
    lines = [f"only in {before}: {path}" for path in sorted(old - new)]
    lines += [f"only in {after}: {path}" for path in sorted(new - old)]
    for path in sorted(old & new):
        if not filecmp.cmp(before / path, after / path, shallow=False):
            lines.append(f"differs: {path}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build every root into SNAPSHOT/<root>")
    build.add_argument("snapshot", type=Path)
    build.add_argument("--roots", nargs="*", help="only these roots (test-basic, demo, ...)")
    build.add_argument("--jobs", "-j", default=None, help="passed to sphinx-build -j")
    build.add_argument("--python", default=sys.executable, help="interpreter with Sphinx")
    compare = commands.add_parser("diff", help="compare two snapshots")
    compare.add_argument("before", type=Path)
    compare.add_argument("after", type=Path)
    args = parser.parse_args(argv)

    if args.command == "diff":
        lines = diff(args.before, args.after)
        print("\n".join(lines) if lines else "identical")
        return 1 if lines else 0
    for name, srcdir in sources(args.roots).items():
        status = build_root(name, srcdir, args.snapshot.resolve(), args.python, args.jobs)
        print(f"{name}: exit {status}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
