"""The ``speaker``, ``episode`` and ``t`` roles: pending_xrefs resolved by the podcast domain.

Root ``xref``: ``links.md`` and ``links_rst.rst`` hold the same list of links, one per
item, each item starting with a label (``- speaker-bare: {speaker}`ada```). Speakers:
``ada`` (conf.py, profile on people.md), ``rui`` (only a profile), ``sam`` (conf.py with
a url), ``kim`` (conf.py, nothing else); sam and kim get generated pages
(``speakers/sam``, ``speakers/kim``). Episodes live in ``episodes/``; ep7 has the label
``ep-seven`` before its title.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from conftest import parse, podcast_warnings, warnings_of
from sphinx.addnodes import pending_xref
from sphinx.util.inventory import InventoryFile

LINK_PAGES = ("links", "links_rst")

# label -> (href in html from a top-level page, link text); href None: plain text, no link
EXPECTED_HTML = {
    "speaker-bare": ("people.html#speaker-ada", "Ada Lindqvist"),
    "speaker-prefixed": ("people.html#speaker-ada", "Ada Lindqvist"),
    "speaker-alias": ("people.html#speaker-rui", "Rui Brandão"),
    "speaker-explicit": ("people.html#speaker-ada", "our guest"),
    "speaker-url": ("speakers/sam.html#speaker-sam", "Sam Okafor"),
    "speaker-plain": ("speakers/kim.html#speaker-kim", "Kim Tarrant"),
    "episode-docname": ("episodes/ep1.html", "Lanterns on the Pier"),
    "episode-absolute": ("episodes/ep8.html", "Fog Signals"),
    "episode-label": ("episodes/ep7.html#ep-seven", "The Lighthouse Ledger"),
    "episode-prefixed": ("episodes/ep1.html", "Lanterns on the Pier"),
    "episode-explicit": ("episodes/ep1.html", "the first one"),
    "time-bare": ("#t=754", "12:34"),
    "time-prefixed": ("#t=3723", "1:02:03"),
    "any-speaker": ("people.html#speaker-ada", "ada"),
}

EXPECTED_DIRHTML = {
    "speaker-bare": "../people/#speaker-ada",
    "speaker-explicit": "../people/#speaker-ada",
    "speaker-alias": "../people/#speaker-rui",
    "speaker-url": "../speakers/sam/#speaker-sam",
    "episode-docname": "../episodes/ep1/",
    "episode-absolute": "../episodes/ep8/",
    "episode-label": "../episodes/ep7/#ep-seven",
    "time-bare": "#t=754",
}

# What the text builder writes for each item.
EXPECTED_TEXT = {
    "speaker-bare": "Ada Lindqvist",
    "speaker-alias": "Rui Brandão",
    "speaker-explicit": "our guest",
    "speaker-url": "Sam Okafor",
    "speaker-plain": "Kim Tarrant",
    "episode-docname": "Lanterns on the Pier",
    "episode-absolute": "Fog Signals",
    "episode-label": "The Lighthouse Ledger",
    "time-bare": "[12:34]",
    "time-prefixed": "[1:02:03]",
}

_WARNING = re.compile(r"^(?P<location>\S+:\d+): WARNING: (?P<message>.*) \[(?P<type>[\w.]+)\]$")


def labelled_items(root: lxml.html.HtmlElement) -> list[tuple[str, lxml.html.HtmlElement]]:
    """(label, paragraph) of every ``- label: …`` item in the page body."""
    items = []
    for paragraph in root.xpath("//div[@role='main']//li/p"):
        label, _, _rest = (paragraph.text or "").partition(":")
        if label.strip() in EXPECTED_HTML:
            items.append((label.strip(), paragraph))
    return items


def link_of(paragraph: lxml.html.HtmlElement) -> tuple[str | None, str]:
    """(href or None, text) of the one link (or plain text) after the label."""
    links = paragraph.xpath("./a")
    if links:
        assert len(links) == 1
        return links[0].get("href"), " ".join(links[0].text_content().split())
    text = paragraph.text_content().partition(":")[2]
    return None, " ".join(text.split())


def parsed_warnings(app) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """(file:line, type, message) of each warning line."""
    result = []
    for line in warnings_of(app):
        match = _WARNING.match(line)
        assert match, line
        result.append((match["location"], match["type"], match["message"]))
    return sorted(result)


# -- html ----------------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="xref", freshenv=True)
def test_builds_without_warnings(app) -> None:  # type: ignore[no-untyped-def]
    app.build()
    assert warnings_of(app) == []


@pytest.mark.sphinx("html", testroot="xref", freshenv=True)
@pytest.mark.parametrize("page", LINK_PAGES)
def test_html_links(app, page: str) -> None:  # type: ignore[no-untyped-def]
    app.build()
    items = dict(labelled_items(parse(Path(app.outdir) / f"{page}.html")))
    assert set(items) == set(EXPECTED_HTML)
    actual = {label: link_of(paragraph) for label, paragraph in items.items()}
    assert actual == EXPECTED_HTML


@pytest.mark.sphinx("html", testroot="xref", freshenv=True)
@pytest.mark.parametrize("page", LINK_PAGES)
def test_html_link_classes(app, page: str) -> None:  # type: ignore[no-untyped-def]
    app.build()
    items = dict(labelled_items(parse(Path(app.outdir) / f"{page}.html")))
    # Internal links are Sphinx's internal references, the url one an external reference.
    for label in ("speaker-bare", "episode-docname", "episode-label"):
        assert "internal" in items[label].xpath("./a")[0].get("class").split(), label
    # The time link is the documented hook a.podcast-time.
    for label in ("time-bare", "time-prefixed"):
        (link,) = items[label].xpath("./a")
        assert "podcast-time" in link.get("class").split()


@pytest.mark.sphinx("html", testroot="xref", freshenv=True)
def test_relative_and_absolute_episode_docnames_from_a_subdirectory(app) -> None:  # type: ignore[no-untyped-def]
    """In episodes/ep8.md, ``ep1`` is episodes/ep1 and ``/episodes/ep7`` is absolute."""
    app.build()
    root = parse(Path(app.outdir) / "episodes" / "ep8.html")
    (turn,) = root.xpath("//div[@data-speaker='sam']")
    links = [
        (a.get("href"), " ".join(a.text_content().split()))
        for a in turn.xpath(".//p//a[not(ancestor::*[@class='podcast-turn-label'])]")
    ]
    assert links == [
        ("ep1.html", "Lanterns on the Pier"),
        ("ep7.html", "The Lighthouse Ledger"),
    ]
    (kim,) = root.xpath("//div[@data-speaker='kim']")
    (time,) = kim.xpath(".//a[contains(concat(' ', @class, ' '), ' podcast-time ')]")
    assert (time.get("href"), time.text_content()) == ("#t=754", "12:34")
    # kim has neither a profile nor a url: the role gives the name as plain text.
    assert "Kim Tarrant has no profile page" in " ".join(kim.text_content().split())


@pytest.mark.sphinx("html", testroot="xref", freshenv=True)
def test_link_targets_exist(app) -> None:  # type: ignore[no-untyped-def]
    """Every internal link of the links page lands on an element with that id."""
    app.build()
    outdir = Path(app.outdir)
    for label, paragraph in labelled_items(parse(outdir / "links.html")):
        href, _text = link_of(paragraph)
        if href is None or href.startswith(("https://", "#t=")):
            continue
        page, _, fragment = href.partition("#")
        if fragment:
            assert parse(outdir / page).xpath(f"//*[@id='{fragment}']"), (label, href)
        else:
            assert (outdir / page).is_file(), (label, href)


@pytest.mark.sphinx("html", testroot="xref", freshenv=True)
@pytest.mark.parametrize("page", LINK_PAGES)
def test_roles_are_pending_xrefs_of_the_podcast_domain(app, page: str) -> None:  # type: ignore[no-untyped-def]
    app.build()
    doctree = app.env.get_doctree(page)
    xrefs = [
        (node["refdomain"], node["reftype"], node["reftarget"], node["refexplicit"])
        for node in doctree.findall(pending_xref)
    ]
    assert xrefs == [
        ("podcast", "speaker", "ada", False),
        ("podcast", "speaker", "ada", False),
        ("podcast", "speaker", "Rui", False),
        ("podcast", "speaker", "ada", True),
        ("podcast", "speaker", "sam", False),
        ("podcast", "speaker", "kim", False),
        ("podcast", "episode", "episodes/ep1", False),
        ("podcast", "episode", "/episodes/ep8", False),
        ("podcast", "episode", "ep-seven", False),
        ("podcast", "episode", "episodes/ep1", False),
        ("podcast", "episode", "episodes/ep1", True),
        ("podcast", "t", "12:34", False),
        ("podcast", "t", "1:02:03", False),
        ("", "any", "ada", False),
    ]


# -- other builders ------------------------------------------------------------------


@pytest.mark.sphinx("dirhtml", testroot="xref", freshenv=True)
@pytest.mark.parametrize("page", LINK_PAGES)
def test_dirhtml_links(app, page: str) -> None:  # type: ignore[no-untyped-def]
    app.build()
    assert warnings_of(app) == []
    items = dict(labelled_items(parse(Path(app.outdir) / page / "index.html")))
    actual = {label: link_of(items[label])[0] for label in EXPECTED_DIRHTML}
    assert actual == EXPECTED_DIRHTML


@pytest.mark.sphinx("singlehtml", testroot="xref", freshenv=True)
def test_singlehtml_links(app) -> None:  # type: ignore[no-untyped-def]
    """One page: every internal link points at an id on that same page.

    (Sphinx 9.0's singlehtml writes cross-document anchors as
    ``#document-people#speaker-ada`` for every domain, ``:ref:`` included; what a
    browser follows is the last fragment, so that is what is checked.)
    """
    app.build()
    assert warnings_of(app) == []
    root = parse(Path(app.outdir) / "index.html")
    ids = set(root.xpath("//@id"))
    items = labelled_items(root)
    assert len(items) == 2 * len(EXPECTED_HTML)  # both link pages are on the one page
    expected_fragment = {
        "speaker-bare": "speaker-ada",
        "speaker-prefixed": "speaker-ada",
        "speaker-alias": "speaker-rui",
        "speaker-explicit": "speaker-ada",
        "any-speaker": "speaker-ada",
        "episode-docname": "document-episodes/ep1",
        "episode-absolute": "document-episodes/ep8",
        "episode-label": "ep-seven",
        "episode-prefixed": "document-episodes/ep1",
        "episode-explicit": "document-episodes/ep1",
        "time-bare": "t=754",
        "time-prefixed": "t=3723",
    }
    # sam's and kim's generated pages are in no toctree, so not in the one page: the
    # links fall back to sam's url and kim's plain name.
    fallback = {"speaker-url": "https://example.org/sam", "speaker-plain": None}
    for label, paragraph in items:
        href, text = link_of(paragraph)
        assert text == EXPECTED_HTML[label][1], label
        if label in fallback:
            assert href == fallback[label], label
        elif label in expected_fragment:
            assert href is not None and href.startswith("#"), (label, href)
            fragment = href.rpartition("#")[2]
            assert fragment == expected_fragment[label], (label, href)
            if not fragment.startswith("t="):
                assert fragment in ids, (label, href)
        else:
            assert href == EXPECTED_HTML[label][0], label


@pytest.mark.sphinx("text", testroot="xref", freshenv=True)
@pytest.mark.parametrize("page", LINK_PAGES)
def test_text_builder(app, page: str) -> None:  # type: ignore[no-untyped-def]
    app.build()
    assert warnings_of(app) == []
    text = (Path(app.outdir) / f"{page}.txt").read_text(encoding="utf-8")
    lines = {}
    for line in text.splitlines():
        if line.startswith("* "):
            label, _, value = line[2:].partition(":")
            lines[label] = value.strip()
    assert {label: lines[label] for label in EXPECTED_TEXT} == EXPECTED_TEXT
    assert "[12:34]" in (Path(app.outdir) / "episodes" / "ep8.txt").read_text(encoding="utf-8")


@pytest.mark.sphinx("latex", testroot="xref", freshenv=True)
def test_latex_links(app) -> None:  # type: ignore[no-untyped-def]
    app.build()
    assert warnings_of(app) == []
    (tex_file,) = Path(app.outdir).glob("*.tex")
    tex = tex_file.read_text(encoding="utf-8")
    assert (
        r"speaker\sphinxhyphen{}bare: {\hyperref[\detokenize{people:speaker-ada}]"
        r"{\sphinxcrossref{\DUrole{podcast-speaker-ref}{Ada Lindqvist}}}}"
    ) in tex
    assert (
        # sam's generated page is in no toctree, so not in the PDF: the link is the url
        r"speaker\sphinxhyphen{}url: \sphinxhref{https://example.org/sam}"
        r"{\DUrole{podcast-speaker-ref}{Sam Okafor}}"
    ) in tex
    assert (
        r"episode\sphinxhyphen{}docname: {\hyperref[\detokenize{episodes/ep1::doc}]"
        r"{\sphinxcrossref{\DUrole{podcast-episode-ref}{Lanterns on the Pier}}}}"
    ) in tex
    assert r"episode\sphinxhyphen{}label: {\hyperref[\detokenize{episodes/ep7:ep-seven}]" in tex
    assert r"time\sphinxhyphen{}bare: \DUrole{podcast-time}{{[}12:34{]}}" in tex


@pytest.mark.sphinx("latex", testroot="xref", freshenv=True)
def test_latex_link_targets_exist(app) -> None:  # type: ignore[no-untyped-def]
    """Every ``\\hyperref`` in the .tex has its ``\\label``: no dead links in the PDF."""
    app.build()
    (tex_file,) = Path(app.outdir).glob("*.tex")
    tex = tex_file.read_text(encoding="utf-8")
    targets = set(re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", tex))
    labels = set(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", tex))
    assert "people:speaker-ada" in targets
    assert sorted(targets - labels) == []


# -- inventory and index ---------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="xref", freshenv=True)
def test_objects_inv(app) -> None:  # type: ignore[no-untyped-def]
    app.build()
    inventory = InventoryFile.loads((Path(app.outdir) / "objects.inv").read_bytes(), uri="BASE")
    episodes = {
        name: (item.uri, item.display_name)
        for name, item in inventory.data["podcast:episode"].items()
    }
    # anchors that Sphinx's search page, which reads the same entries, can rebuild
    # (domain.searchable_anchor): an episode's title section, a profile's second id
    assert episodes == {
        "episodes/ep1": ("BASE/episodes/ep1.html#lanterns-on-the-pier", "Lanterns on the Pier"),
        "episodes/ep7": ("BASE/episodes/ep7.html#ep-seven", "The Lighthouse Ledger"),
        "episodes/ep8": ("BASE/episodes/ep8.html#fog-signals", "Fog Signals"),
    }
    speakers = {
        name: (item.uri, item.display_name)
        for name, item in inventory.data["podcast:speaker"].items()
    }
    assert speakers == {
        "ada": ("BASE/people.html#profile-ada", "Ada Lindqvist"),
        "kim": ("BASE/speakers/kim.html#profile-kim", "Kim Tarrant"),
        "rui": ("BASE/people.html#profile-rui", "Rui Brandão"),
        "sam": ("BASE/speakers/sam.html#profile-sam", "Sam Okafor"),
    }


@pytest.mark.sphinx("html", testroot="xref", freshenv=True)
def test_general_index(app) -> None:  # type: ignore[no-untyped-def]
    app.build()
    root = parse(Path(app.outdir) / "genindex.html")
    entries: dict[str, list[tuple[str, str]]] = {}
    for item in root.xpath("//table[contains(@class, 'indextable')]/tr/td/ul/li"):
        heading = " ".join((item.text or "").split())
        entries[heading] = [
            (" ".join(a.text_content().split()), a.get("href")) for a in item.xpath("./ul/li/a")
        ]
    assert entries["episode"] == [
        ("Fog Signals", "episodes/ep8.html#episode"),
        ("Lanterns on the Pier", "episodes/ep1.html#episode"),
        ("The Lighthouse Ledger", "episodes/ep7.html#episode"),
    ]
    assert entries["speaker"] == [
        ("Ada Lindqvist", "people.html#speaker-ada"),
        ("Kim Tarrant", "speakers/kim.html#speaker-kim"),
        ("Rui Brandão", "people.html#speaker-rui"),
        ("Sam Okafor", "speakers/sam.html#speaker-sam"),
    ]
    assert entries["Lanterns on the Pier"] == [("episode", "episodes/ep1.html#episode")]
    assert entries["Rui Brandão"] == [("speaker", "people.html#speaker-rui")]
    # The index's targets exist.
    assert parse(Path(app.outdir) / "episodes" / "ep1.html").xpath("//*[@id='episode']")
    assert parse(Path(app.outdir) / "people.html").xpath("//*[@id='speaker-rui']")
    assert parse(Path(app.outdir) / "speakers" / "kim.html").xpath("//*[@id='speaker-kim']")


@pytest.mark.sphinx(
    "html", testroot="xref", freshenv=True, confoverrides={"podcast_speaker_pages": False}
)
def test_without_speaker_pages(app) -> None:  # type: ignore[no-untyped-def]
    """podcast_speaker_pages = False: a speaker of conf.py links to their url, if any,
    else is plain text; no page is written and objects.inv lists only profiles."""
    app.build()
    assert warnings_of(app) == []
    items = dict(labelled_items(parse(Path(app.outdir) / "links.html")))
    assert link_of(items["speaker-url"]) == ("https://example.org/sam", "Sam Okafor")
    assert "external" in items["speaker-url"].xpath("./a")[0].get("class").split()
    assert link_of(items["speaker-plain"]) == (None, "Kim Tarrant")
    assert not (Path(app.srcdir) / "speakers").exists()
    inventory = InventoryFile.loads((Path(app.outdir) / "objects.inv").read_bytes(), uri="B")
    assert sorted(inventory.data["podcast:speaker"]) == ["ada", "rui"]


# -- any ---------------------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="xref-any", freshenv=True)
def test_any_role(app) -> None:  # type: ignore[no-untyped-def]
    """``{any}`` finds speakers and episodes, and an episode page is one target, not two."""
    app.build()
    root = parse(Path(app.outdir) / "index.html")
    links = {
        label: link_of(paragraph)[0]
        for label, paragraph in (
            ((p.text or "").partition(":")[0], p) for p in root.xpath("//div[@role='main']//li/p")
        )
    }
    assert links == {"by docname": "lanterns.html", "by alias": "people.html#speaker-ada"}
    # The episode page found by the podcast domain is the document the std domain
    # finds: that is not an ambiguity worth a warning.
    assert warnings_of(app) == []


# -- bad input ---------------------------------------------------------------------------

UNKNOWN_SPEAKER_MD = ("index.md:3", "podcast.unknown_speaker")
UNKNOWN_EPISODE_MD = ("index.md:5", "podcast.unknown_episode")
BAD_TIME_MD = ("index.md:7", "podcast.bad_time")
UNKNOWN_SPEAKER_RST = ("bad_rst.rst:4", "podcast.unknown_speaker")
UNKNOWN_EPISODE_RST = ("bad_rst.rst:6", "podcast.unknown_episode")
BAD_TIME_RST = ("bad_rst.rst:8", "podcast.bad_time")


def located(app) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(location, kind) for location, kind, _message in parsed_warnings(app)]


@pytest.mark.sphinx("html", testroot="xref-bad", freshenv=True)
def test_bad_references_warn_once_at_their_line(app) -> None:  # type: ignore[no-untyped-def]
    app.build()
    assert podcast_warnings(app) == warnings_of(app)
    assert parsed_warnings(app) == sorted(
        [
            (
                "bad_rst.rst:4",
                "podcast.unknown_speaker",
                "unknown speaker 'nobody': not in podcast_speakers nor a speaker directive",
            ),
            ("bad_rst.rst:6", "podcast.unknown_episode", "unknown episode 'no-such-episode'"),
            (
                "bad_rst.rst:8",
                "podcast.bad_time",
                "t role: malformed time '99:99:99:99': "
                "expected SS, MM:SS or H:MM:SS (optionally with .mmm)",
            ),
            (
                "index.md:3",
                "podcast.unknown_speaker",
                "unknown speaker 'nobody': not in podcast_speakers nor a speaker directive",
            ),
            ("index.md:5", "podcast.unknown_episode", "unknown episode 'no-such-episode'"),
            (
                "index.md:7",
                "podcast.bad_time",
                "t role: malformed time '12:7x': "
                "expected SS, MM:SS or H:MM:SS (optionally with .mmm)",
            ),
        ]
    )


@pytest.mark.sphinx("html", testroot="xref-bad", freshenv=True)
def test_bad_references_render_as_text(app) -> None:  # type: ignore[no-untyped-def]
    app.build()
    root = parse(Path(app.outdir) / "index.html")
    body = " ".join(root.xpath("//div[@role='main']")[0].text_content().split())
    assert "A link to nobody here." in body
    assert "A link to no-such-episode here." in body
    assert "A time 12:7x here, and Ada Lindqvist is fine." in body
    assert root.xpath("//div[@role='main']//a[contains(@href, 't=')]") == []


@pytest.mark.sphinx(
    "html",
    testroot="xref-bad",
    freshenv=True,
    confoverrides={"suppress_warnings": ["podcast.unknown_speaker", "podcast.unknown_episode"]},
)
def test_suppress_warnings(app) -> None:  # type: ignore[no-untyped-def]
    app.build()
    assert located(app) == sorted([BAD_TIME_MD, BAD_TIME_RST])


@pytest.mark.sphinx(
    "html", testroot="xref-bad", freshenv=True, confoverrides={"suppress_warnings": ["podcast"]}
)
def test_suppress_all_podcast_warnings(app) -> None:  # type: ignore[no-untyped-def]
    app.build()
    assert warnings_of(app) == []


@pytest.mark.sphinx(
    "html",
    testroot="xref-bad",
    freshenv=True,
    confoverrides={"nitpick_ignore": [("podcast:speaker", "nobody")]},
)
def test_nitpick_ignore(app) -> None:  # type: ignore[no-untyped-def]
    app.build()
    assert located(app) == sorted(
        [UNKNOWN_EPISODE_MD, BAD_TIME_MD, UNKNOWN_EPISODE_RST, BAD_TIME_RST]
    )


@pytest.mark.sphinx(
    "html",
    testroot="xref-bad",
    freshenv=True,
    confoverrides={"nitpick_ignore_regex": [("podcast:(speaker|episode)", "no.*")]},
)
def test_nitpick_ignore_regex(app) -> None:  # type: ignore[no-untyped-def]
    app.build()
    assert located(app) == sorted([BAD_TIME_MD, BAD_TIME_RST])


@pytest.mark.sphinx(
    "html",
    testroot="xref-bad",
    freshenv=True,
    confoverrides={"nitpick_ignore": [("podcast:episode", "nobody")]},
)
def test_nitpick_ignore_is_per_type(app) -> None:  # type: ignore[no-untyped-def]
    """An ignore entry for an episode called 'nobody' does not hide the unknown speaker."""
    app.build()
    assert located(app) == sorted(
        [
            UNKNOWN_SPEAKER_MD,
            UNKNOWN_EPISODE_MD,
            BAD_TIME_MD,
            UNKNOWN_SPEAKER_RST,
            UNKNOWN_EPISODE_RST,
            BAD_TIME_RST,
        ]
    )
