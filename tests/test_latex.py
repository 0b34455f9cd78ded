"""The LaTeX writer: what it puts in the .tex file (no TeX needed; see test_pdf.py for PDFs).

tests/roots/test-latex: an episode with media, an outline, three speakers, back
links and two highlights (one in an untimed turn), and a people page with a local
and a remote avatar.
tests/roots/test-hostile: LaTeX's special characters in every field an author fills.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOTS, build_app, warnings_of
from sphinx.util.texescape import escape

from sphinx_podcast.writers.latex import STY

TURN = re.compile(
    r"\\begin\{sphinxpodcastturn\}\{(?P<colour>\d)\}"
    r"\\phantomsection\\label\{\\detokenize\{(?P<label>[^}]*)\}\}%\n"
    r"(?P<body>.*?)\\end\{sphinxpodcastturn\}",
    re.DOTALL,
)


@pytest.fixture(scope="module")
def latex_build(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Build a root once per module with the latex builder: (app, the .tex text)."""
    from sphinx.testing.util import SphinxTestApp

    built: dict[str, tuple[SphinxTestApp, str]] = {}

    def build(root: str) -> tuple[SphinxTestApp, str]:
        if root not in built:
            srcdir = tmp_path_factory.mktemp(root) / "src"
            shutil.copytree(ROOTS / f"test-{root}", srcdir)
            app = build_app("latex", srcdir, fresh=True)
            (tex,) = Path(app.outdir).glob("*.tex")
            built[root] = (app, tex.read_text(encoding="utf-8"))
        return built[root]

    return build


def test_builds_offline_without_warnings(latex_build) -> None:  # type: ignore[no-untyped-def]
    app, _tex = latex_build("latex")
    # The remote avatar is left out before Sphinx would try to download it.
    assert warnings_of(app) == []


def test_package_is_loaded_and_copied(latex_build) -> None:  # type: ignore[no-untyped-def]
    app, tex = latex_build("latex")
    assert tex.index(r"\usepackage{hyperref}") < tex.index(r"\usepackage{sphinxpodcast}")
    copied = Path(app.outdir) / "sphinxpodcast.sty"
    assert copied.read_bytes() == STY.read_bytes()


def test_turns_have_labels_and_one_colour_per_speaker(latex_build) -> None:  # type: ignore[no-untyped-def]
    _app, tex = latex_build("latex")
    turns = list(TURN.finditer(tex))
    assert [t["label"] for t in turns] == [f"episode:turn-{n}" for n in range(1, 7)]
    colours: dict[str, set[str]] = {}
    for turn in turns:
        name = re.search(r"podcast-speaker-ref\}\{([^}]*)\}", turn["body"])
        assert name, turn["body"]
        colours.setdefault(name[1], set()).add(turn["colour"])
    # In the order of podcast_speakers: lena, ben, rosa.
    assert colours == {"Lena Osei": {"0"}, "Ben Okafor": {"1"}, "Rosa Lind": {"2"}}
    first = turns[0]["body"]
    # bold coloured name (a link to the profile), then the time, then the text
    assert (
        r"\sphinxpodcastspeaker{{\hyperref[\detokenize{people:speaker-lena}]"
        r"{\sphinxcrossref{\DUrole{podcast-speaker-ref}{Lena Osei}}}}} "
        r"\DUrole{podcast-time}{{[}00:30{]}}\DUrole{podcast-sep}{: }}"
        "What does a tide gauge measure?"
    ) in first
    # A continuation paragraph stays inside the turn (the hanging indent).
    assert "This continues Rosa’s turn." in turns[2]["body"]


