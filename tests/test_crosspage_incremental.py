"""Cross-page content under incremental and parallel builds.

Root ``crosspage``: five episodes (ep01..ep05, MyST and rST), a people page with
profiles, ``lists`` (cards, a table, a filtered list, the speaker list) and ``about``
(role links whose text is an episode title or a speaker name). After each edit, the
incremental build of a project is compared with a clean build of the same sources:
the page bodies (lists, profiles, headers, role texts, the index) must be identical.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html
import pytest
from conftest import ROOTS, build_copy, skip_unless, warnings_of, without_colours
from sphinx.util.parallel import parallel_available

EPISODES = ["ep01", "ep02", "ep03", "ep04", "ep05"]


def edit(path: Path, old: str | None, new: str) -> None:
    """Replace *old* (which must occur once) by *new*; append *new* when *old* is None."""
    content = path.read_text(encoding="utf-8") if path.exists() else ""
    if old is None:
        content = content.rstrip("\n") + "\n\n" + new if content else new
    else:
        assert content.count(old) == 1, old
        content = content.replace(old, new)
    time.sleep(0.01)  # a later mtime than the previous build's reading time
    path.write_text(content, encoding="utf-8")


def progress(app, phase: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The documents of the "reading sources... [ 50%] name" (or "writing output...") lines."""
    status = without_colours(app.status.getvalue())
    return re.findall(rf"^{phase}\.\.\. \[\s*\d+%\] (\S+)\s*$", status, re.M)


def build(make_app, srcdir: Path, **kwargs: object):  # type: ignore[no-untyped-def]
    app = make_app("html", srcdir=srcdir, **kwargs)
    app.build()
    app.cleanup()
    return app


def bodies(outdir: Path) -> dict[str, str]:
    """Page -> the serialized ``div.body`` of every html page (not _sources, nor the
    episodes' HTML transcripts, which are no pages)."""
    result = {}
    for path in sorted(outdir.rglob("*.html")):
        if "_sources" in path.parts or path.name.endswith(".transcript.html"):
            continue
        root = lxml.html.parse(str(path)).getroot()
        (body,) = root.xpath("//div[@role='main']")
        result[str(path.relative_to(outdir))] = lxml.html.tostring(body, encoding="unicode")
    return result


def html_mtimes(outdir: Path) -> dict[str, int]:
    return {
        str(path.relative_to(outdir)): path.stat().st_mtime_ns
        for path in outdir.rglob("*.html")
        if "_sources" not in path.parts
    }


def page_text(outdir: Path, page: str) -> str:
    root = lxml.html.parse(str(outdir / page)).getroot()
    return " ".join(root.xpath("//div[@role='main']")[0].text_content().split())


def nav(outdir: Path, page: str) -> list[tuple[str, str]]:
    """(label, href) of the previous/next links in an episode's header."""
    root = lxml.html.parse(str(outdir / page)).getroot()
    return [
        (link.getprevious().text_content(), link.get("href"))
        for link in root.xpath("//p[contains(@class, 'podcast-episode-nav')]/span/a")
    ]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    srcdir = tmp_path / "incremental"
    shutil.copytree(ROOTS / "test-crosspage", srcdir)
    return srcdir


def clean_bodies(make_app, tmp_path: Path, srcdir: Path) -> dict[str, str]:  # type: ignore[no-untyped-def]
    clean = tmp_path / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    shutil.copytree(srcdir, clean, ignore=shutil.ignore_patterns("_build"))
    app = build(make_app, clean, freshenv=True)
    assert warnings_of(app) == []
    return bodies(Path(app.outdir))


def assert_same_as_clean(make_app, tmp_path: Path, srcdir: Path, outdir: Path) -> None:  # type: ignore[no-untyped-def]
    clean = clean_bodies(make_app, tmp_path, srcdir)
    incremental = bodies(outdir)
    # Pages the clean build has (a deleted page's old output may stay behind).
    assert {page: incremental.get(page) for page in clean} == clean


# -- the edits ---------------------------------------------------------------------


def edit_title_and_guests(srcdir: Path) -> None:
    edit(srcdir / "ep03.md", "# Data at Dawn", "# Data at Dusk")
    edit(srcdir / "ep03.md", ":guests: ada", ":guests: bo, kim")


def add_episode(srcdir: Path) -> None:
    edit(
        srcdir / "ep06.md",
        None,
        "# Knots for Beginners\n\n"
        ":::{episode}\n:number: 6\n:date: 2025-06-22\n:hosts: sam\n:guests: ada, bo\n\n"
        "Ada and Bo teach three knots.\n:::\n\n"
        "## Knots\n\n**Ada**: A bowline first.\n\n**Bo**: Then a clove hitch.\n",
    )
    edit(srcdir / "index.md", "ep05\n", "ep05\nep06\n")


