"""Read time: which paragraphs are marked as turns, and what the mark holds."""

from __future__ import annotations

import shutil

from conftest import ROOTS, resolved_doctree
from docutils import nodes

from sphinx_podcast.transforms import _chapter
from sphinx_podcast.turn_marks import MARK, START, mark_turns


def paragraph(name: str, after: str) -> nodes.paragraph:
    return nodes.paragraph("", "", nodes.strong(name, name), nodes.Text(after))


def test_mark_holds_the_label_and_the_start_when_the_time_parses() -> None:
    timed, untimed, bad, plain = (
        paragraph("Ada", " [01:12]: Hello."),
        paragraph("Ada", ": Hello."),
        paragraph("Ada", " [1:75:00]: Hello."),
        nodes.paragraph("", "Hello."),
    )
    section = nodes.section("", timed, untimed, bad, plain)
    assert mark_turns(section) == [timed, untimed, bad]
    assert timed[MARK] == ("Ada", "01:12", 10)
    assert timed[START] == 72.0
    assert untimed[MARK] == ("Ada", "", 2)
    assert bad[MARK] == ("Ada", "1:75:00", 12)
    assert START not in untimed.attributes
    assert START not in bad.attributes  # read again, and warned about, when resolved
    assert MARK not in plain.attributes


def test_marks_are_gone_once_turns_are_made(make_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    srcdir = tmp_path / "basic"
    shutil.copytree(ROOTS / "test-basic", srcdir)
    episode = srcdir / "episode.md"
    extra = "\n\n**Zed** [00:09:00]: Nobody knows me.\n\n**Ada** [1:75:00]: A bad time.\n"
    episode.write_text(episode.read_text(encoding="utf-8") + extra, encoding="utf-8")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    doctree = resolved_doctree(app, "episode")
    marked = [
        node
        for node in doctree.findall(nodes.Element)
        if MARK in node.attributes or START in node.attributes
    ]
    assert marked == []
    app.cleanup()


def test_chapter_is_that_of_the_nearest_listed_ancestor() -> None:
    first, second = paragraph("Ada", ": one"), paragraph("Ada", ": two")
    before = paragraph("Ada", ": zero")
    subsection = nodes.section("", second)
    chapters = [nodes.section("", first), nodes.section("", subsection)]
    nodes.section("", before, *chapters)  # the page's section: parent of the chapters
    index = {id(section): number for number, section in enumerate(chapters)}
    assert [_chapter(node, index) for node in (first, second, before)] == [0, 1, -1]
