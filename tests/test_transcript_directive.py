"""The ``transcript`` directive: turns from caption files, chapters as sections, bad files.

Roots: ``transcript`` (the same episode in MyST and rST, a diarized WhisperX file, SRT
inside a note) and ``transcript-bad`` (one page per way a file can be wrong).
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
from conftest import ROOTS, build_app, podcast_warnings, resolved_doctree, warnings_of
from docutils import nodes

from sphinx_podcast import nodes as pn

EXPECTED_TURNS = [
    ("sam", 1.0, "Welcome to Harbour Signals. Today: tide tables. My guest keeps a tide gauge online."),  # noqa: E501
    ("ada", 7.25, "Thanks, Sam. It is a small gauge on a very old pier."),
    ("sam", 12.0, "How old is the pier & the gauge?"),
    ("ada", 15.48, "The pier is from 1893. The gauge is younger than my bicycle."),
    ("sam", 62.0, "Who reads the numbers <today>?"),
    ("ada", 66.0, "Fishermen, kayakers, and one very curious school class. They all need the same numbers."),  # noqa: E501
]  # fmt: skip
_VARYING = re.compile(r' (source|docname|refdoc)="[^"]*"')


def turn_text(turn: pn.turn) -> str:
    """The words of a turn (in HTML, a label is a node only to hold an avatar)."""
    label = next(iter(turn.findall(pn.turn_label)), None)
    return turn.astext()[len(label.astext()) if label is not None else 0 :].strip()


def turns_of(doctree: nodes.Node) -> list[tuple[str, float | None, str]]:
    return [(t["speaker"], t.get("start"), turn_text(t)) for t in doctree.findall(pn.turn)]


@pytest.fixture(scope="module")
def built(tmp_path_factory):  # type: ignore[no-untyped-def]
    srcdir = tmp_path_factory.mktemp("transcript") / "src"
    shutil.copytree(ROOTS / "test-transcript", srcdir)
    yield build_app("html", srcdir, fresh=True)  # cleaned up: other tests make apps too


def doctree(app, docname: str):  # type: ignore[no-untyped-def]
    return resolved_doctree(app, docname)


def test_no_warnings(built) -> None:  # type: ignore[no-untyped-def]
    assert warnings_of(built) == []


@pytest.mark.parametrize("docname", ["myst", "rst"])
def test_turns_from_vtt(built, docname: str) -> None:  # type: ignore[no-untyped-def]
    tree = doctree(built, docname)
    assert turns_of(tree) == EXPECTED_TURNS
    turns = list(tree.findall(pn.turn))
    assert {t["syntax"] for t in turns} == {"directive"}
    assert [t["ids"] for t in turns] == [[f"turn-{n}"] for n in range(1, 7)]
    # the turn points at its cue in the caption file
    assert turns[1].source.endswith("tide.vtt")
    assert turns[1].line == 13


@pytest.mark.parametrize("docname", ["myst", "rst"])
def test_chapters_are_sections_in_the_outline(built, docname: str) -> None:  # type: ignore[no-untyped-def]
    tree = doctree(built, docname)
    sections = [s for s in tree.findall(nodes.section) if "podcast-chapter" in s["classes"]]
    assert [s.next_node(nodes.title).astext() for s in sections] == [
        "Welcome",
        "Who Reads The Numbers",
    ]
    assert [len(list(s.findall(pn.turn))) for s in sections] == [4, 2]
    (outline,) = tree.findall(pn.outline)
    entries = [item["title"] for item in outline.findall(nodes.list_item)]
    assert entries == ["Welcome", "Who Reads The Numbers"]
    times = [link.astext() for link in outline.findall(pn.time_link)]
    assert times == ["00:01", "01:02"]
    # each chapter ends with a back link to the outline
    for section in sections:
        assert isinstance(section[-1], nodes.paragraph)
        assert section[-1].next_node(pn.backlink)["refid"] == outline["ids"][0]


def test_rst_and_myst_give_the_same_doctree(built) -> None:  # type: ignore[no-untyped-def]
    myst, rst = (doctree(built, name) for name in ("myst", "rst"))
    body = [_VARYING.sub("", n.pformat()) for n in (myst, rst)]
    # the episode numbers differ (1 and 2); everything after the header is the same
    parts = [text[text.index("<outline") :] for text in body]
    assert parts[0] == parts[1]


def test_html(built) -> None:  # type: ignore[no-untyped-def]
    html = (Path(built.outdir) / "myst.html").read_text(encoding="utf-8")
    assert 'data-speaker="ada" data-start="7.25"' in html
    assert 'href="#t=62"' in html
    assert "How old is the pier &amp; the gauge?" in html
    assert "Who reads the numbers &lt;today&gt;?" in html
    assert '<section class="podcast-chapter" id="who-reads-the-numbers">' in html


def test_diarized_speakers_option(built) -> None:  # type: ignore[no-untyped-def]
    found = [(s, t) for s, t, _text in turns_of(doctree(built, "diarized"))]
    assert found == [("sam", 1.0), ("ada", 7.25), ("sam", 12.0), ("ada", 15.48)]


def test_chapters_inside_a_container_are_rubrics(built) -> None:  # type: ignore[no-untyped-def]
    tree = doctree(built, "inline")
    (note,) = tree.findall(nodes.note)
    rubrics = [r.astext() for r in note.findall(nodes.rubric)]
    assert rubrics == ["Welcome", "Who Reads The Numbers"]
    assert not list(note.findall(nodes.section))
    assert [t for _s, t, _x in turns_of(tree)] == [0.5, 1.0, 7.25, 12.0, 15.48, 62.0, 66.0]


def test_files_are_dependencies(built) -> None:  # type: ignore[no-untyped-def]
    srcdir = Path(built.srcdir)
    dependencies = {
        (srcdir / path).resolve().relative_to(srcdir.resolve()).as_posix()
        for path in built.env.dependencies["myst"]
    }
    assert dependencies == {"media/tide.vtt", "media/tide.chapters.json"}


def test_changing_the_file_rebuilds_the_page(make_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-transcript", srcdir)
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    app.cleanup()  # the next app registers its nodes afresh
    vtt = srcdir / "media" / "tide.vtt"
    time.sleep(0.01)
    vtt.write_text(
        vtt.read_text(encoding="utf-8").replace("Thanks, Sam.", "Thank you, Sam."),
        encoding="utf-8",
    )
    app2 = make_app("html", srcdir=srcdir)
    app2.build()
    html = (Path(app2.outdir) / "myst.html").read_text(encoding="utf-8")
    assert "Thank you, Sam. It is a small gauge" in html
    assert warnings_of(app2) == []


@pytest.mark.parametrize("builder", ["text", "latex", "singlehtml"])
def test_other_builders(make_app, tmp_path, builder: str) -> None:  # type: ignore[no-untyped-def]
    srcdir = tmp_path / builder
    shutil.copytree(ROOTS / "test-transcript", srcdir)
    app = make_app(builder, srcdir=srcdir, freshenv=True)
    app.build()
    assert warnings_of(app) == []
    if builder == "text":
        text = (Path(app.outdir) / "myst.txt").read_text(encoding="utf-8")
        assert "Ada Example [00:07]: Thanks, Sam." in text


# -- bad files ------------------------------------------------------------------------

EXPECTED_WARNINGS = [
    "bad_chapters.md:5: WARNING: chapters file 'files/bad.chapters.json': chapter 1: "
    "'startTime' must be a number of seconds, got 'soon' [podcast.bad_chapters]",
    "bad_format.md:5: WARNING: transcript format 'mp3' is not one of vtt, srt, sbv, whisper, "
    "whisperx, podcast-json [podcast.bad_option]",
    "bad_speakers.md:5: WARNING: transcript speakers: 'ada' is not LABEL=NAME (or one NAME) "
    "[podcast.bad_option]",
    "files/bad_time.vtt:6: WARNING: transcript file: malformed time '00:00:61.000' "
    "[podcast.bad_transcript]",
    "files/binary.vtt:4: WARNING: transcript file: this is a binary file, not a transcript "
    "(it contains NUL bytes) [podcast.bad_transcript]",
    "files/latin1.srt:7: WARNING: transcript file: not UTF-8 text (byte 0xe9); save the file "
    "as UTF-8 [podcast.bad_transcript]",
    "files/truncated.json:2: WARNING: transcript file: not valid JSON: Invalid control "
    "character at [podcast.bad_transcript]",
    "markdown.md:4: WARNING: transcript file 'files/notes.md': markdown is not a transcript "
    "format the transcript directive reads (vtt, srt, sbv, whisper, whisperx, podcast-json) "
    "[podcast.bad_transcript]",
    "missing.md:4: WARNING: transcript file 'files/nowhere.vtt' not found [podcast.missing_file]",
    "no_file.md:3: WARNING: transcript: give the file to read in :file: [podcast.bad_option]",
    "unnamed.md:4: WARNING: 2 cues of 'files/unnamed.srt' name no speaker: shown as plain "
    "paragraphs; name their speaker with :speakers: NAME [podcast.unknown_speaker]",
]


@pytest.mark.sphinx("html", testroot="transcript-bad", freshenv=True)
def test_bad_files_warn_once_each_at_file_and_line(app) -> None:  # type: ignore[no-untyped-def]
    app.build()
    assert sorted(podcast_warnings(app)) == sorted(EXPECTED_WARNINGS)
    assert [w for w in warnings_of(app) if "[podcast." not in w] == []
    # the pages still build; a page whose file is bad shows no turns
    assert not list(app.env.get_doctree("bad_time").findall(pn.turn))
    # a good file with bad chapters still renders its turns
    assert len(list(app.env.get_doctree("bad_chapters").findall(pn.turn))) == 2
    # unnamed cues are paragraphs
    unnamed = app.env.get_doctree("unnamed")
    texts = [p.astext() for p in unnamed.findall(nodes.paragraph)]
    assert "Nobody says who is talking here. Nor here." in texts


@pytest.mark.sphinx("html", testroot="transcript-bad", freshenv=True, parallel=2)
def test_bad_files_under_parallel_build(app) -> None:  # type: ignore[no-untyped-def]
    app.build()
    assert sorted(podcast_warnings(app)) == sorted(EXPECTED_WARNINGS)
