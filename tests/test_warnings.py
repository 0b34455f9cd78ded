"""Every bad input gives exactly one ``podcast.<subtype>`` warning at the offending line.

Two test roots hold the same scenarios, one page per bad input:
``warnings-myst`` (MyST Markdown) and ``warnings-rst`` (reStructuredText).
Each test asserts the full, sorted list of podcast warnings of a build.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import pytest
from conftest import podcast_warnings, warnings_of


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
]

SUBTYPES = sorted({case.subtype for case in CASES})

# Only with podcast_strict_speakers = True: the bold "**Note**:" paragraph.
STRICT_CASE = Case("plain_bold", 8, 8, "unknown_speaker", r"unknown speaker 'Note'")

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


# -- the full list, exactly ----------------------------------------------------


@pytest.mark.parametrize("flavour", per_root())
def test_every_bad_input_warns_once_at_its_line(app: Any, flavour: str) -> None:
    app.build()
    assert parsed(app) == expected(flavour)
    check_messages(app, flavour, CASES)
    assert_no_crash(app)


@pytest.mark.parametrize("flavour", per_root())
def test_no_warnings_besides_the_podcast_ones(app: Any, flavour: str) -> None:
    """No other extension (MyST's nested-header warning, docutils) reports the same inputs."""
    app.build()
    assert warnings_of(app) == podcast_warnings(app)


@pytest.mark.parametrize("flavour", per_root())
def test_build_does_not_crash_and_writes_every_page(app: Any, flavour: str) -> None:
    app.build()
    assert_no_crash(app)
    pages = {case.page for case in CASES if line_of(case, flavour) is not None}
    pages |= set(CLEAN_PAGES)
    for page in sorted(pages):
        assert (app.outdir / f"{page}.html").is_file(), page


CLEAN_PAGES = ["index", "good", "plain_bold", "dup_number_a", "dup_speaker_a"]
CLEAN_PAGES += ["profile_for_conf_speaker"]


@pytest.mark.parametrize("flavour", per_root())
def test_clean_pages_give_no_warning(app: Any, flavour: str) -> None:
    app.build()
    for page in CLEAN_PAGES:
        assert not [line for line in warnings_of(app) if line.startswith(page + SUFFIX[flavour])]
    html = (app.outdir / "good.html").read_text(encoding="utf-8")
    for key in ("sam", "ada", "michael"):
        assert f'data-speaker="{key}"' in html
    assert 'data-start="72"' in html
    assert 'data-start="90"' in html
    assert 'data-start="180"' in html


# -- bold names that are not speakers ---------------------------------------------


@pytest.mark.parametrize("flavour", per_root())
def test_bold_name_that_is_no_speaker_stays_bold_without_warning(app: Any, flavour: str) -> None:
    app.build()
    assert not [line for line in warnings_of(app) if "plain_bold" in line]
    html = (app.outdir / "plain_bold.html").read_text(encoding="utf-8")
    assert "<strong>Note</strong>: this is plain bold text" in html
    assert 'data-speaker="note"' not in html.lower()


@pytest.mark.parametrize("flavour", per_root(confoverrides={"podcast_strict_speakers": True}))
def test_strict_speakers_warns_about_a_bold_name_that_is_no_speaker(app: Any, flavour: str) -> None:
    app.build()
    assert parsed(app) == expected(flavour, [*CASES, STRICT_CASE])
    check_messages(app, flavour, [STRICT_CASE])
    html = (app.outdir / "plain_bold.html").read_text(encoding="utf-8")
    assert "<strong>Note</strong>: this is plain bold text" in html
    assert_no_crash(app)


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
    per_root(
        confoverrides={
            "podcast_strict_speakers": True,
            "suppress_warnings": ["podcast.unknown_speaker"],
        }
    ),
)
def test_strict_speakers_warning_can_be_suppressed(app: Any, flavour: str) -> None:
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
