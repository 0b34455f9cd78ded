"""Incremental builds: what changed is re-written, and the result equals a clean build."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import lxml.html
import pytest
from conftest import ROOTS, warnings_of

ZED_TURN = "**Zed**: I only joined the crew in the second season.\n"
# Until Zed is declared, the turn is a bold name that names nobody (podcast_strict_speakers).
ZED_UNKNOWN = (
    "episode.md:55: WARNING: unknown speaker 'Zed': left as bold text, and not part of the "
    "turn before it (podcast_strict_speakers) [podcast.unknown_speaker]"
)
ZED_PROFILE = """
:::{speaker} zed
:name: Zed Newcomer
:aliases: Zed

Zed Newcomer joined the crew in the second season.
:::
"""


def edit(path: Path, old: str | None, new: str) -> None:
    """Replace *old* by *new* (append *new* when *old* is None).

    Sphinx re-reads a page whose mtime is later than the time it last read it; the
    write happens after any earlier build, so it is (never in the future: a page
    dated in the future would be re-read on every build).
    """
    content = path.read_text(encoding="utf-8")
    if old is None:
        content = content.rstrip("\n") + "\n\n" + new
    else:
        assert content.count(old) == 1, old
        content = content.replace(old, new)
    time.sleep(0.01)
    path.write_text(content, encoding="utf-8")


def progress(app, phase: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The documents of "reading sources... [ 50%] name" (or "writing output...") lines."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.status.getvalue())
    return re.findall(rf"^{phase}\.\.\. \[\s*\d+%\] (\S+)\s*$", text, re.M)


def html_files(outdir: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(outdir)): path.read_bytes()
        for path in sorted(outdir.rglob("*.html"))
        if "_sources" not in path.parts
    }


def mtimes(outdir: Path) -> dict[str, int]:
    return {name: (outdir / name).stat().st_mtime_ns for name in html_files(outdir)}


def turn_speakers(outdir: Path, name: str = "episode.html") -> list[str]:
    root = lxml.html.parse(str(outdir / name)).getroot()
    return root.xpath("//div[contains(concat(' ', @class, ' '), ' podcast-turn ')]/@data-speaker")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of test-basic whose episode already has a turn by the not-yet-declared Zed."""
    srcdir = tmp_path / "incremental"
    shutil.copytree(ROOTS / "test-basic", srcdir)
    edit(srcdir / "episode.md", None, ZED_TURN)
    return srcdir


def build(make_app, srcdir: Path, **kwargs: object):  # type: ignore[no-untyped-def]
    """Build *srcdir* (into srcdir/_build) and release Sphinx's global state for the next app."""
    app = make_app("html", srcdir=srcdir, **kwargs)
    app.build()
    app.cleanup()
    return app


def clean_build(make_app, tmp_path: Path, srcdir: Path, warnings: list[str]) -> Path:  # type: ignore[no-untyped-def]
    clean = tmp_path / "clean"
    shutil.copytree(srcdir, clean, ignore=shutil.ignore_patterns("_build"))
    app = build(make_app, clean, freshenv=True)
    assert warnings_of(app) == warnings
    return Path(app.outdir)


def test_new_speaker_on_people_page_rewrites_episode(make_app, project, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = build(make_app, project)
    assert warnings_of(first) == [ZED_UNKNOWN]
    outdir = Path(first.outdir)
    speakers = turn_speakers(outdir)
    assert "zed" not in speakers
    assert len(speakers) == 9
    root = lxml.html.parse(str(outdir / "episode.html")).getroot()
    assert root.xpath("//strong[normalize-space(.)='Zed']")

    edit(project / "people.md", None, ZED_PROFILE)
    second = build(make_app, project)
    assert warnings_of(second) == []
    assert progress(second, "reading sources") == ["people"]
    assert "episode" in progress(second, "writing output")

    root = lxml.html.parse(str(outdir / "episode.html")).getroot()
    (zed,) = root.xpath("//div[@data-speaker='zed']")
    assert "podcast-turn" in zed.get("class").split()
    assert zed.get("id")
    assert " ".join(zed.text_content().split()) == (
        "Zed Newcomer: I only joined the crew in the second season."
    )
    assert zed.xpath(".//*[contains(concat(' ', @class, ' '), ' podcast-speaker ')]//a/@href") == [
        "people.html#speaker-zed"
    ]
    assert root.xpath("//strong[normalize-space(.)='Zed']") == []
    assert turn_speakers(outdir) == [*speakers, "zed"]

    assert html_files(outdir) == html_files(clean_build(make_app, tmp_path, project, []))


def test_editing_one_turn_rewrites_only_that_episode(make_app, project, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = build(make_app, project)
    outdir = Path(first.outdir)
    before = mtimes(outdir)
    old_text = "Barely a thousand rows, typed in by hand from paper logs."
    new_text = "Barely two thousand rows, copied by hand from paper logs."
    assert old_text in (outdir / "episode.html").read_text(encoding="utf-8")

    edit(project / "episode.md", old_text, new_text)
    second = build(make_app, project)
    assert warnings_of(second) == [ZED_UNKNOWN]
    assert progress(second, "reading sources") == ["episode"]
    written = progress(second, "writing output")
    assert "episode" in written
    assert "auto" not in written
    assert "people" not in written

    after = mtimes(outdir)
    assert after["episode.html"] != before["episode.html"]
    assert after["auto.html"] == before["auto.html"]
    assert after["people.html"] == before["people.html"]
    page = (outdir / "episode.html").read_text(encoding="utf-8")
    assert new_text in page
    assert old_text not in page
    (turn,) = (
        lxml.html.parse(str(outdir / "episode.html")).getroot().xpath("//div[@data-start='90']")
    )
    assert new_text in turn.text_content()

    assert html_files(outdir) == html_files(clean_build(make_app, tmp_path, project, [ZED_UNKNOWN]))


def test_dates_are_formatted_once(make_app, project, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A rebuild shows the dates it formatted before without formatting them again
    (the first date a process formats loads the language's CLDR data)."""
    app = build(make_app, project)
    assert warnings_of(app) == [ZED_UNKNOWN]
    dates = app.env.get_domain("podcast").data["dates"]
    assert dates[("2025-05-01", "", "en")] == "May 1, 2025"

    def no_formatting(*args: object, **kwargs: object) -> str:
        raise AssertionError("a known date was formatted again")

    monkeypatch.setattr("sphinx_podcast.domain.format_episode_date", no_formatting)
    edit(project / "episode.md", None, "**Ada**: One more thing about the tides.\n")
    app = build(make_app, project)
    assert progress(app, "reading sources") == ["episode"]
    assert warnings_of(app) == [ZED_UNKNOWN]
    rewritten = (project / "_build" / "html" / "episode.html").read_text(encoding="utf-8")
    assert '<span class="podcast-episode-date">May 1, 2025</span>' in rewritten
    assert "One more thing about the tides." in rewritten  # the page was written again
