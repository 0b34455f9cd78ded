"""Generated speaker pages (``podcast_speaker_pages``).

Root ``speakerpages``: nia and oskar are declared only in conf.py and get pages
``speakers/nia`` and ``speakers/oskar``; pim also has a ``speaker`` directive on
people.md, which is his page. ep1 (MyST) times every turn and has a duration, so the
time on air is exact.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOTS, build_copy, has_class, parse, skip_unless, text, warnings_of
from sphinx.util.inventory import InventoryFile
from test_crosspage_incremental import bodies, build, edit, progress

from sphinx_podcast.model import Speaker
from sphinx_podcast.speaker_pages import page_docname, page_source
from sphinx_podcast.transforms import airtime

ROOT = ROOTS / "test-speakerpages"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """One serial build and one ``-j 2`` build of fresh copies of the root."""
    tmp = tmp_path_factory.mktemp("speakerpages")
    return build_copy("test-speakerpages", tmp, "serial", "1"), build_copy(
        "test-speakerpages", tmp, "parallel", "2"
    )


def test_pages_for_speakers_without_a_profile(built) -> None:  # type: ignore[no-untyped-def]
    serial, _parallel = built
    assert serial.status == 0
    assert serial.warnings == ""
    written = sorted(p.name for p in (serial.srcdir / "speakers").iterdir())
    assert written == ["nia.rst", "oskar.rst"]  # not pim: people.md has his profile
    # The title is the name as written, whatever rST would make of it.
    root = parse(serial.outdir / "speakers" / "oskar.html")
    assert text(root.xpath("//h1")[0]) == "Oskar *Vane* & Co¶"
    assert (serial.srcdir / "speakers" / "nia.rst").read_text(encoding="utf-8") == page_source(
        Speaker("nia", "Nia Castell"), "rst"
    )


def test_generated_page_content(built) -> None:  # type: ignore[no-untyped-def]
    serial, _parallel = built
    root = parse(serial.outdir / "speakers" / "nia.html")
    (page,) = root.xpath(f"//div[{has_class('podcast-speaker-page')}]")
    (profile,) = page.xpath(f".//div[{has_class('podcast-speaker-profile')}]")
    assert profile.get("id") == "speaker-nia"
    assert profile.get("data-speaker") == "nia"
    assert profile.xpath(".//img/@src") == ["../_images/nia.png"]
    assert text(profile.xpath(f".//p[{has_class('podcast-speaker-name')}]")[0]) == "Nia Castell"
    (meta,) = profile.xpath(f".//p[{has_class('podcast-speaker-meta')}]")
    assert text(meta) == "host · https://example.org/nia"
    assert meta.xpath(".//a/@href") == ["https://example.org/nia"]
    (bio,) = profile.xpath(f".//div[{has_class('podcast-speaker-bio')}]")
    assert text(bio) == "Nia presents Tideline from a boathouse."
    appearances = [
        text(li) for li in profile.xpath(f".//ul[{has_class('podcast-appearances')}]/li")
    ]
    # newest first; ep2's last turn has no end (no duration): 30 s are known
    assert appearances == [
        "Rope Stories (host, 1 turn, 00:30 on air)",
        "Knots and Currents (host, 2 turns, 02:00 on air)",
    ]
    oskar = parse(serial.outdir / "speakers" / "oskar.html")
    assert [text(li) for li in oskar.xpath(f"//ul[{has_class('podcast-appearances')}]/li")] == [
        "Knots and Currents (guest, 2 turns, 08:00 on air)"
    ]


def test_links_land_on_the_pages(built) -> None:  # type: ignore[no-untyped-def]
    serial, _parallel = built
    root = parse(serial.outdir / "ep1.html")
    labels = {
        turn.get("data-speaker"): turn.xpath(".//span[@class='podcast-speaker']/a/@href")[0]
        for turn in root.xpath(f"//div[{has_class('podcast-turn')}]")
    }
    assert labels == {
        "nia": "speakers/nia.html#speaker-nia",
        "oskar": "speakers/oskar.html#speaker-oskar",
    }
    ep2 = parse(serial.outdir / "ep2.html")
    assert ep2.xpath("//div[@data-speaker='pim']//span[@class='podcast-speaker']/a/@href") == [
        "people.html#speaker-pim"
    ]
    inventory = InventoryFile.loads((serial.outdir / "objects.inv").read_bytes(), uri="B")
    # the profile's second id, which Sphinx's search page can link to (the search index
    # reads the same entries; see domain.searchable_anchor)
    assert {name: item.uri for name, item in inventory.data["podcast:speaker"].items()} == {
        "nia": "B/speakers/nia.html#profile-nia",
        "oskar": "B/speakers/oskar.html#profile-oskar",
        "pim": "B/people.html#profile-pim",
    }
    for page, key in (("speakers/nia", "nia"), ("speakers/oskar", "oskar"), ("people", "pim")):
        (profile,) = parse(serial.outdir / f"{page}.html").xpath(f"//*[@id='speaker-{key}']")
        assert profile.xpath("./span/@id") == [f"profile-{key}"]
    index = parse(serial.outdir / "genindex.html")
    hrefs = index.xpath("//a[starts-with(@href, 'speakers/')]/@href")
    assert sorted(set(hrefs)) == [
        "speakers/nia.html#speaker-nia",
        "speakers/oskar.html#speaker-oskar",
    ]


def test_parallel_build_equals_serial(built) -> None:  # type: ignore[no-untyped-def]
    serial, parallel = built
    assert parallel.status == 0
    assert parallel.warnings == ""
    assert bodies(parallel.outdir) == bodies(serial.outdir)


def test_incremental_builds(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Generated pages are read once; a profile written later replaces the page, and
    its removal brings the page back; each result equals a clean build's."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    first = build(make_app, srcdir)
    # From scratch every speaker of conf.py gets a page file before reading; pim's
    # goes once people.md is read (his profile is there).
    assert sorted(progress(first, "reading sources")) == [
        "ep1",
        "ep2",
        "index",
        "people",
        "speakers/nia",
        "speakers/oskar",
        "speakers/pim",
    ]
    assert not (srcdir / "speakers" / "pim.rst").exists()
    outdir = Path(first.outdir)
    assert "speakers/nia" in progress(first, "writing output")

    second = build(make_app, srcdir)
    assert progress(second, "reading sources") == []
    assert progress(second, "writing output") == []

    profile = ":::{speaker} nia\n:role: host and editor\n\nNia also edits.\n:::\n"
    edit(srcdir / "people.md", None, profile)
    third = build(make_app, srcdir)
    assert warnings_of(third) == []
    assert not (srcdir / "speakers" / "nia.rst").exists()
    ep1 = parse(outdir / "ep1.html")
    assert ep1.xpath("//div[@data-speaker='nia']//span[@class='podcast-speaker']/a/@href")[0] == (
        "people.html#speaker-nia"
    )
    clean = tmp_path / "clean"
    shutil.copytree(srcdir, clean, ignore=shutil.ignore_patterns("_build", "speakers"))
    reference = build(make_app, clean, freshenv=True)
    incremental = bodies(outdir)
    expected = bodies(Path(reference.outdir))
    assert {page: incremental.get(page) for page in expected} == expected

    edit(srcdir / "people.md", profile, "")
    fourth = build(make_app, srcdir)
    assert warnings_of(fourth) == []
    assert (srcdir / "speakers" / "nia.rst").exists()
    assert "speakers/nia" in progress(fourth, "writing output")
    ep1 = parse(outdir / "ep1.html")
    assert ep1.xpath("//div[@data-speaker='nia']//span[@class='podcast-speaker']/a/@href")[0] == (
        "speakers/nia.html#speaker-nia"
    )


def test_a_page_the_author_wrote_is_never_replaced(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    (srcdir / "speakers").mkdir()
    mine = "---\norphan: true\n---\n# About Oskar\n\nMy own notes.\n"
    (srcdir / "speakers" / "oskar.md").write_text(mine, encoding="utf-8")
    app = build(make_app, srcdir)
    assert warnings_of(app) == [
        "speakers/oskar.md: WARNING: no page generated for speaker 'oskar': speakers/oskar "
        "is a page you wrote; put a speaker directive for 'oskar' on it, or set "
        "podcast_speaker_pages to another folder [podcast.speaker_page]"
    ]
    assert (srcdir / "speakers" / "oskar.md").read_text(encoding="utf-8") == mine
    assert not (srcdir / "speakers" / "oskar.rst").exists()


def test_myst_only_project_and_another_folder(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    edit(srcdir / "conf.py", None, 'podcast_speaker_pages = "who"\n')
    overrides = {"source_suffix": {".md": "markdown"}}
    app = build(make_app, srcdir, confoverrides=overrides)
    assert warnings_of(app) == []
    assert sorted(p.name for p in (srcdir / "who").iterdir()) == ["nia.md", "oskar.md"]
    root = parse(Path(app.outdir) / "who" / "oskar.html")
    assert text(root.xpath("//h1")[0]) == "Oskar *Vane* & Co¶"
    # Switched off: the generated files go, nothing else.
    off = build(make_app, srcdir, confoverrides={**overrides, "podcast_speaker_pages": False})
    assert warnings_of(off) == []
    assert not (srcdir / "who").exists()
    assert (srcdir / "people.md").exists()


def test_page_names() -> None:
    assert page_docname("speakers", "ada") == "speakers/ada"
    assert page_docname("people", "o'neil/2") == "people/o-neil-2"


def test_airtime_shares_untimed_turns_by_length() -> None:
    from docutils import nodes

    def turn(words: str) -> nodes.paragraph:
        return nodes.paragraph(words, words)

    timeline = [
        ("a", 10.0, turn("x" * 10)),
        ("b", None, turn("y" * 30)),  # shares 10..50 with a's turn: 3/4 of 40 s
        ("a", 50.0, turn("z")),
        ("b", None, turn("w")),  # after the last time, up to the duration: half each
    ]
    assert airtime(timeline, 70.0) == {"a": 10.0 + 10.0, "b": 30.0 + 10.0}
    assert airtime(timeline, None) == {"a": 10.0, "b": 30.0}
    # before the first time: from the start
    assert airtime([("a", None, turn("x")), ("b", 20.0, turn("y"))], 30.0) == {
        "a": 20.0,
        "b": 10.0,
    }


@contextlib.contextmanager
def read_only(directory: Path) -> Iterator[str]:
    """*directory* made read-only for the build: without write permission, or, for root
    (whom permissions do not stop), immutable (``chattr +i``). Yields the reason the
    system gives for refusing a write there."""
    chattr = shutil.which("chattr") or "chattr"
    if os.geteuid() != 0:
        directory.chmod(0o555)
    else:
        done = subprocess.run([chattr, "+i", str(directory)], capture_output=True, check=False)
        skip_unless(done.returncode == 0, f"chattr +i {directory}: {done.stderr!r}")
    try:
        with pytest.raises(OSError) as refused:  # really read-only
            (directory / "probe").mkdir()
        yield refused.value.strerror
    finally:
        if os.geteuid() != 0:
            directory.chmod(0o755)
        else:
            subprocess.run([chattr, "-i", str(directory)], check=True)


def test_a_read_only_source_directory_gives_a_warning_not_a_traceback(
    make_app, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + "podcast_speaker_pages = True\n")
    line = len(conf.read_text(encoding="utf-8").splitlines())
    with read_only(srcdir) as reason:
        app = build(make_app, srcdir, builddir=tmp_path / "build")
    assert warnings_of(app) == [
        f"conf.py:{line}: WARNING: speaker pages cannot be written: {reason} "
        "(speakers/nia.rst); speakers without a speaker directive have no page in this build "
        "(set podcast_speaker_pages = False not to generate them) [podcast.speaker_page]"
    ]
    assert "Traceback" not in app.status.getvalue() + app.warning.getvalue()
    assert not (srcdir / "speakers").exists()
    # the episodes are built; nia and oskar have no page, and no link leads to one
    outdir = Path(app.outdir)
    assert not (outdir / "speakers").exists()
    turns = parse(outdir / "ep1.html").xpath(f"//div[{has_class('podcast-turn')}]/@data-speaker")
    assert turns == ["nia", "oskar", "nia", "oskar"]
    hrefs = [href for page in outdir.glob("*.html") for href in parse(page).xpath("//a/@href")]
    assert "people.html#speaker-pim" in hrefs
    assert [href for href in hrefs if "speakers/" in href] == []
