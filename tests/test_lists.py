"""``episode-list``, ``speaker-list``, profiles' "Appears in" and the episode header's links.

Root ``lists``: five episodes (episodes/ep1..ep4, ep7), one ``episode-list`` per page in
``lists/``. By date, newest first: ep7 (2025-05-01), ep3, ep2, ep1, ep4 (2024-12-01);
by number, highest first: ep7, ep4, ep3, ep2, ep1. ``cyd`` is in no header, only in
ep4's turns.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest
from conftest import ROOTS, has_class, parse, text, warnings_of

TITLES = {
    "ep1": "Tide Tables by Hand",
    "ep2": "Boats of the Breakwater",
    "ep3": "Data at Dawn",
    "ep4": "The Lighthouse Special",
    "ep7": "Seven Bells",
}


def the_list(app, page: str) -> lxml.html.HtmlElement:  # type: ignore[no-untyped-def]
    (node,) = parse(Path(app.outdir) / "lists" / f"{page}.html").xpath(
        f"//div[{has_class('podcast-episode-list')}]"
    )
    return node


def card_episodes(node: lxml.html.HtmlElement) -> list[str]:
    """The episodes of a card list, in order, by the page their title links to."""
    cards = node.xpath(f".//div[{has_class('sd-card')}]")
    result = []
    for card in cards:
        (link,) = card.xpath(f".//div[{has_class('sd-card-title')}]//a")
        result.append(Path(link.get("href")).stem)
    return result


@pytest.fixture
def built(app):  # type: ignore[no-untyped-def]
    app.build()
    return app


pytestmark = pytest.mark.sphinx("html", testroot="lists", freshenv=True)


def test_builds_without_warnings(built) -> None:  # type: ignore[no-untyped-def]
    # Including the list with no match: a note, not a warning.
    assert warnings_of(built) == []


# -- cards ---------------------------------------------------------------------------


def test_cards_are_sphinx_design_cards_newest_first(built) -> None:  # type: ignore[no-untyped-def]
    node = the_list(built, "cards")
    assert card_episodes(node) == ["ep7", "ep3", "ep2", "ep1", "ep4"]
    # sphinx-design's grid of cards
    assert node.xpath(f".//div[{has_class('sd-row')}]/div[{has_class('sd-col')}]")


def test_card_content(built) -> None:  # type: ignore[no-untyped-def]
    node = the_list(built, "cards")
    cards = {
        Path(card.xpath(f".//div[{has_class('sd-card-title')}]//a/@href")[0]).stem: card
        for card in node.xpath(f".//div[{has_class('sd-card')}]")
    }
    seven = cards["ep7"]
    (title,) = seven.xpath(f".//div[{has_class('sd-card-title')}]//a")
    assert (title.get("href"), text(title)) == ("../episodes/ep7.html", "Seven Bells")
    (meta,) = seven.xpath(f".//p[{has_class('podcast-card-meta')}]")
    assert text(meta) == "Episode 7 · May 1, 2025 · 1 h 3 min"
    (summary,) = seven.xpath(f".//p[{has_class('podcast-summary')}]")
    assert text(summary) == "Ada rings the harbour bell seven times and explains why."
    (with_line,) = [p for p in seven.xpath(".//p") if text(p).startswith("With ")]
    assert text(with_line) == "With Ada Lindqvist"
    assert with_line.xpath("./a/@href") == ["../people.html#speaker-ada"]

    # Several guests; a guest without a profile is plain text.
    (with_line,) = [p for p in cards["ep3"].xpath(".//p") if text(p).startswith("With ")]
    assert text(with_line) == "With Ada Lindqvist, Bo Marsh"
    # No guests: no "With" line; no duration: not in the meta line.
    assert not [p for p in cards["ep4"].xpath(".//p") if text(p).startswith("With")]
    meta = cards["ep4"].xpath(f".//p[{has_class('podcast-card-meta')}]")[0]
    assert text(meta) == "Episode 4 · December 1, 2024"


def test_card_image(built) -> None:  # type: ignore[no-untyped-def]
    node = the_list(built, "cards")
    images = node.xpath(f".//div[{has_class('sd-card')}]/img")
    assert len(images) == 1  # only ep1 has an image
    (image,) = images
    card = image.getparent()
    assert card.xpath(f".//div[{has_class('sd-card-title')}]//a/@href") == ["../episodes/ep1.html"]
    source = image.get("src")
    assert source.startswith("../_images/")
    assert (Path(built.outdir) / "lists" / source).resolve().is_file()


# -- layouts -------------------------------------------------------------------------


def test_layout_list(built) -> None:  # type: ignore[no-untyped-def]
    node = the_list(built, "layout-list")
    assert node.xpath(f".//div[{has_class('sd-card')}]") == []
    items = node.xpath("./ul/li")
    assert [Path(item.xpath("./p[1]/a[1]/@href")[0]).stem for item in items] == [
        "ep7",
        "ep3",
        "ep2",
        "ep1",
        "ep4",
    ]
    first = items[0]
    assert text(first.xpath("./p[1]/a[1]")[0]) == "Seven Bells"
    assert "Episode 7 · May 1, 2025 · 1 h 3 min" in text(first)
    assert "Ada Lindqvist" in text(first)
    assert "Ada rings the harbour bell seven times and explains why." in text(first)


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("table", ["ep7", "ep3", "ep2", "ep1", "ep4"]),
        # rST, filtered by an alias, limited
        ("table-rst", ["ep7", "ep3"]),
    ],
)
def test_layout_table(built, page: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    node = the_list(built, page)
    (table,) = node.xpath(".//table")
    assert [text(th) for th in table.xpath("./thead/tr/th")] == [
        "No.",
        "Episode",
        "Date",
        "Duration",
        "Guests",
    ]
    rows = table.xpath("./tbody/tr")
    assert [Path(row.xpath("./td[2]//a/@href")[0]).stem for row in rows] == expected
    assert [text(cell) for cell in rows[0].xpath("./td")] == [
        "7",
        "Seven Bells",
        "May 1, 2025",
        "1:02:30",
        "Ada Lindqvist",
    ]
    assert [text(cell) for cell in rows[1].xpath("./td")] == [
        "3",
        "Data at Dawn",
        "March 20, 2025",
        "",
        "Ada Lindqvist, Bo Marsh",
    ]


# -- filters, sorting, limit -----------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("by-speaker", ["ep3", "ep2"]),  # bo is a guest of ep2 and ep3
        ("by-speaker-turns", ["ep4"]),  # cyd only speaks in ep4's turns
        ("by-category", ["ep2", "ep4"]),  # News or Special (any of)
        ("by-tag", ["ep7", "ep2", "ep1"]),  # tides or boats (any of)
        ("limit", ["ep7", "ep3"]),
        ("by-host", ["ep7", "ep4", "ep3"]),  # sam, a host, by alias; by number; limit 3
        ("by-number", ["ep7", "ep4", "ep3", "ep2", "ep1"]),
        ("reversed", ["ep4", "ep1", "ep2", "ep3", "ep7"]),  # oldest first
        ("number-reversed", ["ep1", "ep2", "ep3", "ep4", "ep7"]),
    ],
)
def test_filters_and_order(built, page: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert card_episodes(the_list(built, page)) == expected


def test_no_match_shows_a_note(built) -> None:  # type: ignore[no-untyped-def]
    node = the_list(built, "empty")
    assert node.xpath(f".//div[{has_class('sd-card')}]") == []
    (note,) = node.xpath(f"./p[{has_class('podcast-episode-list-empty')}]")
    assert text(note) == "No episodes match this list."


# -- speaker list and profiles ---------------------------------------------------------


def test_speaker_list(built) -> None:  # type: ignore[no-untyped-def]
    root = parse(Path(built.outdir) / "speakers.html")
    (node,) = root.xpath(f"//div[{has_class('podcast-speaker-list')}]")
    items = node.xpath("./ul/li")
    speakers = [text(item.xpath("./p[1]/strong")[0]) for item in items]
    assert speakers == ["Sam Okafor", "Ada Lindqvist", "Bo Marsh", "Cyd Fairweather"]
    by_name = dict(zip(speakers, items, strict=True))
    # Speakers with a profile are linked to it.
    assert by_name["Ada Lindqvist"].xpath("./p[1]/strong/a/@href") == ["people.html#speaker-ada"]
    assert by_name["Cyd Fairweather"].xpath("./p[1]/strong/a/@href") == ["people.html#speaker-cyd"]
    # Bo is declared only in conf.py: his page is generated.
    assert by_name["Bo Marsh"].xpath("./p[1]/strong/a/@href") == ["speakers/bo.html#speaker-bo"]

    def episodes_of(name: str) -> list[str]:
        (line,) = by_name[name].xpath(f"./p[{has_class('podcast-appearances')}]")
        return [Path(href).stem for href in line.xpath("./a/@href")]

    # Newest first; hosts, guests and speakers in turns alike.
    assert episodes_of("Sam Okafor") == ["ep7", "ep3", "ep2", "ep1", "ep4"]
    assert episodes_of("Ada Lindqvist") == ["ep7", "ep3", "ep1"]
    assert episodes_of("Bo Marsh") == ["ep3", "ep2"]
    assert episodes_of("Cyd Fairweather") == ["ep4"]
    (link,) = by_name["Cyd Fairweather"].xpath(".//p[2]/a")
    assert (link.get("href"), text(link)) == ("episodes/ep4.html", "The Lighthouse Special")


def test_profile_appears_in(built) -> None:  # type: ignore[no-untyped-def]
    root = parse(Path(built.outdir) / "people.html")
    profiles = {
        profile.get("data-speaker"): profile
        for profile in root.xpath(f"//div[{has_class('podcast-speaker-profile')}]")
    }
    assert sorted(profiles) == ["ada", "cyd"]

    def appearances(key: str) -> list[tuple[str, str]]:
        profile = profiles[key]
        assert "Appears in" in text(profile)
        items = profile.xpath(f".//ul[{has_class('podcast-appearances')}]/li")
        return [(Path(item.xpath(".//a/@href")[0]).stem, text(item)) for item in items]

    assert appearances("ada") == [
        ("ep7", "Seven Bells (guest, 1 turn)"),
        ("ep3", "Data at Dawn (guest, 1 turn)"),
        ("ep1", "Tide Tables by Hand (guest, 2 turns)"),
    ]
    assert appearances("cyd") == [("ep4", "The Lighthouse Special (3 turns)")]


# -- episode header --------------------------------------------------------------------


def header(app, name: str) -> lxml.html.HtmlElement:  # type: ignore[no-untyped-def]
    (node,) = parse(Path(app.outdir) / "episodes" / f"{name}.html").xpath(
        f"//*[{has_class('podcast-episode')}]"
    )
    return node


def nav_links(node: lxml.html.HtmlElement) -> list[tuple[str, str, str]]:
    """(label, page, title) of the previous/next links."""
    result = []
    for nav in node.xpath(f".//p[{has_class('podcast-episode-nav')}]"):
        for part in nav.xpath("./span"):  # one per neighbour: podcast-episode-previous, -next
            (link,) = part.xpath("./a")
            label = link.getprevious()
            assert part.get("class") == f"podcast-episode-{text(label)[:-1].lower()}"
            result.append((text(label), Path(link.get("href")).stem, text(link)))
    return result


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ep4", [("Next:", "ep1", TITLES["ep1"])]),
        ("ep1", [("Previous:", "ep4", TITLES["ep4"]), ("Next:", "ep2", TITLES["ep2"])]),
        ("ep2", [("Previous:", "ep1", TITLES["ep1"]), ("Next:", "ep3", TITLES["ep3"])]),
        ("ep3", [("Previous:", "ep2", TITLES["ep2"]), ("Next:", "ep7", TITLES["ep7"])]),
        ("ep7", [("Previous:", "ep3", TITLES["ep3"])]),
    ],
)
def test_previous_and_next_by_date(built, name: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert nav_links(header(built, name)) == expected


def test_also_with_guest(built) -> None:  # type: ignore[no-untyped-def]
    related = header(built, "ep1").xpath(f".//p[{has_class('podcast-episode-related')}]")
    assert [text(line) for line in related] == [
        "Also with Ada Lindqvist: Seven Bells, Data at Dawn"
    ]
    assert related[0].xpath("./a/@href") == ["ep7.html", "ep3.html"]

    # Two guests, each with other episodes.
    related = header(built, "ep3").xpath(f".//p[{has_class('podcast-episode-related')}]")
    assert [text(line) for line in related] == [
        "Also with Ada Lindqvist: Seven Bells, Tide Tables by Hand",
        "Also with Bo Marsh: Boats of the Breakwater",
    ]
    # No guests: no related line.
    assert header(built, "ep4").xpath(f".//p[{has_class('podcast-episode-related')}]") == []


def test_episode_order_breaks_date_ties_by_number(make_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Two episodes on one date: the lower number comes first."""
    srcdir = tmp_path / "ties"
    shutil.copytree(ROOTS / "test-lists", srcdir)
    page = srcdir / "episodes" / "ep2.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace(":date: 2025-02-14", ":date: 2025-03-20"),
        encoding="utf-8",
    )
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert warnings_of(app) == []
    assert nav_links(header(app, "ep2")) == [
        ("Previous:", "ep1", TITLES["ep1"]),
        ("Next:", "ep3", TITLES["ep3"]),
    ]
    assert nav_links(header(app, "ep3")) == [
        ("Previous:", "ep2", TITLES["ep2"]),
        ("Next:", "ep7", TITLES["ep7"]),
    ]


