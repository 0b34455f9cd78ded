"""Every bad input gives exactly one ``podcast.<subtype>`` warning at the offending line.

Two test roots hold the same scenarios, one page per bad input:
``warnings-myst`` (MyST Markdown) and ``warnings-rst`` (reStructuredText).
Each test asserts the full, sorted list of podcast warnings of a build.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

import lxml.html
import pytest
from conftest import build_root_app, podcast_warnings, warnings_of
from sphinx.testing.util import SphinxTestApp


class Case(NamedTuple):
    page: str
    myst_line: int
    rst_line: int | None  # None: a MyST-only case
    subtype: str
    message: str  # a regex the message must contain


CASES = [
    Case("unknown_turn", 6, 6, "unknown_speaker", r"unknown speaker 'nobody'"),
    Case("unknown_host", 5, 6, "unknown_speaker", r"unknown speaker 'nobody'"),
    Case("unknown_guest", 6, 7, "unknown_speaker", r"unknown speaker 'nobody'"),
    Case("unknown_host_yaml", 6, None, "unknown_speaker", r"unknown speaker 'nobody'"),
    Case("bad_time_bold", 8, 8, "bad_time", r"1:75:00"),
    Case("bad_time_turn", 6, 6, "bad_time", r"1:75:00"),
    Case("bad_time_paren", 8, 8, "bad_time", r"12:60"),
    Case("time_order", 8, 8, "time_order", r"01:00.*02:00"),
    Case("empty_turn_bold", 6, 6, "empty_turn", r"(?i)empty turn.*'ada'"),
    Case("empty_turn_directive", 6, 6, "empty_turn", r"(?i)empty turn.*'ada'"),
    Case("empty_turn_colon_inside", 6, 6, "empty_turn", r"(?i)empty turn.*'ada'"),
    Case("heading_in_turn", 9, 10, "heading_in_turn", r"A heading that does not belong here"),
    Case("bad_date", 4, 5, "bad_date", r"2025-13-40"),
    Case("bad_duration", 5, 6, "bad_duration", r"1:75:00"),
    Case("duplicate_episode", 7, 7, "duplicate_episode", r"(?i)second episode"),
    Case("dup_number_b", 3, 4, "duplicate_number", r"42.*'dup_number_a'"),
    Case("empty_outline", 6, 6, "empty_outline", r"(?i)outline"),
    Case("bad_speaker_key", 3, 4, "bad_speaker_key", r"'ada example'"),
    Case("dup_speaker_b", 3, 4, "duplicate_speaker", r"'rita'.*dup_speaker_a"),
    Case(
        "turn_two_times", 8, 8, "turn_syntax", r"bold label with 2 times \('00:01:10', '00:01:12'\)"
    ),
    Case("turn_long_bold", 8, 8, "turn_syntax", r"bold label of 81 characters \(over 80\)"),
]

# With podcast_strict_speakers (the default): the bold "**Note**:" paragraph.
STRICT_CASE = Case("plain_bold", 8, 8, "unknown_speaker", r"unknown speaker 'Note'")
CASES.append(STRICT_CASE)

SUBTYPES = sorted({case.subtype for case in CASES})

SUFFIX = {"myst": ".md", "rst": ".rst"}

WARNING_LINE = re.compile(
    r"^(?P<file>[\w./-]+):(?P<line>\d+): WARNING: (?P<message>.+) "
    r"\[podcast\.(?P<subtype>\w+)\]$"
)


def line_of(case: Case, flavour: str) -> int | None:
    return case.myst_line if flavour == "myst" else case.rst_line


def expected(flavour: str, cases: list[Case] = CASES) -> list[tuple[str, int, str]]:
    """The sorted (file, line, subtype) triples the build must warn with."""
    return sorted(
        (case.page + SUFFIX[flavour], line, case.subtype)
        for case in cases
        if (line := line_of(case, flavour)) is not None
    )


def parsed(app: Any) -> list[tuple[str, int, str]]:
    """The podcast warnings of *app* as sorted (file, line, subtype); each must be well formed."""
    triples = []
    for line in podcast_warnings(app):
        match = WARNING_LINE.match(line)
        assert match, f"podcast warning without file:line location or subtype: {line!r}"
        triples.append((match["file"], int(match["line"]), match["subtype"]))
    return sorted(triples)


def check_messages(app: Any, flavour: str, cases: list[Case]) -> None:
    lines = podcast_warnings(app)
    for case in cases:
        line_no = line_of(case, flavour)
        if line_no is None:
            continue
        prefix = f"{case.page}{SUFFIX[flavour]}:{line_no}: WARNING: "
        mine = [line for line in lines if line.startswith(prefix)]
        assert len(mine) == 1, (case, lines)
        assert re.search(case.message, mine[0]), (case.message, mine[0])


def assert_no_crash(app: Any) -> None:
    output = app.status.getvalue() + app.warning.getvalue()
    assert "Traceback" not in output
    assert "Exception occurred" not in output


def root(flavour: str, **kwargs: Any) -> dict[str, Any]:
    return {"testroot": f"warnings-{flavour}", "freshenv": True, **kwargs}


def per_root(builder: str = "html", **kwargs: Any) -> list[Any]:
    """One parameter per test root, each with its own ``pytest.mark.sphinx``."""
    return [
        pytest.param(
            flavour,
            marks=pytest.mark.sphinx(builder, **root(flavour, **kwargs)),
            id=flavour,
        )
        for flavour in ("myst", "rst")
    ]


FLAVOURS = ("myst", "rst")
Built = Callable[[str], SphinxTestApp]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The build of each root with its own conf.py, made once and shared by the tests."""
    apps: dict[str, SphinxTestApp] = {}

    def build(flavour: str) -> SphinxTestApp:
        if flavour not in apps:
            tmp = tmp_path_factory.mktemp(f"warnings-{flavour}")
            apps[flavour] = build_root_app(f"test-warnings-{flavour}", tmp)
        return apps[flavour]

    return build