def delete_episode(srcdir: Path) -> None:
    (srcdir / "ep02.rst").unlink()
    edit(srcdir / "index.md", "ep02\n", "")


def rename_speaker(srcdir: Path) -> None:
    edit(srcdir / "people.md", ":name: Rui Brandão", ":name: Rui Brandão-Silva")


def check_title_and_guests(outdir: Path) -> None:
    lists = page_text(outdir, "lists.html")
    assert "Data at Dusk" in lists and "Data at Dawn" not in lists
    assert "Next: Data at Dusk" in page_text(outdir, "ep02.html")
    assert "Previous: Data at Dusk" in page_text(outdir, "ep04.html")
    assert "Data at Dusk" in page_text(outdir, "about.html")
    people = page_text(outdir, "people.html")
    assert "Data at Dusk (guest)" in people  # bo's, now a guest with no turns
    assert "Data at Dusk (2 turns)" in people  # ada's, no longer a guest


def check_added(outdir: Path) -> None:
    assert "Knots for Beginners" in page_text(outdir, "lists.html")
    assert "Next: Knots for Beginners" in page_text(outdir, "ep05.html")
    assert "Knots for Beginners (guest, 1 turn)" in page_text(outdir, "people.html")
    assert "Also with Bo Marsh: Knots for Beginners" in page_text(outdir, "ep04.html")


def check_deleted(outdir: Path) -> None:
    assert "Winches and Ropes" not in page_text(outdir, "lists.html")
    assert "Winches and Ropes" not in page_text(outdir, "people.html")
    assert nav(outdir, "ep01.html") == [("Next:", "ep03.html")]
    assert nav(outdir, "ep03.html")[0] == ("Previous:", "ep01.html")


def check_renamed(outdir: Path) -> None:
    for page in ("lists.html", "people.html", "about.html", "ep01.html", "ep05.html"):
        assert "Rui Brandão-Silva" in page_text(outdir, page), page


def change_turn_speaker(srcdir: Path) -> None:
    edit(
        srcdir / "ep03.md",
        "**Ada**: The tables are rarely wrong.",
        "**Bo**: The tables are rarely wrong.",
    )


def check_turn_speaker(outdir: Path) -> None:
    people = page_text(outdir, "people.html")
    assert "Data at Dawn (guest, 1 turn)" in people  # ada's
    assert "Data at Dawn (1 turn)" in people  # bo's, who speaks without being listed
    assert "Also with Bo Marsh: Data at Dawn, Winches and Ropes" in page_text(outdir, "ep04.html")


EDITS: dict[str, tuple[Callable[[Path], None], Callable[[Path], None]]] = {
    "title-and-guests": (edit_title_and_guests, check_title_and_guests),
    "add-episode": (add_episode, check_added),
    "delete-episode": (delete_episode, check_deleted),
    "rename-speaker": (rename_speaker, check_renamed),
    "turn-speaker": (change_turn_speaker, check_turn_speaker),
}


@pytest.mark.parametrize("change", list(EDITS))
def test_incremental_equals_clean(make_app, project: Path, tmp_path: Path, change: str) -> None:  # type: ignore[no-untyped-def]
    apply, check = EDITS[change]
    first = build(make_app, project)
    assert warnings_of(first) == []
    outdir = Path(first.outdir)
    before = bodies(outdir)

    apply(project)
    second = build(make_app, project)
    assert warnings_of(second) == []
    # An incremental build, not a full one.
    assert len(progress(second, "reading sources")) < len(progress(first, "reading sources"))
    check(outdir)
    assert bodies(outdir) != before
    assert_same_as_clean(make_app, tmp_path, project, outdir)


