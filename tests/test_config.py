"""``podcast_*`` values of the wrong type or form: one ``podcast.config`` warning, then a fallback.

The values are set with ``confoverrides`` (a non-string override is used as
is); ``podcast_strict_speakers = "yes"`` needs its own conf.py
(``test-config-strict-yes``) because Sphinx converts string overrides of
booleans itself.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import podcast_warnings


def config_warnings(app: Any) -> list[str]:
    return [line for line in podcast_warnings(app) if line.endswith("[podcast.config]")]


def assert_one_config_warning(app: Any, *mentions: str) -> str:
    """Exactly one podcast.config warning, which names conf.py and *mentions*."""
    found = config_warnings(app)
    assert len(found) == 1, found
    line = found[0]
    assert "WARNING" in line
    assert "conf.py" in line, line
    for text in mentions:
        assert text in line, (text, line)
    return line


def assert_no_crash(app: Any) -> None:
    output = app.status.getvalue() + app.warning.getvalue()
    assert "Traceback" not in output
    assert "Exception occurred" not in output


def unknown_speakers(app: Any) -> list[str]:
    """The names of the podcast.unknown_speaker warnings, in order."""
    found = []
    for line in podcast_warnings(app):
        if line.endswith("[podcast.unknown_speaker]"):
            found.append(line.split("unknown speaker ", 1)[1].split("'")[1])
    return found


def page(app: Any) -> str:
    return (app.outdir / "index.html").read_text(encoding="utf-8")


def basic(**overrides: Any) -> pytest.MarkDecorator:
    return pytest.mark.sphinx(
        "html", testroot="config-basic", freshenv=True, confoverrides=overrides
    )


# -- the valid configuration ---------------------------------------------------------


@basic()
def test_valid_config_gives_no_warning(app: Any) -> None:
    app.build()
    assert podcast_warnings(app) == []
    html = page(app)
    assert 'data-speaker="sam"' in html
    assert 'data-speaker="ada"' in html
    assert "podcast-outline" not in html  # podcast_outline defaults to "manual"
    assert_no_crash(app)


@basic(podcast_outline="auto")
def test_valid_outline_auto_adds_an_outline(app: Any) -> None:
    """The counterpart of the fallback test below: "auto" does add an outline."""
    app.build()
    assert podcast_warnings(app) == []
    assert "podcast-outline" in page(app)


# -- podcast_speakers ----------------------------------------------------------------------


@basic(
    podcast_speakers={
        "ada": 42,
        "sam": {"name": "Sam Host", "aliases": ["Sam"]},
    }
)
def test_speaker_entry_of_wrong_type_is_left_out(app: Any) -> None:
    app.build()
    assert_one_config_warning(app, "podcast_speakers", "ada")
    assert unknown_speakers(app) == ["Ada"]  # the turn of the speaker left out
    assert len(podcast_warnings(app)) == 2
    html = page(app)
    assert 'data-speaker="sam"' in html  # the good entry stays
    assert 'data-speaker="ada"' not in html  # the bad one is left out: Ada stays bold text
    assert "<strong>Ada</strong>" in html
    assert_no_crash(app)


@basic(podcast_speakers={"ada": 42})
def test_only_speaker_entry_of_wrong_type(app: Any) -> None:
    app.build()
    assert_one_config_warning(app, "podcast_speakers")
    assert unknown_speakers(app) == ["Sam", "Ada"]  # nobody is declared: every turn warns
    assert len(podcast_warnings(app)) == 3
    assert "data-speaker=" not in page(app)
    assert_no_crash(app)


@basic(podcast_speakers=["ada"])
def test_speakers_of_wrong_type_fall_back_to_none(app: Any) -> None:
    app.build()
    assert_one_config_warning(app, "podcast_speakers", "list")
    assert unknown_speakers(app) == ["Sam", "Ada"]
    assert len(podcast_warnings(app)) == 3
    html = page(app)
    assert "data-speaker=" not in html
    assert "<strong>Sam</strong>" in html
    assert_no_crash(app)


@basic(podcast_speakers=["ada"])
def test_override_warning_does_not_blame_a_valid_conf_py_line(app: Any) -> None:
    """The bad value comes from an override: conf.py's own (valid) assignment is not at fault."""
    app.build()
    line = assert_one_config_warning(app, "podcast_speakers")
    assert not line.startswith("conf.py:6:"), line  # line 6 of conf.py holds a valid dict


@basic(podcast_speakers={"ada": {"name": "Ada Example", "aliases": 7}})
def test_speaker_field_of_wrong_type_is_ignored(app: Any) -> None:
    app.build()
    assert_one_config_warning(app, "podcast_speakers", "aliases")
    assert unknown_speakers(app) == ["Sam"]  # not in this override
    assert len(podcast_warnings(app)) == 2
    assert 'data-speaker="ada"' in page(app)  # the entry itself stays: "Ada" is its key
    assert_no_crash(app)


@basic(podcast_speakers={"ada example": "Ada Example", "sam": "Sam Host"})
def test_speaker_key_with_spaces_in_conf(app: Any) -> None:
    app.build()
    assert unknown_speakers(app) == ["Ada"]  # its key is left out
    found = [line for line in podcast_warnings(app) if "unknown_speaker" not in line]
    assert len(found) == 1, found
    assert found[0].endswith("[podcast.bad_speaker_key]")
    assert "conf.py" in found[0]
    assert "ada example" in found[0]
    html = page(app)
    assert 'data-speaker="sam"' in html
    assert_no_crash(app)


# -- the other podcast_* values ----------------------------------------------------------