# -- bad options -----------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="lists-bad", freshenv=True)
def test_bad_options_warn_at_their_line(app) -> None:  # type: ignore[no-untyped-def]
    app.build()
    lines = sorted(warnings_of(app))
    expected = [
        ("bad_rst.rst:6", "unknown speaker 'nobody'", "podcast.unknown_speaker"),
        ("bad_rst.rst:9", "sort", "podcast.bad_option"),
        ("bad_rst.rst:10", "'volcanoes'", "podcast.bad_option"),
        ("index.md:9", "unknown speaker 'nobody'", "podcast.unknown_speaker"),
        ("index.md:13", "'carousel'", "podcast.bad_option"),
        ("index.md:14", "'length'", "podcast.bad_option"),
        ("index.md:15", "'0'", "podcast.bad_option"),
        ("index.md:19", "tag 'volcanoes'", "podcast.bad_option"),
        ("index.md:20", "category 'Gossip'", "podcast.bad_option"),
        ("index.md:24", "'many'", "podcast.bad_option"),
    ]
    assert len(lines) == len(expected), lines
    for location, fragment, kind in expected:
        matching = [line for line in lines if line.startswith(f"{location}: WARNING: ")]
        assert len(matching) == 1, (location, lines)
        assert fragment in matching[0], matching[0]
        assert matching[0].endswith(f"[{kind}]"), matching[0]


