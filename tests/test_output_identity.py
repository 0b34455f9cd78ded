"""A site's output does not depend on how it was built: a full serial build, a full
``-j 2`` build and an incremental build that ends with the same sources write the
same bytes (pages, transcript files, feed); a rebuild with nothing changed rewrites
none of our files (issue 17).

benchmarks/snapshot.py compares the output of every test root before and after a
change; these tests keep the build modes in step.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import time
from pathlib import Path

import pytest
from conftest import ROOTS, skip_unless
from sphinx.util.parallel import parallel_available

#: Roots with episodes in MyST and rST, transcript files, speaker pages; test-feed
#: writes the feed.
COMPARED = ("test-parallel", "test-feed")
#: What Sphinx itself writes again on every build, even with nothing changed.
SPHINX_REWRITES = {".buildinfo", "genindex.html", "search.html", "objects.inv", "searchindex.js"}
OUR_STATIC = ("_static/podcast.css", "_static/podcast.js")


def sphinx(srcdir: Path, outdir: Path, *options: str) -> None:
    """``sphinx-build -b html -N -q`` (in this process), doctrees in ``outdir/.doctrees``."""
    from sphinx.cmd.build import build_main

    arguments = ["-b", "html", "-N", "-q", "-d", str(outdir / ".doctrees"), *options]
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        status = build_main([*arguments, str(srcdir), str(outdir)])
    assert status == 0


def output(outdir: Path) -> dict[str, bytes]:
    """Every file written, by path (the doctrees and Sphinx's build info aside)."""
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and ".doctrees" not in path.parts and path.name != ".buildinfo"
    }


def modification_times(outdir: Path) -> dict[str, int]:
    return {
        path.relative_to(outdir).as_posix(): path.stat().st_mtime_ns
        for path in outdir.rglob("*")
        if path.is_file() and ".doctrees" not in path.parts
    }


def edit_a_turn(srcdir: Path) -> tuple[Path, str]:
    """Append words to the first bold turn of the first MyST page that has one; the page
    and its text before the edit."""
    for page in sorted(srcdir.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        lines = text.split("\n")
        for index, line in enumerate(lines):
            if line.startswith("**"):
                lines[index] = line + " Some words said in between."
                page.write_text("\n".join(lines), encoding="utf-8")
                return page, text
    raise AssertionError(f"no turn in {srcdir}")


def differences(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    names = sorted(set(first) | set(second))
    return [name for name in names if first.get(name) != second.get(name)]


@pytest.fixture(scope="module", params=COMPARED)
def root(request, tmp_path_factory):  # type: ignore[no-untyped-def]
    """(source copy, output of a full serial build) of a root."""
    tmp_path = tmp_path_factory.mktemp(request.param)
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / request.param, srcdir)
    serial = tmp_path / "serial"
    sphinx(srcdir, serial, "-E")
    return srcdir, serial


def test_the_comparison_is_about_something(root) -> None:  # type: ignore[no-untyped-def]
    _srcdir, serial = root
    written = output(serial)
    assert any(name.endswith(".vtt") for name in written)
    assert any(name.endswith(".srt") for name in written)
    assert any(name.endswith(".transcript.html") for name in written)
    assert any(b'class="podcast-turn ' in data for data in written.values())
    if serial.parent.name.startswith("test-feed"):
        assert b"<item>" in written["feed.xml"]


def test_parallel_build_writes_the_same_bytes(root, tmp_path) -> None:  # type: ignore[no-untyped-def]
    skip_unless(parallel_available, "parallel builds need fork (POSIX)")
    srcdir, serial = root
    parallel = tmp_path / "parallel"
    sphinx(srcdir, parallel, "-E", "-j", "2")
    assert differences(output(serial), output(parallel)) == []


def test_incremental_build_writes_the_same_bytes(root, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Built with a turn edited, then rebuilt with the page as it was: the output is the
    full build's (the page and its transcript files follow the edit and come back)."""
    srcdir, serial = root
    edited_src = tmp_path / "src"
    shutil.copytree(srcdir, edited_src)
    page, original = edit_a_turn(edited_src)
    incremental = tmp_path / "incremental"
    sphinx(edited_src, incremental, "-E")
    edited = output(incremental)
    changed = differences(output(serial), edited)
    stem = page.relative_to(edited_src).with_suffix("").as_posix()
    assert f"{stem}.html" in changed and f"{stem}.vtt" in changed and f"{stem}.txt" in changed
    page.write_text(original, encoding="utf-8")
    time.sleep(0.01)  # a modification time Sphinx sees as newer
    sphinx(edited_src, incremental)
    # Sphinx's search index keeps what it once indexed (a plain MyST site's too)
    assert differences(output(serial), output(incremental)) in ([], ["searchindex.js"])


def test_rebuild_with_nothing_changed_rewrites_none_of_our_files(root, tmp_path) -> None:  # type: ignore[no-untyped-def]
    srcdir, _serial = root
    outdir = tmp_path / "out"
    sphinx(srcdir, outdir)
    before = modification_times(outdir)
    time.sleep(0.01)
    sphinx(srcdir, outdir)
    after = modification_times(outdir)
    assert set(after) == set(before)
    changed = sorted(name for name in after if after[name] != before[name])
    ours = [
        name
        for name in changed
        if name not in SPHINX_REWRITES and (not name.startswith("_static/") or name in OUR_STATIC)
    ]
    assert ours == []
    # our files were there to be rewritten: pages, transcripts, the feed, our assets
    assert any(name.endswith(".vtt") for name in after)
    assert all(name in after for name in OUR_STATIC)
