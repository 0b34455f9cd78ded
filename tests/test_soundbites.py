"""Highlights (``soundbite``, ``soundbites``, ``soundbite-list``, the role) and moments
linked with ``{turn}`` and ``{t}``.

Root ``soundbites``: ep1 (MyST) marks highlights in its turns (a directive after a
bold turn, the role, a directive inside a ``turn`` directive), so it gets the
automatic list at its top; ep2 (rST) has a "Highlighted quotes" section of
directives that find their turn by ``:time:``, ``:turn:`` and the quote's text (one
quotes nothing of its turn). quotes.md lists them across the site and links moments.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from conftest import ROOTS, build_copy, has_class, parse, text, warnings_of
from test_crosspage_incremental import bodies, build, edit, progress

from sphinx_podcast.soundbites import quote_in

NS = {"podcast": "https://podcastindex.org/namespace/1.0"}


def figures(root: lxml.html.HtmlElement) -> list[tuple[str | None, str, str, str, str]]:
    """(id, data-speaker, data-start, quote, caption) of each highlight under *root*."""
    return [
        (
            figure.get("id"),
            figure.get("data-speaker"),
            figure.get("data-start"),
            text(figure.xpath("./blockquote")[0]),
            text(figure.xpath("./figcaption")[0]),
        )
        for figure in root.xpath(f".//figure[{has_class('podcast-soundbite')}]")
    ]


def moment_hrefs(root: lxml.html.HtmlElement) -> list[str]:
    return root.xpath(f".//figcaption/a[{has_class('podcast-soundbite-link')}]/@href")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("soundbites")
    return build_copy("test-soundbites", tmp, "serial", "1"), build_copy(
        "test-soundbites", tmp, "parallel", "2"
    )


def test_warnings(built) -> None:  # type: ignore[no-untyped-def]
    serial, parallel = built
    expected = [
        "ep1.md:29: WARNING: soundbite lasts 02:30; the podcast namespace recommends 15 "
        "to 120 seconds (set :duration:) [podcast.soundbite]",
        "ep2.rst:34: WARNING: soundbite 'This sentence is nowhere in the episode.' is not "
        "in the turn of Sam at 00:00 (line 42) [podcast.soundbite]",
        "quotes.md:22: WARNING: turn role: unknown moment 'ep9:01:00': expected "
        "EPISODE:TIME, EPISODE:turn-N or a label placed on a turn [podcast.unknown_episode]",
        "quotes.md:23: WARNING: turn role: episode 'ep1' has no moment 'turn-99' (a time, "
        "turn-N or soundbite-N) [podcast.bad_time]",
    ]
    for build_ in (serial, parallel):
        lines = [
            line.replace(str(build_.srcdir) + "/", "")
            for line in build_.warnings.splitlines()
            if line.strip()
        ]
        assert sorted(lines) == expected


def test_parallel_build_equals_serial(built) -> None:  # type: ignore[no-untyped-def]
    serial, parallel = built
    assert bodies(parallel.outdir) == bodies(serial.outdir)


def test_highlights_marked_in_turns_and_the_automatic_list(built) -> None:  # type: ignore[no-untyped-def]
    serial, _parallel = built
    root = parse(serial.outdir / "ep1.html")
    (auto,) = root.xpath(f"//*[{has_class('podcast-soundbites-auto')}]")
    # a line of the episode header that opens, before the links to other episodes
    assert (auto.tag, auto.getparent().tag, auto.get("open")) == ("details", "header", None)
    after = [sibling.get("class").split()[0] for sibling in auto.itersiblings()]
    assert after[:2] == ["podcast-downloads", "podcast-episode-links"]  # share its line
    assert text(auto.xpath("./summary")[0]) == "Highlights (3)"
    quote1 = "“I started restoring the mill in my spare time … it grew into a village project.”"
    assert figures(auto) == [
        (None, "ada", "30", quote1, "Ada Miller · 00:30"),
        (None, "ada", "90", "nobody remembers who baked the first loaf", "Ada Miller · 01:30"),
        (None, "ada", "300", "Slower wheels and better flour.", "Ada Miller · 05:00"),
    ]
    assert moment_hrefs(auto) == ["#t=30", "#t=90", "#t=300"]
    # The directive after Ada's bold turn is part of that turn, as a pull quote.
    (turn,) = root.xpath("//div[@id='turn-2']")
    assert turn.get("data-start") == "30"
    assert figures(turn) == [("soundbite-1", "ada", "30", quote1, "Ada Miller · 00:30")]
    # The role marks the sentence in place.
    (mark,) = root.xpath("//mark")
    assert mark.get("id") == "soundbite-2"
    assert mark.get("class") == "podcast-soundbite-mark"
    assert mark.xpath("ancestor::div[1]/@data-start") == ["90"]
    # Inside a turn directive.
    (turn,) = root.xpath("//div[@data-start='300']")
    assert [f[0] for f in figures(turn)] == ["soundbite-3"]


def test_highlights_section_finds_turns_by_time_turn_and_text(built) -> None:  # type: ignore[no-untyped-def]
    serial, _parallel = built
    root = parse(serial.outdir / "ep2.html")
    assert root.xpath(f"//*[{has_class('podcast-soundbites-auto')}]") == []  # shown already
    (section,) = root.xpath("//section[@id='highlighted-quotes']")
    assert figures(section) == [
        ("soundbite-1", "tove", "130", "The floor remembers every harvest.", "Tove Berg · 02:10"),
        ("soundbite-2", "tove", "180", "Flails are older than writing.", "Tove Berg · 03:00"),
        ("soundbite-3", "tove", "230", "We sing to keep the rhythm.", "Tove Berg · 03:50"),
        (
            "soundbite-4",
            "sam",
            "5",
            "This sentence is nowhere in the episode.",
            "Sam Reed · 00:05",
        ),
    ]
    assert moment_hrefs(section) == ["#t=130", "#t=180", "#t=230", "#t=5"]
    assert section.xpath(".//figure/@class")[0].split() == ["podcast-soundbite", "podcast-color-2"]


def test_site_lists_and_speaker_pages(built) -> None:  # type: ignore[no-untyped-def]
    serial, _parallel = built
    root = parse(serial.outdir / "quotes.html")
    lists = root.xpath(f"//div[{has_class('podcast-soundbite-list')}]")
    assert len(lists) == 2
    # newest episode first, then by time; each with its episode
    assert [(f[1], f[2], f[4]) for f in figures(lists[0])] == [
        ("sam", "5", "Sam Reed · Threshing Floors · 00:05"),
        ("tove", "130", "Tove Berg · Threshing Floors · 02:10"),
        ("tove", "180", "Tove Berg · Threshing Floors · 03:00"),
        ("tove", "230", "Tove Berg · Threshing Floors · 03:50"),
        ("ada", "30", "Ada Miller · Mills and Memory · 00:30"),
        ("ada", "90", "Ada Miller · Mills and Memory · 01:30"),
        ("ada", "300", "Ada Miller · Mills and Memory · 05:00"),
    ]
    assert moment_hrefs(lists[0])[:2] == ["ep2.html#t=5", "ep2.html#t=130"]
    assert [f[3] for f in figures(lists[1])] == ["Flails are older than writing."]
    tove = parse(serial.outdir / "speakers" / "tove.html")
    (profile,) = tove.xpath(f"//div[{has_class('podcast-speaker-profile')}]")
    assert [f[2] for f in figures(profile)] == ["130", "180", "230"]
    assert moment_hrefs(profile) == ["../ep2.html#t=130", "../ep2.html#t=180", "../ep2.html#t=230"]


def test_turn_and_t_roles(built) -> None:  # type: ignore[no-untyped-def]
    serial, _parallel = built
    root = parse(serial.outdir / "quotes.html")
    links = {}
    for paragraph in root.xpath("//div[@role='main']//li/p"):
        label = (paragraph.text or "").partition(":")[0].strip()
        anchors = paragraph.xpath("./a")
        links[label] = (anchors[0].get("href"), text(anchors[0])) if anchors else None
    assert links == {
        "turn-time": ("ep1.html#t=90", "Mills and Memory at 01:30"),
        "turn-explicit": ("ep2.html#t=120", "what Tove said"),
        "turn-id": ("ep2.html#turn-3", "Threshing Floors"),
        "turn-soundbite": ("ep1.html#t=90", "Mills and Memory at 01:30"),
        "t-other": ("ep1.html#t=240", "04:00"),
        "turn-bad-episode": None,
        "turn-bad-moment": None,
    }
    assert root.xpath("//div[@id='turn-3']") == []  # the target page has it:
    assert parse(serial.outdir / "ep2.html").xpath("//div[@id='turn-3']/@data-speaker") == ["tove"]


def test_sphinx_and_docutils_highlight_directives_still_work(built) -> None:  # type: ignore[no-untyped-def]
    serial, _parallel = built
    root = parse(serial.outdir / "quotes.html")
    assert text(root.xpath("//blockquote[@class='highlights']")[0]) == (
        "Docutils’ highlights directive is still its own."
    )
    assert root.xpath(f"//div[{has_class('highlight-python')}]")


def test_feed_soundbites(built) -> None:  # type: ignore[no-untyped-def]
    serial, _parallel = built
    feed = lxml.etree.parse(str(serial.outdir / "feed.xml"))
    items = {
        item.findtext("title"): [
            (bite.get("startTime"), bite.get("duration"), bite.text)
            for bite in item.iterfind("podcast:soundbite", NS)
        ]
        for item in feed.iterfind("channel/item")
    }
    assert items == {
        "Mills and Memory": [
            (
                "30",
                "40",
                "I started restoring the mill in my spare time … it grew into a village project.",
            ),
            ("90", "150", "nobody remembers who baked the first loaf"),  # warned: > 120 s
            ("300", "20", "Slower wheels and better flour."),  # :duration: 20
        ],
        "Threshing Floors": [
            ("130", "50", "The floor remembers every harvest."),
            ("180", "30", "Flails are older than writing."),
            ("230", "70", "We sing to keep the rhythm."),  # to the episode's end
            ("5", "115", "This sentence is nowhere in the episode."),
        ],
    }


def test_latex_pull_quotes(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-soundbites", srcdir)
    app = make_app("latex", srcdir=srcdir)
    app.build()
    (tex_file,) = Path(app.outdir).glob("*.tex")
    tex = tex_file.read_text(encoding="utf-8")
    # three in ep1's list and two in its turns (the role marks text), four in ep2,
    # seven and one in the lists of quotes
    assert tex.count(r"\begin{sphinxpodcastsoundbite}") == 3 + 2 + 4 + 8
    assert (
        # (Tove's generated page is in no toctree: her name is not a link in the PDF)
        r"\sphinxpodcastsoundbitecaption{\DUrole{podcast-speaker-ref}{Tove Berg} · "
        r"{\hyperref[\detokenize{ep2:soundbite-2}]"
        r"{\sphinxcrossref{\DUrole{podcast-turn-ref}{03:00}}}}}"
    ) in tex
    assert r"\label{\detokenize{ep2:soundbite-2}}" in tex
    assert (Path(app.outdir) / "sphinxpodcast.sty").read_text(encoding="utf-8").count(
        r"\newenvironment{sphinxpodcastsoundbite}"
    ) == 1


def test_editing_a_highlight_rewrites_the_pages_that_show_it(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-soundbites", srcdir)
    build(make_app, srcdir)
    edit(srcdir / "ep2.rst", "Flails are older than writing.\n", "Flails are older than writing!\n")
    app = build(make_app, srcdir)
    assert progress(app, "reading sources") == ["ep2"]
    assert sorted(progress(app, "writing output")) == ["ep2", "index", "quotes", "speakers/tove"]
    clean = tmp_path / "clean"
    shutil.copytree(srcdir, clean, ignore=shutil.ignore_patterns("_build"))
    reference = build(make_app, clean, freshenv=True)
    expected = bodies(Path(reference.outdir))
    assert {p: bodies(Path(app.outdir)).get(p) for p in expected} == expected
    # the intended ones of the pages read or written again, and of the feed
    assert sorted(line.partition(": WARNING")[0] for line in warnings_of(app)) == [
        "ep1.md:29",
        "ep2.rst:34",
        "quotes.md:22",
        "quotes.md:23",
    ]


@pytest.mark.parametrize(
    ("quote", "said", "found"),
    [
        ("I said this", "Well, I said this, twice.", True),
        ("“I SAID  this”", "Well, I said this.", True),  # case, marks and spaces aside
        ("I’m here … and there", "I'm here, then later and there.", True),
        ("and there ... I'm here", "I'm here, then later and there.", False),  # order counts
        ("not said", "Something else.", False),
    ],
)
def test_quote_in(quote: str, said: str, found: bool) -> None:
    assert quote_in(quote, said) is found


def test_moment_links_into_another_project(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """``{turn}`` and ``{t}`` find the episode in another project's objects.inv."""
    pod = tmp_path / "pod"
    shutil.copytree(ROOTS / "test-soundbites", pod)
    podcast = build(make_app, pod)
    outdir = Path(podcast.outdir)
    client = tmp_path / "client"
    client.mkdir()
    (client / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_podcast", "sphinx.ext.intersphinx"]\n'
        f"intersphinx_mapping = {{'grain': ({str(outdir)!r}, {str(outdir / 'objects.inv')!r})}}\n",
        encoding="utf-8",
    )
    (client / "index.md").write_text(
        "# Client\n\n- a: {turn}`ep2:02:00`\n- b: {t}`grain:ep1:01:30`\n"
        "- c: {turn}`said here <ep2:turn-3>`\n",
        encoding="utf-8",
    )
    app = build(make_app, client)
    assert warnings_of(app) == []
    root = parse(Path(app.outdir) / "index.html")
    links = [(a.get("href"), text(a)) for a in root.xpath("//li/p/a")]
    assert links == [
        (f"{outdir}/ep2.html#t=120", "Threshing Floors at 02:00"),
        (f"{outdir}/ep1.html#t=90", "01:30"),
        (f"{outdir}/ep2.html#turn-3", "said here"),
    ]
    assert re.search(r"external", root.xpath("//li/p/a/@class")[0])