@pytest.mark.sphinx("html", testroot="lists-bad", freshenv=True)
def test_bad_options_fall_back(app) -> None:  # type: ignore[no-untyped-def]
    app.build()
    root = parse(Path(app.outdir) / "index.html")
    lists = root.xpath(f"//div[{has_class('podcast-episode-list')}]")
    assert len(lists) == 4
    unknown_speaker, bad_layout, unknown_values, bad_limit = lists
    # An unknown speaker: nothing matches; nothing crashes.
    assert text(unknown_speaker) == "No episodes match this list."
    # Bad layout, sort and limit: the defaults (cards, by date, no limit).
    assert len(bad_layout.xpath(f".//div[{has_class('sd-card')}]")) == 1
    assert len(bad_limit.xpath(f".//div[{has_class('sd-card')}]")) == 1
    # A category no episode has: nothing matches.
    assert text(unknown_values) == "No episodes match this list."


# -- other builders ----------------------------------------------------------------------


@pytest.mark.sphinx("dirhtml", testroot="lists", freshenv=True)
def test_dirhtml_card_links(app) -> None:  # type: ignore[no-untyped-def]
    app.build()
    assert warnings_of(app) == []
    root = parse(Path(app.outdir) / "lists" / "cards" / "index.html")
    (node,) = root.xpath(f"//div[{has_class('podcast-episode-list')}]")
    titles = node.xpath(f".//div[{has_class('sd-card-title')}]//a/@href")
    assert titles == [f"../../episodes/{name}/" for name in ["ep7", "ep3", "ep2", "ep1", "ep4"]]
    assert "../../people/#speaker-ada" in node.xpath(".//a/@href")
    people = parse(Path(app.outdir) / "people" / "index.html")
    links = people.xpath(f"//ul[{has_class('podcast-appearances')}]//a/@href")
    assert links[:3] == ["../episodes/ep7/", "../episodes/ep3/", "../episodes/ep1/"]


