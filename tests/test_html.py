"""The stable HTML hooks of DESIGN.md, checked on the HTML of tests/roots/test-basic."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest
from conftest import ROOTS, has_class, text, warnings_of

import sphinx_podcast
from sphinx_podcast.assets import served

pytestmark = pytest.mark.sphinx("html", testroot="basic", srcdir="html-basic")

BASIC = ROOTS / "test-basic"

NAMES = {"ada": "Ada Example", "sam": "Sam Host", "michael": "Michaël Durand"}

# (data-speaker, data-start) of every turn of episode.md, in document order.
EPISODE_TURNS = [
    ("sam", None),  # **Sam**: …
    ("ada", "72"),  # **Ada** [00:01:12]: …
    ("sam", None),  # **Sam:** …
    ("ada", "90"),  # **Ada** (01:30): …
    ("michael", "300"),  # **Michaël** [00:05:00]: …
    ("michael", None),  # **Michael**: …
    ("ada", "370"),  # {turn} ada 00:06:10
    ("sam", None),
    ("ada", None),
]


def page(app, name: str = "episode.html"):  # type: ignore[no-untyped-def]
    return lxml.html.parse(str(Path(app.outdir) / name)).getroot()


def body(root):  # type: ignore[no-untyped-def]
    (main,) = root.xpath("//div[@role='main']")
    return main


def turns(root):  # type: ignore[no-untyped-def]
    return root.xpath(f"//div[{has_class('podcast-turn')}]")


def resolve(app, page_name: str, src: str) -> Path:  # type: ignore[no-untyped-def]
    """The output file a relative URL on *page_name* points to."""
    path = unquote(urlsplit(src).path)
    assert not urlsplit(src).scheme, src
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_name), path))
    return Path(app.outdir) / joined


@pytest.fixture
def built(app):  # type: ignore[no-untyped-def]
    app.build()
    return app


# -- the build itself ------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="basic", srcdir="html-basic-fresh", freshenv=True)
def test_builds_without_warnings(built) -> None:  # type: ignore[no-untyped-def]
    assert warnings_of(built) == []


def test_css_is_linked_and_copied(built) -> None:  # type: ignore[no-untyped-def]
    for name in ("episode.html", "people.html", "index.html"):
        hrefs = [
            urlsplit(href).path
            for href in page(built, name).xpath("//link[@rel='stylesheet']/@href")
        ]
        assert hrefs.count("_static/podcast.css") == 1, (name, hrefs)
        # the writing direction's rules, after the others (e-books do not get them)
        assert hrefs.index("_static/podcast-direction.css") > hrefs.index("_static/podcast.css")
    # served minified: what sphinx_podcast.assets serves (its rules: test_assets.py)
    copied = (Path(built.outdir) / "_static" / "podcast.css").read_bytes()
    assert copied == served("podcast.css")
    original = (Path(sphinx_podcast.__file__).parent / "static" / "podcast.css").read_bytes()
    assert len(copied) < len(original) and b"{" in copied


# -- the episode header ----------------------------------------------------------------


def test_episode_header(built) -> None:  # type: ignore[no-untyped-def]
    root = page(built)
    (header,) = root.xpath(f"//*[{has_class('podcast-episode')}]")
    assert header.tag == "header"
    assert text(header.xpath(f".//*[{has_class('podcast-episode-number')}]")[0]) == "Episode 12"
    assert text(header.xpath(f".//*[{has_class('podcast-episode-season')}]")[0]) == "Season 2"
    assert text(header.xpath(f".//*[{has_class('podcast-episode-date')}]")[0]) == "May 1, 2025"
    assert text(header.xpath(f".//*[{has_class('podcast-episode-duration')}]")[0]) == "1 h 3 min"

    (hosts,) = header.xpath(f".//*[{has_class('podcast-episode-hosts')}]")
    assert [(a.get("href"), text(a)) for a in hosts.xpath(".//a")] == [
        ("people.html#speaker-sam", "Sam Host")
    ]
    (guests,) = header.xpath(f".//*[{has_class('podcast-episode-guests')}]")
    assert [(a.get("href"), text(a)) for a in guests.xpath(".//a")] == [
        ("people.html#speaker-ada", "Ada Example"),
        ("people.html#speaker-michael", "Michaël Durand"),
    ]
    (summary,) = header.xpath(f".//*[{has_class('podcast-episode-summary')}]")
    assert text(summary) == (
        "Ada Example tells Sam how a weekend script turned into the open tide table "
        "of a small harbour town."
    )


def test_profile_links_resolve_to_profiles(built) -> None:  # type: ignore[no-untyped-def]
    people = page(built, "people.html")
    ids = set(people.xpath("//@id"))
    episode = page(built)
    hrefs = episode.xpath("//a[contains(@href, 'people.html#')]/@href")
    assert hrefs
    for href in hrefs:
        assert href.split("#", 1)[1] in ids, href


# -- turns ---------------------------------------------------------------------------


def test_turns_speaker_and_start(built) -> None:  # type: ignore[no-untyped-def]
    found = [(t.get("data-speaker"), t.get("data-start")) for t in turns(page(built))]
    assert found == EPISODE_TURNS


def test_turn_ids_are_unique(built) -> None:  # type: ignore[no-untyped-def]
    root = page(built)
    turn_ids = [t.get("id") for t in turns(root)]
    assert all(turn_ids), turn_ids
    assert len(set(turn_ids)) == len(turn_ids)
    all_ids = root.xpath("//@id")
    assert len(all_ids) == len(set(all_ids)), sorted(i for i in all_ids if all_ids.count(i) > 1)


def test_speaker_label_is_canonical_name(built) -> None:  # type: ignore[no-untyped-def]
    for turn in turns(page(built)):
        (label,) = turn.xpath(f".//*[{has_class('podcast-speaker')}]")
        key = turn.get("data-speaker")
        assert text(label) == NAMES[key]
        assert label.xpath(".//a/@href") == [f"people.html#speaker-{key}"]


def test_non_ascii_aliases_resolve_to_one_key(built) -> None:  # type: ignore[no-untyped-def]
    # **Michaël** and **Michael** — michael is declared only by a speaker directive
    # on people.md, not in conf.py.
    assert "michael" not in built.config.podcast_speakers
    michael = [t for t in turns(page(built)) if t.get("data-speaker") == "michael"]
    assert [text(t) for t in michael] == [
        "Michaël Durand 05:00: People misspell my name in every spreadsheet I receive.",
        "Michaël Durand: Both spellings reach me, which is the point of aliases.",
    ]
    bold = page(built).xpath("//strong[starts-with(normalize-space(.), 'Micha')]")
    assert bold == []


def test_time_link(built) -> None:  # type: ignore[no-untyped-def]
    expected = {"72": "01:12", "90": "01:30", "300": "05:00", "370": "06:10"}
    for turn in turns(page(built)):
        links = turn.xpath(f".//a[{has_class('podcast-time')}]")
        start = turn.get("data-start")
        if start is None:
            assert links == []
            continue
        (link,) = links
        assert link.get("href") == f"#t={start}"
        assert link.text_content() == expected[start]


def test_each_turn_has_its_own_speakers_strings(built) -> None:  # type: ignore[no-untyped-def]
    # The visitor writes each speaker's class, data-speaker and name link once per page
    # (writers/html_turns.py) and the "Play from" label once: every turn still gets
    # its own speaker's, and its own time in the label.
    colours: dict[str, str] = {}
    for turn in turns(page(built)):
        key = turn.get("data-speaker")
        turn_class, colour = turn.get("class").split()
        assert turn_class == "podcast-turn"
        assert colours.setdefault(key, colour) == colour
        (link,) = turn.xpath(f".//*[{has_class('podcast-speaker')}]/a")
        assert (link.get("title"), link.text_content()) == (NAMES[key], NAMES[key])
        for time in turn.xpath(f".//a[{has_class('podcast-time')}]"):
            assert time.get("aria-label") == f"Play from {time.text_content()}"
    assert len(set(colours.values())) == len(colours) == 3


def test_time_link_of_first_timed_turn(built) -> None:  # type: ignore[no-untyped-def]
    (turn,) = page(built).xpath("//div[@data-start='72']")
    (link,) = turn.xpath(f".//a[{has_class('podcast-time')}]")
    assert link.get("href") == "#t=72"
    assert link.text_content() == "01:12"


def test_continuation_paragraph_stays_in_turn(built) -> None:  # type: ignore[no-untyped-def]
    (turn,) = page(built).xpath("//div[@data-start='72']")
    paragraphs = turn.xpath("./p")
    assert [text(p) for p in paragraphs] == [
        "Ada Example 01:12: I publish the tide gauge readings of our harbour as open data.",
        "This paragraph carries on with Ada\u2019s answer without a new name.",
    ]


def test_turn_directive_keeps_block_content(built) -> None:  # type: ignore[no-untyped-def]
    (turn,) = page(built).xpath("//div[@data-start='370']")
    assert turn.get("data-speaker") == "ada"
    assert text(turn.xpath("./p")[0]) == "Ada Example 06:10: Three habits help:"
    assert [text(li) for li in turn.xpath("./ul/li")] == [
        "keep the raw readings",
        "publish the cleaning script",
        "date every release",
    ]


def test_a_note_before_the_first_turn_is_no_turn(built) -> None:  # type: ignore[no-untyped-def]
    root = page(built)
    (emphasis,) = root.xpath("//em[starts-with(normalize-space(.), 'Note:')]")
    paragraph = emphasis.getparent()
    assert paragraph.tag == "p"
    assert text(paragraph) == "Note: the last minutes of the recording were lost to a power cut."
    assert emphasis.xpath(f"ancestor::*[{has_class('podcast-turn')}]") == []
    assert paragraph.xpath(f".//*[{has_class('podcast-speaker')}]") == []


def test_colour_per_speaker(built) -> None:  # type: ignore[no-untyped-def]
    colours: dict[str, set[str]] = {}
    for turn in turns(page(built)):
        found = [c for c in turn.get("class").split() if c.startswith("podcast-color-")]
        assert len(found) == 1, turn.get("class")
        assert found[0][len("podcast-color-") :].isdigit()
        colours.setdefault(turn.get("data-speaker"), set()).update(found)
    assert set(colours) == {"ada", "sam", "michael"}
    assert all(len(c) == 1 for c in colours.values()), colours
    assert len({next(iter(c)) for c in colours.values()}) == 3, colours


# -- avatars and profiles ------------------------------------------------------------------


def test_turn_avatars_are_copied(built) -> None:  # type: ignore[no-untyped-def]
    sources = {"ada": BASIC / "img" / "ada.png", "sam": BASIC / "_static" / "sam.png"}
    for turn in turns(page(built)):
        key = turn.get("data-speaker")
        images = turn.xpath(
            f".//*[{has_class('podcast-speaker')}]//img[{has_class('podcast-avatar')}]"
        )
        if key == "michael":  # no avatar anywhere
            assert images == []
            continue
        (image,) = images
        target = resolve(built, "episode.html", image.get("src"))
        assert target.is_file(), image.get("src")
        assert target.read_bytes() == sources[key].read_bytes()


def test_speaker_profiles(built) -> None:  # type: ignore[no-untyped-def]
    root = page(built, "people.html")
    profiles = root.xpath(f"//*[{has_class('podcast-speaker-profile')}]")
    assert [p.get("id") for p in profiles] == ["speaker-sam", "speaker-ada", "speaker-michael"]
    (ada,) = root.xpath("//*[@id='speaker-ada']")
    assert "podcast-speaker-profile" in ada.get("class").split()
    (image,) = ada.xpath(f".//img[{has_class('podcast-avatar')}]")
    target = resolve(built, "people.html", image.get("src"))
    assert target.is_file(), image.get("src")
    assert target.read_bytes() == (BASIC / "img" / "ada.png").read_bytes()
    assert "Ada Example maintains the open tide table of her harbour town." in text(ada)
    (michael,) = root.xpath("//*[@id='speaker-michael']")
    assert "Michaël Durand" in text(michael)


def test_no_turns_or_outline_outside_episodes(built) -> None:  # type: ignore[no-untyped-def]
    for name in ("index.html", "people.html"):
        root = page(built, name)
        assert turns(root) == []
        assert root.xpath(f"//*[{has_class('podcast-outline')}]") == []


# -- outline and back links -------------------------------------------------------------

OUTLINE = [
    # the welcome before the first time is part of the first chapter: it starts at 00:00
    ("#getting-started", "00:00", [("#the-first-dataset", "01:30", [])]),
    ("#part-two", "05:00", [("#names-and-spelling", "05:00", [])]),
    ("#wrapping-up", None, []),
]


def outline_tree(ul):  # type: ignore[no-untyped-def]
    entries = []
    for li in ul.xpath("./li"):
        (entry,) = li.xpath("./p")
        (link,) = entry.xpath(f"./a[not({has_class('podcast-time')})]")
        times = entry.xpath(f"./a[{has_class('podcast-time')}]")
        time = None
        if times:
            (time_link,) = times
            time = time_link.text_content()
            seconds = {"00:00": "0", "01:30": "90", "05:00": "300"}[time]
            assert time_link.get("href") == f"#t={seconds}"
        nested = li.xpath("./ul")
        assert len(nested) <= 1
        entries.append((link.get("href"), time, outline_tree(nested[0]) if nested else []))
    return entries


def test_outline(built) -> None:  # type: ignore[no-untyped-def]
    root = page(built)
    (nav,) = root.xpath(f"//*[{has_class('podcast-outline')}]")
    assert nav.tag == "nav"
    assert nav.get("id")
    (header,) = root.xpath(f"//*[{has_class('podcast-episode')}]")
    assert header.getnext() is nav
    (ul,) = nav.xpath("./ul")
    assert outline_tree(ul) == OUTLINE
    ids = set(root.xpath("//section/@id"))
    for href in nav.xpath(".//a[not(starts-with(@href, '#t='))]/@href"):
        assert href[1:] in ids, href


def section_body(section):  # type: ignore[no-untyped-def]
    return [
        child
        for child in section
        if child.tag != "section" and child.tag not in ("h1", "h2", "h3", "h4", "h5", "h6")
    ]


def assert_backlinks(root, symbol: str) -> None:  # type: ignore[no-untyped-def]
    (nav,) = root.xpath(f"//*[{has_class('podcast-outline')}]")
    outline_id = nav.get("id")
    outlined = [h[1:] for h in nav.xpath(".//a[not(starts-with(@href, '#t='))]/@href")]
    with_body = 0
    for section_id in outlined:
        (section,) = root.xpath(f"//section[@id='{section_id}']")
        content = section_body(section)
        links = section.xpath(f"./*//a[{has_class('podcast-backlink')}]")
        own = [a for a in links if a.xpath("ancestor::section[1]")[0] is section]
        if not content:  # "Part two": only a nested section
            assert own == [], section_id
            continue
        with_body += 1
        (link,) = own
        assert link.getparent() is content[-1], section_id
        assert link.get("href") == f"#{outline_id}"
        # its name is its text, which contains what it shows (WCAG 2.5.3)
        assert link.text_content() == f"{symbol} Back to the outline"
        assert link.get("aria-label") is None
        assert link.get("title") == "Back to the outline"
    assert with_body == len(outlined) - 1
    assert len(root.xpath(f"//a[{has_class('podcast-backlink')}]")) == with_body


def test_backlinks(built) -> None:  # type: ignore[no-untyped-def]
    assert_backlinks(page(built), "⬆")


@pytest.mark.sphinx(
    "html",
    testroot="basic",
    srcdir="html-basic-symbol",
    confoverrides={"podcast_backlink_symbol": "↑ top"},
)
def test_backlink_symbol_override(built) -> None:  # type: ignore[no-untyped-def]
    assert_backlinks(page(built), "↑ top")
    assert "⬆" not in (Path(built.outdir) / "episode.html").read_text(encoding="utf-8")


def test_no_outline_without_directive_in_manual_mode(built) -> None:  # type: ignore[no-untyped-def]
    root = page(built, "auto.html")
    assert root.xpath(f"//*[{has_class('podcast-outline')}]") == []
    assert root.xpath(f"//a[{has_class('podcast-backlink')}]") == []


@pytest.mark.sphinx(
    "html",
    testroot="basic",
    srcdir="html-basic-auto",
    confoverrides={"podcast_outline": "auto"},
)
def test_auto_outline(built) -> None:  # type: ignore[no-untyped-def]
    assert warnings_of(built) == []
    root = page(built, "auto.html")
    (header,) = root.xpath(f"//*[{has_class('podcast-episode')}]")
    (nav,) = root.xpath(f"//*[{has_class('podcast-outline')}]")
    assert nav.tag == "nav" and nav.get("id")
    assert header.getnext() is nav
    (ul,) = nav.xpath("./ul")
    assert outline_tree_auto(ul) == [("#power-budgets", "00:20"), ("#maintenance", None)]
    for section_id in ("power-budgets", "maintenance"):
        (section,) = root.xpath(f"//section[@id='{section_id}']")
        (link,) = section_body(section)[-1].xpath(f"./a[{has_class('podcast-backlink')}]")
        assert link.get("href") == f"#{nav.get('id')}"
    # A page that places its outline keeps exactly that one.
    episode = page(built)
    assert len(episode.xpath(f"//*[{has_class('podcast-outline')}]")) == 1
    assert outline_tree(episode.xpath(f"//nav[{has_class('podcast-outline')}]/ul")[0]) == OUTLINE
    # Pages that are not episodes get no outline.
    assert page(built, "people.html").xpath(f"//*[{has_class('podcast-outline')}]") == []


def outline_tree_auto(ul):  # type: ignore[no-untyped-def]
    entries = []
    for li in ul.xpath("./li"):
        (link,) = li.xpath(f"./p/a[not({has_class('podcast-time')})]")
        times = li.xpath(f"./p/a[{has_class('podcast-time')}]")
        if times:
            assert times[0].get("href") == "#t=20"
        entries.append((link.get("href"), times[0].text_content() if times else None))
        assert li.xpath("./ul") == []
    return entries