@basic(podcast_outline="sometimes")
def test_outline_of_unknown_form_falls_back_to_manual(app: Any) -> None:
    app.build()
    assert_one_config_warning(app, "podcast_outline", "sometimes")
    assert podcast_warnings(app) == config_warnings(app)
    assert "podcast-outline" not in page(app)  # "manual": no outline without the directive
    assert_no_crash(app)


@basic(podcast_outline=3)
def test_outline_of_wrong_type_falls_back_to_manual(app: Any) -> None:
    app.build()
    assert_one_config_warning(app, "podcast_outline")
    assert podcast_warnings(app) == config_warnings(app)
    assert "podcast-outline" not in page(app)


NOTE_IS_NOBODY = (
    "index.rst:10: WARNING: unknown speaker 'Note': left as bold text, and not part of the "
    "turn before it (podcast_strict_speakers) [podcast.unknown_speaker]"
)


@pytest.mark.sphinx(
    "html",
    testroot="config-strict-yes",
    freshenv=True,
    confoverrides={"podcast_strict_speakers": 1},
)
def test_strict_speakers_of_wrong_type_override(app: Any) -> None:
    app.build()
    assert_one_config_warning(app, "podcast_strict_speakers")
    # falls back to True: the bold "Note" that names nobody is warned about
    assert [line for line in podcast_warnings(app) if "[podcast.config]" not in line] == [
        NOTE_IS_NOBODY
    ]
    assert "<strong>Note</strong>" in page(app)


@pytest.mark.sphinx("html", testroot="config-strict-yes", freshenv=True)
def test_strict_speakers_as_a_string_in_conf_py(app: Any) -> None:
    app.build()
    line = assert_one_config_warning(app, "podcast_strict_speakers")
    assert line.startswith("conf.py:9: WARNING: "), line  # the line that sets it
    assert sorted(podcast_warnings(app)) == sorted([line, NOTE_IS_NOBODY])  # the default, True
    html = page(app)
    assert "<strong>Note</strong>" in html
    assert 'data-speaker="sam"' in html
    assert_no_crash(app)


@basic(podcast_outline="auto", podcast_backlink_symbol=5)
def test_backlink_symbol_of_wrong_type_falls_back_to_the_arrow(app: Any) -> None:
    app.build()
    assert_one_config_warning(app, "podcast_backlink_symbol")
    assert podcast_warnings(app) == config_warnings(app)
    html = page(app)
    assert "podcast-backlink" in html
    assert "⬆" in html


@basic(podcast_date_format=["%Y"])
def test_date_format_of_wrong_type_falls_back_to_the_default(app: Any) -> None:
    app.build()
    assert_one_config_warning(app, "podcast_date_format")
    assert podcast_warnings(app) == config_warnings(app)
    assert "June 1, 2025" in page(app)


@pytest.mark.sphinx("html", testroot="config-bad-conf", freshenv=True)
def test_bad_values_in_conf_py_warn_at_their_lines(app: Any) -> None:
    app.build()
    found = sorted(
        (line.split(": WARNING: ")[0], line.split(": WARNING: ")[1])
        for line in podcast_warnings(app)
    )
    assert [where for where, _message in found] == [
        "conf.py:11",  # podcast_outline = "sometimes"
        "conf.py:12",  # podcast_date_format = ["%Y"]
        "conf.py:8",  # "ada": 42
        "conf.py:9",  # "michael": {... "url": "not a url"}
        "index.rst:14",  # **Ada**: a turn of the speaker left out
    ]
    messages = dict(found)
    assert "podcast_outline" in messages["conf.py:11"]
    assert "podcast_date_format" in messages["conf.py:12"]
    assert "'ada'" in messages["conf.py:8"]
    assert "url" in messages["conf.py:9"]
    assert messages["index.rst:14"].startswith("unknown speaker 'Ada'")
    assert messages["index.rst:14"].endswith("[podcast.unknown_speaker]")
    del messages["index.rst:14"]
    assert all(message.endswith("[podcast.config]") for message in messages.values())
    html = page(app)
    assert 'data-speaker="sam"' in html
    assert 'data-speaker="michael"' in html  # only the bad url is dropped
    assert 'data-speaker="ada"' not in html  # the bad entry is left out
    assert "not a url" not in html
    assert "June 2, 2025" in html  # the default date format
    assert "podcast-outline" not in html  # "manual"
    assert_no_crash(app)


# -- silencing and robustness ----------------------------------------------------------


@basic(podcast_speakers=["ada"], suppress_warnings=["podcast.config"])
def test_config_warning_can_be_suppressed(app: Any) -> None:
    app.build()
    assert config_warnings(app) == []
    assert unknown_speakers(app) == ["Sam", "Ada"]  # only podcast.config is suppressed
    assert_no_crash(app)


@basic(
    podcast_speakers={"ada": 42},
    podcast_outline="sometimes",
    podcast_date_format=["%Y"],
    suppress_warnings=["podcast.config"],
)
def test_several_config_warnings_all_suppressed(app: Any) -> None:
    app.build()
    assert config_warnings(app) == []
    assert_no_crash(app)


@basic(podcast_speakers={"ada": 42}, podcast_outline="sometimes", podcast_date_format=["%Y"])
def test_several_bad_values_one_warning_each(app: Any) -> None:
    app.build()
    found = config_warnings(app)
    assert len(found) == 3, found
    for name in ("podcast_speakers", "podcast_outline", "podcast_date_format"):
        assert len([line for line in found if name in line]) == 1, (name, found)
    assert all("conf.py" in line for line in found)
    assert_no_crash(app)