# -- the full list, exactly ----------------------------------------------------


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_every_bad_input_warns_once_at_its_line(built: Built, flavour: str) -> None:
    app = built(flavour)
    assert parsed(app) == expected(flavour)
    check_messages(app, flavour, CASES)
    assert_no_crash(app)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_no_warnings_besides_the_podcast_ones(built: Built, flavour: str) -> None:
    """No other extension (MyST's nested-header warning, docutils) reports the same inputs."""
    app = built(flavour)
    assert warnings_of(app) == podcast_warnings(app)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_build_does_not_crash_and_writes_every_page(built: Built, flavour: str) -> None:
    app = built(flavour)
    assert_no_crash(app)
    pages = {case.page for case in CASES if line_of(case, flavour) is not None}
    pages |= set(CLEAN_PAGES)
    for page in sorted(pages):
        assert (app.outdir / f"{page}.html").is_file(), page


CLEAN_PAGES = ["index", "good", "dup_number_a", "dup_speaker_a"]
CLEAN_PAGES += ["profile_for_conf_speaker"]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_clean_pages_give_no_warning(built: Built, flavour: str) -> None:
    app = built(flavour)
    for page in CLEAN_PAGES:
        assert not [line for line in warnings_of(app) if line.startswith(page + SUFFIX[flavour])]
    html = (app.outdir / "good.html").read_text(encoding="utf-8")
    for key in ("sam", "ada", "michael"):
        assert f'data-speaker="{key}"' in html
    assert 'data-start="72"' in html
    assert 'data-start="90"' in html
    assert 'data-start="180"' in html
    root = lxml.html.fromstring(html)
    sam, ada = root.xpath("//*[contains(concat(' ', @class, ' '), ' podcast-turn ')]")[-2:]
    assert (sam.get("data-speaker"), ada.get("data-speaker")) == ("sam", "ada")
    assert " ".join(sam.text_content().split()) == "Sam Host: No space after the colon."
    assert ada.get("data-start") == "250"
    assert " ".join(ada.text_content().split()).endswith(": A time inside the bold.")


# -- paragraphs that start like a turn but are none ------------------------------


def outside_turns(html_path: Any, starts: str) -> None:
    """The paragraph that starts with *starts* is in no turn: it never joins the one before."""
    root = lxml.html.parse(str(html_path)).getroot()
    (paragraph,) = [p for p in root.iter("p") if p.text_content().startswith(starts)]
    assert (
        paragraph.xpath("ancestor::*[contains(concat(' ', @class, ' '), ' podcast-turn ')]") == []
    )
    (turn,) = root.xpath("//*[contains(concat(' ', @class, ' '), ' podcast-turn ')]")
    assert turn.get("data-speaker") == "sam"
    # nor do the transcript exports give its words to Sam
    exported = html_path.with_suffix(".txt").read_text(encoding="utf-8")
    assert re.fullmatch(r"Sam Host( \[01:00\])?: A real turn\.\n", exported), exported
    assert starts.split()[0] not in exported


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_unknown_bold_name_warns_and_never_joins_the_previous_turn(
    built: Built, flavour: str
) -> None:
    app = built(flavour)
    check_messages(app, flavour, [STRICT_CASE])
    html = app.outdir / "plain_bold.html"
    assert "<strong>Note</strong>: this is plain bold text" in html.read_text(encoding="utf-8")
    outside_turns(html, "Note: this is plain bold text")


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_marker_without_text_is_no_turn_and_no_warning(built: Built, flavour: str) -> None:
    """``**Break:**`` alone in its paragraph marks a moment of the recording: with
    podcast_strict_speakers on, it gives no warning (it says nothing anybody could have
    said), stays as written and ends the turn before it."""
    app = built(flavour)
    assert [line for line in podcast_warnings(app) if line.startswith("marker.")] == []
    html = app.outdir / "marker.html"
    text = html.read_text(encoding="utf-8")
    assert "<p><strong>Break:</strong></p>" in text
    assert "<p><strong>Music:</strong></p>" in text
    root = lxml.html.parse(str(html)).getroot()
    turn_class = "contains(concat(' ', @class, ' '), ' podcast-turn ')"
    for starts in ("Break:", "We are back after a short pause.", "Music:"):
        (paragraph,) = [p for p in root.iter("p") if p.text_content().startswith(starts)]
        assert paragraph.xpath(f"ancestor::*[{turn_class}]") == []
    turns = root.xpath(f"//*[{turn_class}]")
    assert [" ".join(turn.text_content().split()) for turn in turns] == [
        "Sam Host: Before the break.",
        "Ada Example: After the break.",
    ]
    exported = html.with_suffix(".txt").read_text(encoding="utf-8")
    assert exported == "Sam Host: Before the break.\n\nAda Example: After the break.\n"