@pytest.mark.sphinx("latex", testroot="lists", freshenv=True)
def test_latex_lists(app) -> None:  # type: ignore[no-untyped-def]
    app.build()
    assert warnings_of(app) == []
    (tex_file,) = Path(app.outdir).glob("*.tex")
    tex = tex_file.read_text(encoding="utf-8")
    assert r"{\hyperref[\detokenize{episodes/ep7::doc}]{\sphinxcrossref{Seven Bells}}}" in tex
    assert r"\sphinxincludegraphics{{cover1}.png}" in tex
    assert (Path(app.outdir) / "cover1.png").is_file()
    assert "No episodes match this list." in tex


@pytest.mark.sphinx("text", testroot="lists", freshenv=True)
def test_text_lists(app) -> None:  # type: ignore[no-untyped-def]
    app.build()
    assert warnings_of(app) == []
    cards = (Path(app.outdir) / "lists" / "cards.txt").read_text(encoding="utf-8")
    lines = [line for line in cards.splitlines() if line.strip()]
    assert lines[2:6] == [
        "Seven Bells",
        "Episode 7 · May 1, 2025 · 1 h 3 min",
        "With Ada Lindqvist",
        "Ada rings the harbour bell seven times and explains why.",
    ]
    people = (Path(app.outdir) / "people.txt").read_text(encoding="utf-8")
    assert "The Lighthouse Special (3 turns)" in people


@pytest.mark.sphinx("text", testroot="lists", freshenv=True)
def test_text_table_keeps_words_whole(app) -> None:  # type: ignore[no-untyped-def]
    """The table layout in plain text: headers and titles are not cut mid-word."""
    app.build()
    table = (Path(app.outdir) / "lists" / "table.txt").read_text(encoding="utf-8")
    header = next(line for line in table.splitlines() if line.startswith("| "))
    assert [cell.strip() for cell in header.strip("|").split("|")] == [
        "No.",
        "Episode",
        "Date",
        "Duration",
        "Guests",
    ]
    assert "Boats of the Breakwater" in table
    assert "February 14, 2025" in table
