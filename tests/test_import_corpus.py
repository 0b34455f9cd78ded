"""A whole Jekyll site imported and built: every turn, the right speaker and time.

``tests/fixtures/jekyll-site`` is an invented podcast site with one post per form
of transcript people have (plain ``Name:`` turns, names alone on their line,
``**Name**:text``, a caller who speaks once, two guests who share a first name,
a topic-only contents list, chapter lists that partly match or sit next to a
quotes section, skipped heading levels, back links in headings, unclosed inline
HTML, permalinks and links to the site itself, timestamp-prefixed lines, initials,
HTML paragraphs). The module imports it once with ``sphinx-podcast import``,
builds the result once, and checks what a reader would: the turns of every page
(speaker and time), the warnings of the import, and the built HTML.
"""

from __future__ import annotations

import contextlib
import io
import json
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pytest
from conftest import build_app, text, warnings_of
from sphinx.testing.util import SphinxTestApp

from sphinx_podcast.cli import main

SITE = Path(__file__).parent / "fixtures" / "jekyll-site"
POSTS = SITE / "_posts"


@dataclass
class Corpus:
    out: Path
    status: int
    stderr: str
    app: SphinxTestApp

    def page(self, name: str) -> lxml.html.HtmlElement:
        return lxml.html.parse(str(Path(self.app.outdir) / f"{name}.html")).getroot()

    def warnings(self, post: str) -> list[str]:
        prefix = f"warning: {POSTS / post}.md:"
        return [line[len(prefix) :] for line in self.stderr.splitlines() if line.startswith(prefix)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    out = tmp_path_factory.mktemp("jekyll-site") / "site"
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        status = main(["import", str(POSTS), "-o", str(out), "--init", "--host", "Sam Host"])
        app = build_app("html", out, out / "_build")
    return Corpus(out, status, stderr.getvalue(), app)


def turns(root: lxml.html.HtmlElement) -> list[tuple[str, str | None]]:
    """(speaker key, start) of every turn of a built page."""
    return [
        (div.get("data-speaker"), div.get("data-start"))
        for div in root.xpath("//div[contains(concat(' ', @class, ' '), ' podcast-turn ')]")
    ]


SAM = ("sam-host", None)
EXPECTED_TURNS = {
    "2020-01-05-plain-names": [SAM, ("rita-mendes", None)] * 3,
    "2020-02-09-names-on-their-own-line": [SAM, ("tomas-vidal", None)] * 2,
    "2020-03-15-no-space-colons": [SAM, ("jun-park", None)] * 2,
    "2020-04-19-a-caller": [
        SAM,
        ("caller", None),
        ("priya-raman", None),
        SAM,
        ("morgan-bell", None),
        ("priya-raman", None),
    ],
    "2020-05-24-ada-example-on-tides": [SAM, ("ada-example", None)] * 2,
    "2020-06-28-ada-lovelace-on-engines": [SAM, ("ada-lovelace", None)] * 2,
    "2020-07-12-topic-contents": [SAM, ("lena-osei", None)] * 2,
    "2020-08-16-partial-chapters": [
        ("sam-host", "0"),
        ("noor-haddad", None),
        ("sam-host", "190"),
        ("noor-haddad", None),
        ("noor-haddad", "300"),
    ],
    "2020-09-20-chapters-and-quotes": [
        ("sam-host", "0"),
        ("ines-costa", None),
        ("sam-host", "260"),
        ("ines-costa", None),
    ],
    "2020-10-25-skipped-levels": [SAM, ("oskar-lind", None)] * 2,
    "2020-11-29-backlinks-in-headings": [SAM, ("hana-sato", None)] * 2,
    "2020-12-13-unclosed-html": [SAM, ("femi-adebayo", None)] * 2,
    "2021-01-17-permalinks": [SAM, ("ada-example", None)] * 3,
    "2021-02-21-timestamps": [
        ("sam-host", "4"),
        ("maria-rossi", "9"),
        ("maria-rossi", "70"),
        ("sam-host", "90"),
        ("maria-rossi", "125"),
        ("sam-host", "160"),
        ("maria-rossi", "172"),
    ],
    "2021-03-28-initials": [
        ("announcer", "5.2"),
        ("carla-castro", "20"),
        ("joan-park", "31.5"),
        ("sam-host", "40.1"),
        ("joan-park", "44.8"),
        ("carla-castro", "70.3"),
    ],
    "2021-04-25-html-paragraphs": [SAM, ("luis-moreno", None)] * 2,
}


def test_the_fixture_site_builds_with_W(corpus: Corpus) -> None:
    assert corpus.status == 0, corpus.stderr
    assert warnings_of(corpus.app) == []
    assert sorted(p.stem for p in POSTS.glob("*.md")) == sorted(EXPECTED_TURNS)


@pytest.mark.parametrize("post", sorted(EXPECTED_TURNS))
def test_every_turn_has_the_right_speaker_and_time(corpus: Corpus, post: str) -> None:
    assert turns(corpus.page(post)) == EXPECTED_TURNS[post]


def test_the_import_warns_about_what_it_did_not_take_as_written(corpus: Corpus) -> None:
    assert corpus.warnings("2020-07-12-topic-contents") == [
        "10: the hand-written Contents list is kept as written: 3 of its 3 entries match no "
        "section of the page ('What breaks first', 'Why brass turns green', 'Lenses nobody "
        "needs')"
    ]
    assert corpus.warnings("2020-08-16-partial-chapters") == [
        "8: hand-written outline (4 entries) replaced by an outline directive (with 2 chapters "
        "of their own)",
        "12: 2 chapters ('A Buoy Adrift' first, lines 12, 13) match no section with turns: kept "
        "as 2 chapters of their own in the outline",
    ]
    assert corpus.warnings("2020-12-13-unclosed-html")[1:3] == [
        "12: HTML <b> left open: closed at the end of its paragraph",
        "12: HTML <b> kept as written (line 12): shown by the HTML builders only",
    ]
    for post in ("2020-01-05-plain-names", "2021-02-21-timestamps", "2021-03-28-initials"):
        assert corpus.warnings(post) == [], post


def test_the_summary_of_each_source(corpus: Corpus) -> None:
    lines = [line for line in corpus.stderr.splitlines() if line.startswith("[")]
    assert len(lines) == 16
    assert lines[7].endswith(
        "2020-08-16-partial-chapters.md: 5 turns (3 timed), 2 speakers (Sam Host, Noor "
        "Haddad); chapters: 2 on sections, 2 of their own"
    )
    assert lines[6].endswith(
        "2020-07-12-topic-contents.md: 4 turns (0 timed), 2 speakers (Sam Host, Lena Osei); "
        "kept as written: the Contents list"
    )


def test_two_guests_who_share_a_first_name_stay_two_speakers(corpus: Corpus) -> None:
    speakers = (corpus.out / "speakers.md").read_text(encoding="utf-8")
    assert "```{speaker} ada-example\n:name: Ada Example\n```" in speakers
    assert "```{speaker} ada-lovelace\n:name: Ada Lovelace\n```" in speakers
    assert "```{speaker} ada\n" not in speakers


def test_quotes_stay_quotes_and_get_no_chapter_time(corpus: Corpus) -> None:
    root = corpus.page("2020-09-20-chapters-and-quotes")
    (section,) = root.xpath("//section[@id='highlighted-quotes']")
    assert section.xpath(".//div[contains(concat(' ', @class, ' '), ' podcast-turn ')]") == []
    # a quote that Ines's turn says is a highlight of the episode...
    (highlight,) = section.xpath(".//figure[contains(@class, 'podcast-soundbite')]")
    assert highlight.get("data-speaker") == "ines-costa"
    assert text(highlight.xpath(".//blockquote")[0]) == (
        "The harbour changes faster than the charts."
    )
    # ...the others, said by no turn of the page, stay block quotes with their speaker
    quotes = [text(q) for q in section.xpath("./section/blockquote")]
    assert quotes == [  # (MyST's smart quotes)
        "“A weighted line never needs a battery.” — Ines Costa",
        "“I will never look at a chart the same way.” — Sam Host",
    ]
    assert corpus.warnings("2020-09-20-chapters-and-quotes")[2:] == [
        "32: the quote 'A weighted line never needs a battery.' is said by no turn of Ines "
        "Costa on this page: kept as a block quote, not a highlight",
        "34: the quote 'I will never look at a chart the same way.' is said by no turn of Sam "
        "Host on this page: kept as a block quote, not a highlight",
    ]
    # "Soundings" is a heading inside the quotes: its time is a chapter of its own
    chapters = json.loads(
        (Path(corpus.app.outdir) / "2020-09-20-chapters-and-quotes.chapters.json").read_text(
            encoding="utf-8"
        )
    )["chapters"]
    assert [(c["startTime"], c["title"]) for c in chapters] == [
        (0, "Maps"),
        (260, "Depths"),
        (540, "Soundings"),
    ]


def test_partly_matching_chapters_keep_every_time(corpus: Corpus) -> None:
    root = corpus.page("2020-08-16-partial-chapters")
    entries = [text(li) for li in root.xpath("//ul[contains(@class, 'podcast-outline-list')]/li")]
    assert entries == [
        "Introduction 00:00",
        "Painting buoys 03:10",
        "A Buoy Adrift 07:45",
        "What Listeners Asked 12:30",
    ]


def test_headings_are_closed_up_and_lose_their_back_links(corpus: Corpus) -> None:
    root = corpus.page("2020-10-25-skipped-levels")
    headings = [(h.tag, text(h)) for h in root.xpath("//section//*[self::h2 or self::h3]")]
    assert headings == [("h2", "Knots¶"), ("h2", "Splices¶"), ("h3", "Eye splices¶")]
    root = corpus.page("2020-11-29-backlinks-in-headings")
    assert [text(h) for h in root.xpath("//section/h2")] == ["Wind¶", "Rain¶"]


def test_a_tag_left_open_is_closed_in_its_paragraph(corpus: Corpus) -> None:
    root = corpus.page("2020-12-13-unclosed-html")
    (bold,) = root.xpath("//b")
    assert text(bold) == "Reel Time, a fishing boat."
    last = turns_of(root)[-1]
    assert last.xpath(".//b") == [] and text(last.xpath(".//sup")[0]) == "about fish."


def turns_of(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    found: list[lxml.html.HtmlElement] = root.xpath(
        "//div[contains(concat(' ', @class, ' '), ' podcast-turn ')]"
    )
    return found


def test_old_addresses_and_links_keep_working(corpus: Corpus) -> None:
    redirects = json.loads((corpus.out / "redirects.json").read_text(encoding="utf-8"))
    assert redirects["ada-again"] == "2021-01-17-permalinks.html"
    assert redirects["episodes/ada-2/index"] == "../../2021-01-17-permalinks.html"
    assert redirects["old/ada-again"] == "../2021-01-17-permalinks.html"
    # the site's permalink style (pretty) gives the other posts their old addresses
    assert redirects["2020/06/28/ada-lovelace-on-engines/index"] == (
        "../../../../2020-06-28-ada-lovelace-on-engines.html"
    )
    root = corpus.page("2021-01-17-permalinks")
    links = {text(a): a.get("href") for a in root.xpath("//div[@role='main']//a[@href]")}
    assert links["open tide tables"] == "2020-05-24-ada-example-on-tides.html#tables"
    assert links["spoke about engines"] == "2020-06-28-ada-lovelace-on-engines.html"
    assert links["about page"] == "https://harbour-signals.example/about/"
    assert links["the earlier tables"] == "2020-05-24-ada-example-on-tides.html"
    assert links["batteries"] == "#don-t-forget-the-battery"
    # the ids the old site gave the headings still land on them: the GitHub-style one
    # through MyST's heading anchors, kramdown's own (no accented letters) as a <div>
    (old,) = root.xpath("//*[@id='dont-forget-the-battery']")
    assert old.getparent().get("id") == "don-t-forget-the-battery"
    (old,) = root.xpath("//div[@id='radar-at-the-caf']")
    assert old.getparent().get("id") == "radar-at-the-cafe"
    assert links["Back to the start"] == "#radar-at-the-cafe"


def test_the_conf_py_of_init_reads_the_redirects(corpus: Corpus) -> None:
    conf = (corpus.out / "conf.py").read_text(encoding="utf-8")
    assert 'Path(__file__).with_name("redirects.json")' in conf
    assert 'extensions.append("sphinx_reredirects")' in conf
    assert "myst_heading_anchors = 6" in conf


def test_html_paragraphs_become_turns(corpus: Corpus) -> None:
    root = corpus.page("2021-04-25-html-paragraphs")
    assert [text(t) for t in turns_of(root)][-1] == (
        "Luis Moreno: Some do. Captain has sailed to three countries."
    )
    assert turns_of(root)[-1].xpath(".//em/text()") == ["Captain"]
