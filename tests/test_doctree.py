"""The same episode in reStructuredText and in MyST gives the same doctree.

tests/roots/test-equivalence holds the episode twice: ep_rst.rst and ep_myst.md.
"""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import ROOTS, resolved_doctree, warnings_of
from docutils import nodes

from sphinx_podcast import nodes as pn

pytestmark = pytest.mark.sphinx("html", testroot="equivalence", srcdir="doctree-equivalence")

DOCS = ("ep_rst", "ep_myst")
TWIN = {"ep_rst": "ep_myst.md", "ep_myst": "ep_rst.rst"}
# Attributes whose values legitimately differ between the two pages.
_VARYING = re.compile(r' (source|docname|refdoc)="[^"]*"')


def normalized(node: nodes.Node) -> str:
    # docutils 0.21 prints a true attribute as "True", 0.22 as "1"
    return _VARYING.sub("", node.pformat()).replace('="True"', '="1"')


def build_one(make_app, tmp_path, docname: str, buildername: str = "html"):  # type: ignore[no-untyped-def]
    """Build the root without the twin of *docname*; return its resolved doctree and warnings."""
    srcdir = tmp_path / docname
    shutil.copytree(ROOTS / "test-equivalence", srcdir)
    (srcdir / TWIN[docname]).unlink()
    app = make_app(buildername, srcdir=srcdir, freshenv=True)
    app.build()
    doctree = resolved_doctree(app, docname)
    warnings = warnings_of(app)
    app.cleanup()  # the next app registers its nodes afresh
    return doctree, warnings


@pytest.mark.parametrize("buildername", ["html", "text", "latex"])
def test_rst_and_myst_give_the_same_doctree(make_app, tmp_path, buildername) -> None:  # type: ignore[no-untyped-def]
    (rst, rst_warnings), (myst, myst_warnings) = (
        build_one(make_app, tmp_path, docname, buildername) for docname in DOCS
    )
    assert rst_warnings == []
    assert myst_warnings == []
    assert rst["source"].endswith("ep_rst.rst")
    assert myst["source"].endswith("ep_myst.md")
    # The comparison has something to compare: the pages are full episodes.
    assert len(list(rst.findall(pn.turn))) == 8
    assert len(list(rst.findall(pn.outline))) == 1
    assert normalized(rst) == normalized(myst)


@pytest.fixture
def doctrees(make_app, tmp_path):  # type: ignore[no-untyped-def]
    return {docname: build_one(make_app, tmp_path, docname)[0] for docname in DOCS}


@pytest.mark.parametrize("docname", DOCS)
def test_turns(doctrees, docname: str) -> None:  # type: ignore[no-untyped-def]
    found = [
        (
            turn["speaker"],
            turn.get("start"),
            turn["syntax"],
            turn["speaker_ref"],
            turn["ids"],
            turn["docname"],
        )
        for turn in doctrees[docname].findall(pn.turn)
    ]
    assert found == [
        ("sam", None, "bold", "Sam", ["turn-1"], docname),
        ("ada", 72.0, "bold", "Ada", ["turn-2"], docname),
        ("sam", None, "bold", "Sam", ["turn-3"], docname),
        ("michael", 185.0, "bold", "Michaël", ["turn-4"], docname),
        ("michael", None, "bold", "Michael", ["turn-5"], docname),
        ("ada", 240.0, "directive", "ada", ["turn-6"], docname),
        ("sam", None, "bold", "Sam", ["turn-7"], docname),
        ("ada", None, "bold", "Ada", ["turn-8"], docname),
    ]


# On HTML pages a turn's label (name, profile link, time link, colon) is not made of
# nodes: the turn's HTML visitor writes it from the turn's attributes (speaker_name,
# speaker_uri, start); tests/test_html.py checks what it writes. Other builders get
# the label as nodes (LABEL_NODES).
FIRST_TURN = """\
<turn classes="podcast-turn podcast-color-1" estimated_start="0.0" ids="turn-1" speaker="sam" speaker_name="Sam Host" speaker_ref="Sam" speaker_uri="people.html#speaker-sam" syntax="bold" time_text="">
    <paragraph>
        Why do the sensors fail so often?
"""  # noqa: E501

TIMED_TURN = """\
<turn classes="podcast-turn podcast-color-0" ids="turn-2" speaker="ada" speaker_name="Ada Example" speaker_ref="Ada" speaker_uri="people.html#speaker-ada" start="72.0" syntax="bold" time_text="00:01:12">
    <paragraph>
        Salt gets into every seal we make.
    <paragraph>
        That is the short answer, at least.
"""  # noqa: E501