def test_all_edits_in_a_row(make_app, project: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Edits (a) to (d) one after the other on one project, compared after each."""
    outdir = Path(build(make_app, project).outdir)
    for change in ("title-and-guests", "add-episode", "delete-episode", "rename-speaker"):
        apply, check = EDITS[change]
        apply(project)
        app = build(make_app, project)
        assert warnings_of(app) == [], change
        check(outdir)
        assert_same_as_clean(make_app, tmp_path, project, outdir)


def test_title_edit_rewrites_the_pages_that_show_it(make_app, project: Path) -> None:  # type: ignore[no-untyped-def]
    build(make_app, project)
    edit(project / "ep03.md", "# Data at Dawn", "# Data at Dusk")
    app = build(make_app, project)
    assert progress(app, "reading sources") == ["ep03"]
    # ep02 and ep04 (previous/next), ep01 (ada's other episodes), ep04 (bo's and
    # ada's), the lists, the profiles and the page linking to ep03 by role; index
    # because Sphinx re-writes the page whose toctree holds a re-read page. Not ep05.
    assert sorted(progress(app, "writing output")) == [
        "about",
        "ep01",
        "ep02",
        "ep03",
        "ep04",
        "index",
        "lists",
        "people",
    ]


def test_turn_text_edit_rewrites_only_that_page(make_app, project: Path) -> None:  # type: ignore[no-untyped-def]
    first = build(make_app, project)
    outdir = Path(first.outdir)
    assert sorted(progress(first, "writing output")) == sorted(
        [*EPISODES, "about", "index", "lists", "people", "speakers/kim"]
    )
    before = html_mtimes(outdir)
    old_bodies = bodies(outdir)

    edit(
        project / "ep03.md",
        "Low water at six, as the tables promised.",
        "Low water at ten past six, as the tables promised.",
    )
    second = build(make_app, project)
    assert warnings_of(second) == []
    assert progress(second, "reading sources") == ["ep03"]
    # Sphinx itself re-writes the page whose toctree holds a re-read page (index).
    assert sorted(progress(second, "writing output")) == ["ep03", "index"]

    after = html_mtimes(outdir)
    changed = sorted(page for page in after if after[page] != before.get(page))
    # genindex and search are written by every html build; ep03's HTML transcript has the
    # new words too.
    assert changed == [
        "ep03.html",
        "ep03.transcript.html",
        "genindex.html",
        "index.html",
        "search.html",
    ]
    new_bodies = bodies(outdir)
    assert [page for page in new_bodies if new_bodies[page] != old_bodies[page]] == ["ep03.html"]
    assert "Low water at ten past six" in page_text(outdir, "ep03.html")


def test_bio_edit_rewrites_only_the_profile_page(make_app, project: Path) -> None:  # type: ignore[no-untyped-def]
    """A bio is shown on its profile only: the pages with turns, the lists and the
    headers do not show it, so they are not written again."""
    build(make_app, project)
    edit(project / "people.md", "Bo Marsh builds wooden dinghies.", "Bo Marsh builds dinghies.")
    app = build(make_app, project)
    assert progress(app, "reading sources") == ["people"]
    assert sorted(progress(app, "writing output")) == ["index", "people"]


def test_nothing_changed_writes_nothing(make_app, project: Path) -> None:  # type: ignore[no-untyped-def]
    build(make_app, project)
    app = build(make_app, project)
    assert progress(app, "reading sources") == []
    assert progress(app, "writing output") == []


# -- -j 4 equals serial ---------------------------------------------------------------


def sphinx_build(tmp_path: Path, name: str, jobs: str) -> tuple[Path, str]:
    done = build_copy("test-crosspage", tmp_path, name, jobs)
    assert done.status == 0, done.stderr
    assert done.warnings == ""
    return done.outdir, done.stdout


def test_root_is_big_enough() -> None:
    pages = [p for p in (ROOTS / "test-crosspage").iterdir() if p.suffix in (".md", ".rst")]
    assert len(pages) >= 8


def test_parallel_equals_serial(tmp_path: Path) -> None:
    skip_unless(parallel_available, "parallel builds need fork (POSIX)")
    serial, _serial_out = sphinx_build(tmp_path, "serial", "1")
    parallel, parallel_out = sphinx_build(tmp_path, "parallel", "4")
    # The parallel build really read in chunks.
    assert re.search(r"^reading sources\.\.\. \[[ \d]+%\] \S+ \.\. \S+$", parallel_out, re.M)

    def outputs(outdir: Path) -> dict[str, bytes]:
        files = [*sorted(outdir.rglob("*.html")), outdir / "objects.inv"]
        return {
            str(p.relative_to(outdir)): p.read_bytes() for p in files if "_sources" not in p.parts
        }

    serial_files, parallel_files = outputs(serial), outputs(parallel)
    assert sorted(serial_files) == sorted(parallel_files)
    assert {f"{name}.html" for name in [*EPISODES, "lists", "people", "about"]} <= set(serial_files)
    assert [name for name in serial_files if serial_files[name] != parallel_files[name]] == []
    # The pages do show cross-page data.
    lists = serial_files["lists.html"].decode("utf-8")
    assert lists.count("sd-card-title") == len(EPISODES)
    assert "podcast-speaker-list" in lists
