"""`sphinx-build -j 4` gives exactly what a serial build gives: pages, inventory, warnings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOTS, build_copy, skip_unless
from sphinx.util.parallel import parallel_available


def sphinx_build(tmp_path: Path, name: str, jobs: str) -> tuple[Path, list[str], str]:
    """Build a fresh copy of test-parallel; return (outdir, warning lines, status output)."""
    done = build_copy("test-parallel", tmp_path, name, jobs)
    assert done.status == 0, done.stderr
    srcdir = str(done.srcdir)
    lines = [line.replace(srcdir, "SRC") for line in done.warnings.splitlines() if line.strip()]
    return done.outdir, lines, done.stdout


@pytest.fixture(scope="module")
def builds(tmp_path_factory):  # type: ignore[no-untyped-def]
    skip_unless(parallel_available, "parallel builds need fork (POSIX)")
    tmp_path = tmp_path_factory.mktemp("parallel")
    serial = sphinx_build(tmp_path, "serial", "1")
    parallel = sphinx_build(tmp_path, "parallel", "4")
    return serial, parallel


def test_root_is_big_enough() -> None:
    pages = [p for p in (ROOTS / "test-parallel").iterdir() if p.suffix in (".md", ".rst")]
    assert len(pages) >= 8


def test_parallel_build_really_ran_in_parallel(builds) -> None:  # type: ignore[no-untyped-def]
    (_, _, serial_out), (_, _, parallel_out) = builds
    # Parallel reading reports chunks of documents ("ep01 .. ep02"), serial reading one each.
    assert re.search(r"^reading sources\.\.\. \[[ \d]+%\] \S+ \.\. \S+$", parallel_out, re.M)
    assert not re.search(r"^reading sources\.\.\. .* \.\. ", serial_out, re.M)


def test_same_html(builds) -> None:  # type: ignore[no-untyped-def]
    (serial_dir, _, _), (parallel_dir, _, _) = builds
    serial = sorted(p.relative_to(serial_dir) for p in serial_dir.rglob("*.html"))
    parallel = sorted(p.relative_to(parallel_dir) for p in parallel_dir.rglob("*.html"))
    assert serial == parallel
    expected = {f"ep0{n}.html" for n in range(1, 8)} | {"index.html", "people.html", "guests.html"}
    assert expected <= {str(p) for p in serial}
    different = [
        str(p) for p in serial if (serial_dir / p).read_bytes() != (parallel_dir / p).read_bytes()
    ]
    assert different == []
    # The pages have turns: the comparison is about something.
    assert (serial_dir / "ep02.html").read_text(encoding="utf-8").count('class="podcast-turn ') == 5


def test_same_inventory(builds) -> None:  # type: ignore[no-untyped-def]
    (serial_dir, _, _), (parallel_dir, _, _) = builds
    assert (serial_dir / "objects.inv").read_bytes() == (parallel_dir / "objects.inv").read_bytes()


def test_same_warnings(builds) -> None:  # type: ignore[no-untyped-def]
    (_, serial, _), (_, parallel, _) = builds
    expected = [
        "SRC/ep06.rst:4: WARNING: episode number 5 is also used by 'ep05' "
        "[podcast.duplicate_number]",
        "SRC/ep04.rst:27: WARNING: unknown speaker 'Captain': left as bold text, and not "
        "part of the turn before it (podcast_strict_speakers) [podcast.unknown_speaker]",
        "SRC/people.md:7: WARNING: duplicate profile for speaker 'ada' "
        "(already at guests:6); this one is not linked [podcast.duplicate_speaker]",
    ]
    assert sorted(serial) == sorted(expected)
    assert sorted(parallel) == sorted(serial)