def test_outline_is_a_linked_list_with_times(latex_build) -> None:  # type: ignore[no-untyped-def]
    _app, tex = latex_build("latex")
    block = tex[
        tex.index(r"\begin{sphinxpodcastoutline}") : tex.index(r"\end{sphinxpodcastoutline}")
    ]
    assert block.startswith(
        r"\begin{sphinxpodcastoutline}{Outline}"
        r"\phantomsection\label{\detokenize{episode:outline}}"
    )
    entries = re.findall(
        r"\\sphinxpodcastoutlineentry\{(\d)\}\{\{\\hyperref\[\\detokenize\{([^}]*)\}\]"
        r"\{\\sphinxcrossref\{([^}]*)\}\}\}\}\{([^}]*)\}",
        block,
    )
    assert entries == [
        ("0", "episode:the-gauge", "The gauge", "00:30"),
        ("1", "episode:calibration", "Calibration", "05:00"),
        ("0", "episode:the-data", "The data", "10:00"),
    ]


def test_back_links_lead_to_the_outline(latex_build) -> None:  # type: ignore[no-untyped-def]
    _app, tex = latex_build("latex")
    backlinks = re.findall(
        r"\\sphinxpodcastbacklink\{\{\\hyperref\[\\detokenize\{([^}]*)\}\]"
        r"\{\\sphinxcrossref\{\\\(\\uparrow\\\)\\sphinxpodcastbacklinklabel\{Back to the outline\}",
        tex,
    )
    assert backlinks == ["episode:outline"] * 3  # one per outlined section
    # kept on the page of the turn before it
    assert tex.count(r"\sphinxpodcastkeepwithnext") == 3
    assert tex.count("\\nobreak\\sphinxAtStartPar\n\\sphinxpodcastbacklink") == 3