@pytest.mark.parametrize("flavour", per_root(confoverrides={"podcast_strict_speakers": False}))
def test_strict_speakers_off_silences_the_warning_but_still_never_joins(
    app: Any, flavour: str
) -> None:
    app.build()
    assert parsed(app) == expected(flavour, [c for c in CASES if c is not STRICT_CASE])
    html = app.outdir / "plain_bold.html"
    assert 'data-speaker="note"' not in html.read_text(encoding="utf-8").lower()
    outside_turns(html, "Note: this is plain bold text")
    assert_no_crash(app)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_bold_turn_with_two_times_warns_and_never_joins_the_previous_turn(
    built: Built, flavour: str
) -> None:
    app = built(flavour)
    check_messages(app, flavour, [c for c in CASES if c.page == "turn_two_times"])
    outside_turns(app.outdir / "turn_two_times.html", "Ada [00:01:10] [00:01:12]: Two times")


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_bold_part_over_80_characters_warns_and_never_joins_the_previous_turn(
    built: Built, flavour: str
) -> None:
    app = built(flavour)
    check_messages(app, flavour, [c for c in CASES if c.page == "turn_long_bold"])
    outside_turns(app.outdir / "turn_long_bold.html", "What we learned from forty years")


# -- suppress_warnings -------------------------------------------------------------


def _suppress_params() -> list[Any]:
    params = []
    for flavour in ("myst", "rst"):
        for subtype in SUBTYPES:
            overrides = {"suppress_warnings": [f"podcast.{subtype}"]}
            params.append(
                pytest.param(
                    flavour,
                    subtype,
                    marks=pytest.mark.sphinx("html", **root(flavour, confoverrides=overrides)),
                    id=f"{flavour}-{subtype}",
                )
            )
    return params


@pytest.mark.parametrize(("flavour", "subtype"), _suppress_params())
def test_each_subtype_can_be_suppressed(app: Any, flavour: str, subtype: str) -> None:
    app.build()
    remaining = [case for case in CASES if case.subtype != subtype]
    assert parsed(app) == expected(flavour, remaining)
    assert_no_crash(app)


@pytest.mark.parametrize(
    "flavour",
    per_root(confoverrides={"suppress_warnings": ["podcast.unknown_speaker"]}),
)
def test_unknown_speaker_warning_can_be_suppressed(app: Any, flavour: str) -> None:
    app.build()
    remaining = [case for case in CASES if case.subtype != "unknown_speaker"]
    assert parsed(app) == expected(flavour, remaining)


@pytest.mark.parametrize("flavour", per_root(confoverrides={"suppress_warnings": ["podcast"]}))
def test_the_whole_podcast_type_can_be_suppressed(app: Any, flavour: str) -> None:
    app.build()
    assert podcast_warnings(app) == []
    assert_no_crash(app)


# -- the same warnings whatever the builder, and under -j -------------------------


def _builder_params() -> list[Any]:
    return [
        pytest.param(
            flavour,
            marks=pytest.mark.sphinx(builder, **root(flavour)),
            id=f"{flavour}-{builder}",
        )
        for flavour in ("myst", "rst")
        for builder in ("text", "singlehtml", "dirhtml", "latex", "man")
    ]


@pytest.mark.parametrize("flavour", _builder_params())
def test_same_warnings_with_other_builders(app: Any, flavour: str) -> None:
    app.build()
    assert parsed(app) == expected(flavour)
    assert_no_crash(app)


@pytest.mark.parametrize("flavour", per_root(parallel=4))
def test_parallel_build_warns_like_a_serial_one(app: Any, flavour: str) -> None:
    """``-j 4``: each warning still once (duplicates are found across processes)."""
    app.build()
    assert parsed(app) == expected(flavour)
    assert_no_crash(app)
