"""tests/roots/test-basic builds with every standard builder, without a single warning."""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest
from conftest import ROOTS, has_class, warnings_of

BUILDERS = [
    "html",
    "dirhtml",
    "singlehtml",
    "epub",
    "latex",
    "text",
    "man",
    "texinfo",
    "xml",
    "pseudoxml",
    "gettext",
]


@pytest.fixture
def build(make_app, tmp_path):  # type: ignore[no-untyped-def]
    """Build a fresh copy of test-basic with *buildername* (no environment shared)."""

    def run(buildername: str, **confoverrides: object):  # type: ignore[no-untyped-def]
        srcdir = tmp_path / "basic"
        shutil.copytree(ROOTS / "test-basic", srcdir)
        app = make_app(buildername, srcdir=srcdir, freshenv=True, confoverrides=confoverrides)
        app.build()
        return app

    return run


@pytest.mark.parametrize("buildername", BUILDERS)
def test_builds_without_warnings(build, buildername: str) -> None:  # type: ignore[no-untyped-def]
    app = build(buildername)
    assert app.builder.name == buildername
    assert warnings_of(app) == []
    assert any(Path(app.outdir).iterdir())


def test_text_turns(build) -> None:  # type: ignore[no-untyped-def]
    app = build("text")
    lines = (Path(app.outdir) / "episode.txt").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line.startswith("Ada Example [01:12]: ")] == [
        "Ada Example [01:12]: I publish the tide gauge readings of our harbour"
    ]
    assert [line for line in lines if line.startswith("Sam Host: ")] == [
        "Sam Host: Welcome back to Harbour Signals. What keeps you busy these",
        "Sam Host: How large was that first file?",
        "Sam Host: Thank you both for coming on the show.",
    ]
    # The (01:30) form and the turn directive are shown the same way.
    assert any(line.startswith("Ada Example [01:30]: ") for line in lines)
    assert "Ada Example [06:10]: Three habits help:" in lines
    assert "Michaël Durand: Both spellings reach me, which is the point of" in lines
    # A note that is nobody's turn stays as it was written.
    assert "*Note: the last minutes of the recording were lost to a power cut.*" in lines


def test_dirhtml_links(build) -> None:  # type: ignore[no-untyped-def]
    app = build("dirhtml")
    outdir = Path(app.outdir)
    root = lxml.html.parse(str(outdir / "episode" / "index.html")).getroot()
    speakers = root.xpath(f"//*[{has_class('podcast-speaker')}]//a/@href")
    assert speakers
    assert set(speakers) == {
        "../people/#speaker-ada",
        "../people/#speaker-sam",
        "../people/#speaker-michael",
    }
    header = root.xpath(
        f"//header[{has_class('podcast-episode')}]//*[{has_class('podcast-episode-hosts')} or "
        f"{has_class('podcast-episode-guests')}]//a/@href"
    )
    assert header == [
        "../people/#speaker-sam",
        "../people/#speaker-ada",
        "../people/#speaker-michael",
    ]
    people = lxml.html.parse(str(outdir / "people" / "index.html")).getroot()
    assert {"speaker-ada", "speaker-sam", "speaker-michael"} <= set(people.xpath("//@id"))
    # Avatars resolve from the page's own directory.
    avatars = root.xpath(f"//img[{has_class('podcast-avatar')}]/@src")
    assert avatars
    for src in set(avatars):
        target = posixpath.normpath(posixpath.join("episode", unquote(urlsplit(src).path)))
        assert (outdir / target).is_file(), src


@pytest.mark.parametrize("outline", ["manual", "auto"])
def test_singlehtml_ids_are_unique(build, outline: str) -> None:  # type: ignore[no-untyped-def]
    # With "auto", both episodes have an outline (and back links to it) on the one page.
    app = build("singlehtml", podcast_outline=outline)
    assert warnings_of(app) == []
    root = lxml.html.parse(str(Path(app.outdir) / "index.html")).getroot()
    ids = root.xpath("//@id")
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert duplicates == []
    # Both episodes are on the page, and every in-page link has a target.
    assert len(root.xpath(f"//div[{has_class('podcast-turn')}]")) == 9 + 4
    for href in root.xpath("//a[starts-with(@href, '#')]/@href"):
        if href == "#" or href.startswith("#t="):  # "#": the theme's link to the page top
            continue
        # Sphinx 9's own cross-page references read "#document-people#target" on this
        # builder (as for :ref:); the target is what follows the last "#".
        assert href.rsplit("#", 1)[1] in ids, href
    assert "#document-people#speaker-sam" in root.xpath("//a/@href")
    # Each episode's back links lead to that episode's own outline.
    for section in root.xpath("//section[starts-with(@id, 'document-')]"):
        navs = section.xpath(f".//nav[{has_class('podcast-outline')}]")
        backlinks = section.xpath(f".//a[{has_class('podcast-backlink')}]/@href")
        if not navs:
            assert backlinks == []
            continue
        (nav,) = navs
        assert backlinks
        assert set(backlinks) == {"#" + nav.get("id")}


def test_latex(build) -> None:  # type: ignore[no-untyped-def]
    app = build("latex")
    (tex,) = Path(app.outdir).glob("*.tex")
    source = tex.read_text(encoding="utf-8")
    for name in ("Ada Example", "Sam Host", "Michaël Durand"):
        assert name in source
    # LaTeX escapes brackets as {[} and {]}: the output reads [01:12].
    assert "{[}01:12{]}" in source
    pattern = r"Ada Example\}+ \\DUrole\{podcast-time\}\{\{\[\}01:12\{\]\}\}"
    assert re.search(pattern, source), "time right after the name"