def test_every_internal_link_has_a_target(latex_build) -> None:  # type: ignore[no-untyped-def]
    for root in ("latex", "hostile"):
        _app, tex = latex_build(root)
        labels = set(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", tex))
        targets = set(re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", tex))
        assert targets, root
        assert targets <= labels, targets - labels


def test_episode_header_block_and_media(latex_build) -> None:  # type: ignore[no-untyped-def]
    app, tex = latex_build("latex")
    header = tex[
        tex.index(r"\begin{sphinxpodcastepisode}") : tex.index(r"\end{sphinxpodcastepisode}")
    ]
    assert r"\label{\detokenize{episode:episode}}" in header
    assert (
        r"\sphinxpodcastmeta{\DUrole{podcast-episode-number}{Episode 3} · "
        r"\DUrole{podcast-episode-date}{June 1, 2025} · "
        r"\DUrole{podcast-episode-duration}{42 min}}"
    ) in header
    assert r"\sphinxpodcastpeople{\DUrole{podcast-episode-hosts}{\DUrole{podcast-label}{Host:}" in (
        header
    )
    items = re.findall(
        r"\\sphinxpodcastmediaitem\{[^\n]*?\}\{\\sphinxincludegraphics\[width=\\sphinxpodcastqrwidth\]"
        r"\{\{(podcast-qr-[0-9a-f]+)\}\.png\}\}\{([^}]*)\}\{\\sphinxhref\{([^}]*)\}",
        header,
    )
    assert [(provider, url) for _qr, provider, url in items] == [
        ("Audio", "https://media.example.org/tide/ep3.mp3"),
        ("YouTube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
    ]
    for qr, _provider, _url in items:
        assert (Path(app.outdir) / f"{qr}.png").read_bytes().startswith(b"\x89PNG")


def test_profiles_show_local_avatars_only(latex_build) -> None:  # type: ignore[no-untyped-def]
    app, tex = latex_build("latex")
    profiles = re.findall(r"\\begin\{sphinxpodcastprofile\}(\[.*?\])?\\phantomsection", tex)
    assert profiles == [
        r"[{\noindent\sphinxincludegraphics[width=1.000\linewidth]{{lena}.png}}]",
        "",  # ben's avatar is remote: left out, not downloaded
        "",
    ]
    assert (Path(app.outdir) / "lena.png").is_file()
    assert "example.org/ben.png" not in tex


def test_pull_quotes_are_spaced_and_untimed_ones_link_nowhere(latex_build) -> None:  # type: ignore[no-untyped-def]
    _app, tex = latex_build("latex")
    # In their turns, in the episode's highlights and on the people page (Ben's, Rosa's).
    assert tex.count(r"\begin{sphinxpodcastsoundbite}") == 6
    # Space before and after each: its rules keep clear of the lines around it.
    quotes = re.findall(
        r"\n\\sphinxpodcastsoundbitespace\n\\begin\{sphinxpodcastsoundbite\}.*?"
        r"\\end\{sphinxpodcastsoundbite\}\n\\sphinxpodcastsoundbitespace\n",
        tex,
        re.DOTALL,
    )
    assert len(quotes) == 6
    assert r"\newcommand\sphinxpodcastsoundbitespace{\par\addvspace{\bigskipamount}}" in (
        STY.read_text(encoding="utf-8")
    )

    def person(key: str, name: str) -> str:
        return (
            rf"{{\hyperref[\detokenize{{people:speaker-{key}}}]"
            rf"{{\sphinxcrossref{{\DUrole{{podcast-speaker-ref}}{{{name}}}}}}}}}"
        )

    ben, rosa = person("ben", "Ben Okafor"), person("rosa", "Rosa Lind")
    at_1_00 = (
        r"{\hyperref[\detokenize{episode:soundbite-1}]"
        r"{\sphinxcrossref{\DUrole{podcast-turn-ref}{01:00}}}}"
    )
    episode = r"{\hyperref[\detokenize{episode::doc}]{\sphinxcrossref{Measuring the Harbour}}}"
    captions = re.findall(r"\\sphinxpodcastsoundbitecaption\{(.*)\}\n", tex)
    # A timed highlight's time links to its moment; an untimed one shows no link text
    # ("Go to the quote" means nothing on paper), only who said it (and the episode).
    assert captions == [
        f"{ben} · {at_1_00}",  # the episode's highlights
        rosa,
        f"{ben} · {at_1_00}",  # in the turns
        rosa,
        f"{ben} · {episode} · {at_1_00}",  # the people page
        f"{rosa} · {episode}",
    ]
    assert "Go to the quote" not in tex


def test_hostile_text_is_escaped(latex_build) -> None:  # type: ignore[no-untyped-def]
    app, tex = latex_build("hostile")
    assert warnings_of(app) == []
    title = r"Q&A #5: 100% {x} ~y~ _z_ \w $v ^u"
    for text in (
        title,  # page and section title, header, lists
        "R&D #1 {Lab} 100%",  # a speaker's name
        r"$v ^u \w Ünïcødé <Ö>",
        'Close} Brace{ O\'Neil "Q"',
        "Out & line #1 {100%} ~_^\\",  # the outline's title
        r"Start & {braces} 100% #1 ~y~ _z_ \w $v ^u",  # a section title
        "host & {producer} 100%",  # a role
        "^ {#} top",  # podcast_backlink_symbol
    ):
        assert escape(text, "pdflatex") in tex, text
    # Nothing an author wrote reaches LaTeX unescaped (labels are detokenized).
    body = tex[tex.index(r"\begin{document}") :]
    for pattern in (r"(?<!\\)\{Lab", r"(?<!\\)#1", r"(?<!\\)\$v", r"(?<!\\)% ", r"(?<![\\{])~y"):
        lines = [
            line
            for line in body.splitlines()
            if re.search(pattern, line) and "detokenize" not in line
        ]
        assert lines == [], (pattern, lines[:3])


def test_episode_table_has_widths_for_print(latex_build) -> None:  # type: ignore[no-untyped-def]
    # Left to tabulary, its five columns came out alike in the PDF: "Dura-tion", dates
    # over two lines, guests' names hyphenated (see test_pdf.py for the printed table).
    _app, tex = latex_build("lists")
    tables = re.findall(
        r"\\begin\{sphinxuseclass\}\{podcast-episode-list\}\n\n"
        r"\\begin\{savenotes\}\\sphinxattablestart\n(?:.*\n){2}(\\begin\{\w+\}.*)\n",
        tex,
    )
    spec = r"\begin{tabular}[t]{\X{7}{100}\X{37}{100}\X{18}{100}\X{12}{100}\X{26}{100}}"
    assert tables == [spec, spec]  # lists/table.md and lists/table-rst.rst