DIRECTIVE_TURN = """\
<turn classes="podcast-turn podcast-color-0" ids="turn-6" speaker="ada" speaker_name="Ada Example" speaker_ref="ada" speaker_uri="people.html#speaker-ada" start="240.0" syntax="directive" time_text="00:04:00">
    <paragraph>
        Two lessons:
    <bullet_list bullet="-">
        <list_item>
            <paragraph>
                keep paper copies
        <list_item>
            <paragraph>
                scan them twice
"""  # noqa: E501

LABEL_NODES = """\
<turn classes="podcast-turn podcast-color-0" ids="turn-2" speaker="ada" speaker_name="Ada Example" speaker_ref="Ada" start="72.0" syntax="bold" time_text="00:01:12">
    <paragraph>
        <turn_label classes="podcast-turn-label">
            <speaker_label classes="podcast-speaker">
                <reference internal="1" reftitle="Ada Example" refuri="%people#speaker-ada">
                    <inline classes="podcast-speaker-ref">
                        Ada Example
            \x20
            <inline classes="podcast-time">
                [01:12]
            <inline classes="podcast-sep">
                :\x20
        Salt gets into every seal we make.
    <paragraph>
        That is the short answer, at least.
"""  # noqa: E501

OUTLINE = """\
<outline classes="podcast-outline" depth="0" ids="outline" label="Outline" title="">
    <rubric classes="podcast-outline-title">
        Outline
    <listening_control kind="search">
    <bullet_list classes="podcast-outline-list">
        <list_item title="Corrosion">
            <paragraph>
                <reference internal="1" refid="corrosion">
                    Corrosion
                \x20
                <time_link classes="podcast-time podcast-chapter-time" label="Play from 00:00" refuri="#t=0">
                    00:00
        <list_item title="Archives">
            <paragraph>
                <reference internal="1" refid="archives">
                    Archives
                \x20
                <time_link classes="podcast-time podcast-chapter-time" label="Play from 03:05" refuri="#t=185">
                    03:05
            <bullet_list classes="podcast-outline-list">
                <list_item title="First readings">
                    <paragraph>
                        <reference internal="1" refid="first-readings">
                            First readings
                        \x20
                        <time_link classes="podcast-time podcast-chapter-time" label="Play from 03:05" refuri="#t=185">
                            03:05
        <list_item title="Closing">
            <paragraph>
                <reference internal="1" refid="closing">
                    Closing
"""  # noqa: E501

BACKLINK = """\
<paragraph classes="podcast-backlink-line">
    <backlink classes="podcast-backlink" internal="1" label="Back to the outline" refid="outline">
        ⬆
"""


@pytest.mark.parametrize("docname", DOCS)
def test_snapshots(doctrees, docname: str) -> None:  # type: ignore[no-untyped-def]
    doctree = doctrees[docname]
    turns = list(doctree.findall(pn.turn))
    assert normalized(turns[0]) == FIRST_TURN
    assert normalized(turns[1]) == TIMED_TURN
    assert normalized(turns[5]) == DIRECTIVE_TURN
    (outline,) = doctree.findall(pn.outline)
    assert normalized(outline) == OUTLINE
    backlinks = [node.parent for node in doctree.findall(pn.backlink)]
    assert [normalized(line) for line in backlinks] == [BACKLINK] * 3
    # The back link ends the body of its section: nothing but sub-sections after it.
    for line in backlinks:
        after = line.parent.children[line.parent.index(line) + 1 :]
        assert all(isinstance(node, nodes.section) for node in after)


def test_label_nodes_outside_html(make_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    doctree, warnings = build_one(make_app, tmp_path, "ep_myst", "latex")
    assert warnings == []
    turns = list(doctree.findall(pn.turn))
    assert normalized(turns[1]) == LABEL_NODES


@pytest.mark.parametrize("docname", DOCS)
def test_header_snapshot(doctrees, docname: str) -> None:  # type: ignore[no-untyped-def]
    (header,) = doctrees[docname].findall(pn.episode_header)
    meta = header.next_node(nodes.paragraph)
    assert meta.astext() == "Episode 4 · Season 1 · March 14, 2025 · 47 min"
    assert header.children[1].astext() == ("Host: Sam Host · Guests: Ada Example, Michaël Durand")
    assert header.children[2].astext() == (
        "Ada and Michaël explain why sea water eats every sensor it touches."
    )
    refs = [ref["refuri"] for ref in header.findall(nodes.reference)]
    assert refs == [
        "people.html#speaker-sam",
        "people.html#speaker-ada",
        "people.html#speaker-michael",
    ]
