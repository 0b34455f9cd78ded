"""The ``sphinx-podcast`` command: import, align, nothing lost, exit codes, round trips."""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import threading
from pathlib import Path

import pytest
from conftest import ROOTS, resolved_doctree, skip_unless, warnings_of
from docutils import nodes

from sphinx_podcast import cli, formats
from sphinx_podcast import nodes as pn

FIXTURES = Path(__file__).parent / "fixtures"
CAPTIONS = FIXTURES / "captions"
JEKYLL = FIXTURES / "jekyll"
ALIGN = FIXTURES / "align"


def run(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    status = cli.main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def snapshot(directory: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(directory)): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def build(make_app, srcdir: Path):  # type: ignore[no-untyped-def]
    """Build *srcdir* (written by ``import --init``); the app, its doctrees resolved."""
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    return app


def resolved(app, docname: str):  # type: ignore[no-untyped-def]
    return resolved_doctree(app, docname)


def turn_data(doctree: nodes.Node) -> list[tuple[str, float | None, str]]:
    """(speaker name as shown, start, text) of every turn."""
    found = []
    for turn in doctree.findall(pn.turn):
        # HTML: the label is written from the turn's attributes, it is not in the text
        assert not list(turn.findall(pn.turn_label))
        text = " ".join(turn.astext().split())
        found.append((turn["speaker_name"], turn.get("start"), text))
    return found


def test_console_script_is_declared() -> None:
    scripts = importlib.metadata.entry_points(group="console_scripts")
    (entry,) = [e for e in scripts if e.name == "sphinx-podcast"]
    assert entry.value == "sphinx_podcast.cli:main"


def test_usage_errors_exit_2(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as error:
        cli.main(["import", str(CAPTIONS / "tide.vtt")])  # no -o
    assert error.value.code == 2
    with pytest.raises(SystemExit) as error:
        cli.main(["import", str(CAPTIONS / "tide.vtt"), "-o", str(tmp_path), "--speaker", "=x"])
    assert error.value.code == 2
    assert "expected LABEL=NAME" in capsys.readouterr().err
    assert cli.main([]) == 2
    assert list(tmp_path.iterdir()) == []


# -- import ------------------------------------------------------------------------------


def test_import_every_format_and_build(capsys, tmp_path, make_app) -> None:  # type: ignore[no-untyped-def]
    sources = tmp_path / "sources"
    sources.mkdir()
    for name in ("tide.vtt", "tide.chapters.json"):
        shutil.copy(CAPTIONS / name, sources / name)
    shutil.copy(CAPTIONS / "tide.srt", sources / "tide-srt.srt")
    shutil.copy(CAPTIONS / "tide.podcast.json", sources / "tide-json.json")
    shutil.copy(CAPTIONS / "tide.whisperx.json", sources / "tide-x.json")
    shutil.copy(CAPTIONS / "tide.whisper.json", sources / "monologue.json")
    shutil.copy(CAPTIONS / "tide.sbv", sources / "youtube.sbv")
    shutil.copy(JEKYLL / "2024-03-14-tide-tables.md", sources)
    out = tmp_path / "site"
    status, stdout, stderr = run(
        capsys,
        "import",
        sources,
        "-o",
        out,
        "--init",
        "--speaker",
        "SPEAKER_00=Sam Host",
        "--speaker",
        "SPEAKER_01=Ada Example",
        "--speaker",
        "Lena Osei",
    )
    assert status == 0, stderr
    assert stdout == ""
    assert sorted(p.name for p in out.iterdir()) == [
        "2024-03-14-tide-tables.md",
        "conf.py",
        "index.md",
        "monologue.md",
        "redirects.json",
        "speakers.md",
        "tide-json.md",
        "tide-srt.md",
        "tide-x.md",
        "tide.md",
        "youtube.md",
    ]
    assert "[1/7] " in stderr and "[7/7] " in stderr
    assert "7 of 7 sources converted" in stderr
    speakers = (out / "speakers.md").read_text(encoding="utf-8")
    keys = [line.split()[-1] for line in speakers.splitlines() if line.startswith("```{speaker}")]
    # the post's "Sam" and "Ada" are the Sam Host and Ada Example of the captions
    assert keys == ["sam-host", "ada-example", "lena-osei"]
    # its old address (permalink: ada) leads to its new page
    assert json.loads((out / "redirects.json").read_text(encoding="utf-8")) == {
        "ada": "2024-03-14-tide-tables.html"
    }

    app = build(make_app, out)
    assert warnings_of(app) == []
    tide = turn_data(resolved(app, "tide"))
    assert [(name, start) for name, start, _text in tide] == [
        ("Sam Host", 1.0),
        ("Ada Example", 7.25),
        ("Sam Host", 12.0),
        ("Ada Example", 15.48),
        ("Sam Host", 62.0),
        ("Ada Example", 66.0),
    ]
    assert tide[4][2] == "Who reads the numbers <today>?"
    # the chapters next to tide.vtt made its sections
    titles = [t.astext() for t in resolved(app, "tide").findall(nodes.title)]
    assert titles == ["Tide", "Welcome", "Who Reads The Numbers"]
    assert {name for name, _s, _t in turn_data(resolved(app, "monologue"))} == {"Lena Osei"}


def test_existing_output_is_never_overwritten_without_force(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    out.mkdir()
    (out / "tide.md").write_text("my own edits\n", encoding="utf-8")
    before = os.stat(out / "tide.md").st_mtime_ns
    status, _out, stderr = run(
        capsys, "import", CAPTIONS / "tide.vtt", CAPTIONS / "tide.srt", "-o", out
    )
    assert status == 1
    assert f"error: {out / 'tide.md'} already exists (left untouched); use --force" in stderr
    assert (out / "tide.md").read_text(encoding="utf-8") == "my own edits\n"
    assert os.stat(out / "tide.md").st_mtime_ns == before
    # the other source has the same page name: refused too, not written over the first
    assert "1 of 2 sources converted" not in stderr
    status, _out, stderr = run(capsys, "import", CAPTIONS / "tide.vtt", "-o", out, "--force", "-q")
    assert status == 0, stderr
    assert (out / "tide.md").read_text(encoding="utf-8").startswith("# Tide\n")


def test_two_sources_for_one_page(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    status, _out, stderr = run(
        capsys, "import", CAPTIONS / "tide.vtt", CAPTIONS / "tide.srt", "-o", tmp_path
    )
    assert status == 1
    assert "would replace the one from" in stderr
    assert "1 of 2 sources converted, 1 failed" in stderr


BAD_SOURCES = {
    "binary.vtt": (b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\x00\x00", 4, "binary file"),
    "latin.srt": (b"1\n00:00:01,000 --> 00:00:02,000\nAda: Caf\xe9\n", 3, "not UTF-8"),
    "truncated.json": (b'{"segments": [{"start": 1, "end": 2, "text": "cut', 1, "not valid JSON"),
    "badtime.vtt": (b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nok\n\n00:01 --> 00:00:0x\nno\n", 6,
                    "malformed"),
    "empty.srt": (b"", 0, "empty file"),
    "noise.txt": (b"just some words\n", 0, "unknown format"),
}  # fmt: skip


def test_bad_sources_one_error_each_others_converted(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sources = tmp_path / "in"
    sources.mkdir()
    paths = []
    for name, (data, _line, _message) in BAD_SOURCES.items():
        (sources / name).write_bytes(data)
        paths.append(sources / name)
    out = tmp_path / "out"
    status, _stdout, stderr = run(
        capsys, "import", *paths, CAPTIONS / "tide.vtt", sources / "missing.vtt", "-o", out
    )
    assert status == 1
    errors = [line for line in stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(BAD_SOURCES) + 1
    for name, (_data, line, message) in BAD_SOURCES.items():
        where = f"{sources / name}:{line}: " if line else f"{sources / name}: "
        (found,) = [e for e in errors if f"{sources / name}" in e]
        assert found.startswith(f"error: {where}"), found
        assert message in found
    assert f"error: {sources / 'missing.vtt'}: no such file" in errors
    assert "Traceback" not in stderr
    assert sorted(p.name for p in out.iterdir()) == ["speakers.md", "tide.md"]
    assert f"1 of {len(BAD_SOURCES) + 2} sources converted" in stderr


def test_output_inside_a_scanned_directory(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sources = tmp_path / "posts"
    sources.mkdir()
    shutil.copy(JEKYLL / "2019-11-02-harbour-lights.md", sources)
    out = sources / "site"
    assert run(capsys, "import", sources, "-o", out)[0] == 0
    # the second run does not take the pages it wrote for sources
    status, _out, stderr = run(capsys, "import", sources, "-o", out, "--force")
    assert status == 0, stderr
    assert "1 of 1 sources converted" in stderr


def test_dry_run_writes_nothing(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    status, stdout, stderr = run(
        capsys, "import", CAPTIONS / "tide.vtt", "-o", out, "--dry-run", "--init"
    )
    assert status == 0
    assert not out.exists()
    assert f"==> {out / 'tide.md'} <==\n# Tide\n" in stdout
    assert f"==> {out / 'speakers.md'} <==\n# Speakers\n" in stdout
    assert f"==> {out / 'conf.py'} <==" in stdout
    assert "would write" in stderr


def test_quiet_and_verbose(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    status, _out, stderr = run(capsys, "import", CAPTIONS / "tide.vtt", "-o", tmp_path / "a", "-q")
    assert status == 0 and stderr == ""
    status, _out, stderr = run(
        capsys, "import", JEKYLL / "2024-03-14-tide-tables.md", "-o", tmp_path / "b", "-q"
    )
    # problems are still reported when quiet; progress and details are not
    assert stderr.splitlines() == [
        f"warning: {JEKYLL / '2024-03-14-tide-tables.md'}:19: HTML <sup>, <sub>, <i> kept as "
        "written (line 19): shown by the HTML builders only",
        f"warning: {JEKYLL / '2024-03-14-tide-tables.md'}:22: hand-written outline (6 entries) "
        "replaced by an outline directive",
        f"warning: {JEKYLL / '2024-03-14-tide-tables.md'}:65: Liquid include 'newsletter.html' "
        "kept as written: Sphinx does not run Liquid; replace it by hand",
    ]
    status, _out, stderr = run(
        capsys, "import", JEKYLL / "2019-11-02-harbour-lights.md", "-o", tmp_path / "c", "-v"
    )
    assert "player include 'youtubePlayer.html' dropped: the episode shows it" in stderr


def test_speakers_merge_across_runs(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    out.mkdir()
    mine = (
        "# Our people\n\n:::{speaker} sam\n:name: Sam Host\n:aliases: Sam\n\nHosts the show.\n:::\n"
    )
    (out / "speakers.md").write_text(mine, encoding="utf-8")
    assert run(capsys, "import", CAPTIONS / "tide.vtt", "-o", out)[0] == 0
    first = (out / "speakers.md").read_text(encoding="utf-8")
    assert first.startswith(mine)
    assert first.count("{speaker}") == 2  # Sam Host was there: only Ada Example added
    assert run(capsys, "import", JEKYLL / "2024-03-14-tide-tables.md", "-o", out)[0] == 0
    second = (out / "speakers.md").read_text(encoding="utf-8")
    # the post's "Sam" is sam (an alias, and "Sam Host" in its text), its "Ada" is the
    # Ada Example of its title, already known: nothing is added twice
    assert second == first


def test_hosts_and_guests(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    status, _out, _err = run(
        capsys, "import", CAPTIONS / "tide.vtt", "-o", tmp_path, "--host", "Sam Host"
    )
    assert status == 0
    page = (tmp_path / "tide.md").read_text(encoding="utf-8")
    assert ":hosts: sam-host\n:guests: ada-example\n" in page


def test_writes_are_atomic(capsys, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    out.mkdir()
    (out / "tide.md").write_text("old\n", encoding="utf-8")

    def broken_replace(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    status, _out, stderr = run(capsys, "import", CAPTIONS / "tide.vtt", "-o", out, "--force")
    assert status == 1
    assert "cannot write: No space left on device" in stderr
    assert (out / "tide.md").read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in out.iterdir()) == ["tide.md"]  # no temporary file left


def test_write_atomic_keeps_links_and_devices(tmp_path) -> None:  # type: ignore[no-untyped-def]
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    cli.write_atomic(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    cli.write_atomic(fifo, "through the pipe")
    reader.join(timeout=10)
    assert received == ["through the pipe"]
    assert not fifo.is_file() and fifo.exists()  # still a pipe, not replaced by a file


# -- round trips ---------------------------------------------------------------------------


def original_turns(make_app, tmp_path):  # type: ignore[no-untyped-def]
    srcdir = tmp_path / "original"
    shutil.copytree(ROOTS / "test-transcript-roundtrip", srcdir)
    app = build(make_app, srcdir)
    assert warnings_of(app) == []
    found = turn_data(resolved(app, "episode"))
    assert len(found) == 6 and all(start is not None for _n, start, _t in found)
    return app, found


@pytest.mark.parametrize("writer", ["to_vtt", "to_srt", "to_podcast_json"])
def test_round_trip_through_the_writers(capsys, tmp_path, make_app, writer: str) -> None:  # type: ignore[no-untyped-def]
    app, expected = original_turns(make_app, tmp_path)
    app.cleanup()
    cues = [formats.Cue(start, None, name, text) for name, start, text in expected]
    suffix = {"to_vtt": ".vtt", "to_srt": ".srt", "to_podcast_json": ".json"}[writer]
    source = tmp_path / f"episode{suffix}"
    source.write_text(getattr(formats, writer)(cues, total=720), encoding="utf-8")
    out = tmp_path / "imported"
    status, _out, stderr = run(capsys, "import", source, "-o", out, "--init")
    assert status == 0, stderr
    again = build(make_app, out)
    assert warnings_of(again) == []
    assert turn_data(resolved(again, "episode")) == expected


def test_round_trip_through_the_build_exports(capsys, tmp_path, make_app) -> None:  # type: ignore[no-untyped-def]
    app, expected = original_turns(make_app, tmp_path)
    outdir = Path(app.outdir)
    sections = [
        s.next_node(nodes.title).astext() for s in resolved(app, "episode").findall(nodes.section)
    ][1:]
    app.cleanup()
    skip_unless(
        (outdir / "episode.vtt").is_file(),
        "the html builder does not write the per-episode transcript exports yet",
    )
    for suffix in (".vtt", ".srt", ".json"):
        work = tmp_path / suffix.strip(".")
        work.mkdir()
        shutil.copy(outdir / f"episode{suffix}", work / f"episode{suffix}")
        if (outdir / "episode.chapters.json").is_file():
            shutil.copy(outdir / "episode.chapters.json", work / "episode.chapters.json")
        out = work / "site"
        status, _out, stderr = run(capsys, "import", work / f"episode{suffix}", "-o", out, "--init")
        assert status == 0, stderr
        again = build(make_app, out)
        assert warnings_of(again) == [], suffix
        doctree = resolved(again, "episode")
        assert turn_data(doctree) == expected, suffix
        if (work / "episode.chapters.json").is_file():
            titles = [s.next_node(nodes.title).astext() for s in doctree.findall(nodes.section)]
            assert titles[1:] == sections, suffix
        again.cleanup()


# -- align -----------------------------------------------------------------------------------


def test_align_to_a_file(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "timed.md"
    status, stdout, stderr = run(
        capsys, "align", ALIGN / "tide-untimed.md", ALIGN / "tide-garbled.vtt", "-o", out
    )
    assert status == 0, stderr
    assert stdout == ""
    assert (
        f"{ALIGN / 'tide-untimed.md'}: timed 10 of 10 turns (10 at their first word, 0 near it, "
        "0 interpolated); 94% of the words matched the captions"
    ) in stderr
    text = out.read_text(encoding="utf-8")
    assert "**Sam** [00:02]: Welcome back" in text
    assert "**Sam [00:18]:** What did" in text
    assert ":::{turn} sam 00:47\n" in text
    # again: the output exists now
    status, _out, stderr = run(
        capsys, "align", ALIGN / "tide-untimed.md", ALIGN / "tide-garbled.vtt", "-o", out
    )
    assert status == 1 and "already exists" in stderr


def test_align_in_place_keeps_a_backup(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "ep.md"
    shutil.copy(ALIGN / "tide-untimed.md", page)
    original = page.read_bytes()
    status, _out, stderr = run(capsys, "align", page, ALIGN / "tide-garbled.vtt", "--in-place")
    assert status == 0, stderr
    assert (tmp_path / "ep.md.bak").read_bytes() == original
    assert "**Ada** [01:03]: Thank you, Sam." in page.read_text(encoding="utf-8")


def test_align_to_stdout_and_dry_run(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    status, stdout, _err = run(
        capsys, "align", ALIGN / "tide-untimed.md", ALIGN / "tide-garbled.vtt", "-q"
    )
    assert status == 0
    assert stdout.startswith("# Tide Tables\n")
    page = tmp_path / "ep.md"
    shutil.copy(ALIGN / "tide-untimed.md", page)
    status, stdout, _err = run(
        capsys, "align", page, ALIGN / "tide-garbled.vtt", "--in-place", "--dry-run"
    )
    assert status == 0
    assert page.read_bytes() == (ALIGN / "tide-untimed.md").read_bytes()
    assert not (tmp_path / "ep.md.bak").exists()
    assert f"==> {page} <==" in stdout


def test_align_bad_captions(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.vtt"
    bad.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nhello\n", encoding="utf-8")
    status, _out, stderr = run(capsys, "align", ALIGN / "tide-untimed.md", bad, "-o", "-")
    assert status == 1
    assert stderr.startswith(f"error: {bad}:3: malformed")
    status, _out, stderr = run(
        capsys, "align", ALIGN / "tide-untimed.md", JEKYLL / "2024-03-14-tide-tables.md"
    )
    assert status == 1 and "expected captions" in stderr
    empty = tmp_path / "plain.md"
    empty.write_text("# Nothing\n\nNo turns here.\n", encoding="utf-8")
    status, _out, stderr = run(capsys, "align", empty, ALIGN / "tide-garbled.vtt")
    assert status == 1 and "no turns found" in stderr


def test_strict_exits_1_when_there_is_any_warning(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    post = JEKYLL / "2019-11-02-harbour-lights.md"  # its "Note:" label is reported
    status, _out, stderr = run(capsys, "import", post, "-o", tmp_path / "a", "--strict")
    assert status == 1
    assert stderr.splitlines()[-1] == "--strict: 4 warnings"
    status, _out, _err = run(capsys, "import", post, "-o", tmp_path / "b")
    assert status == 0  # the same warnings, without --strict
    status, _out, stderr = run(
        capsys, "import", CAPTIONS / "tide.vtt", "-o", tmp_path / "c", "--strict"
    )
    assert status == 0, stderr  # nothing to warn about


def test_site_url_makes_links_to_the_old_site_absolute(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    post = tmp_path / "2020-01-01-links.md"
    post.write_text(
        "---\ntitle: Links\n---\n\nSee [the about page](/about/) and ![a map](/img/map.png).\n\n"
        "**Sam**: One.\n\n**Ada**: Two.\n\n**Sam**: Three.\n",
        encoding="utf-8",
    )
    status, _out, stderr = run(
        capsys, "import", post, "-o", tmp_path / "a", "--site-url", "https://old.example/blog/"
    )
    assert status == 0, stderr
    page = (tmp_path / "a" / "2020-01-01-links.md").read_text(encoding="utf-8")
    assert "[the about page](https://old.example/blog/about/)" in page
    assert "![a map](https://old.example/blog/img/map.png)" in page
    # without it, the link cannot be followed from the new site: kept for HTML, and said so
    status, _out, stderr = run(capsys, "import", post, "-o", tmp_path / "b")
    page = (tmp_path / "b" / "2020-01-01-links.md").read_text(encoding="utf-8")
    assert '<a href="/about/">the about page</a>' in page
    assert '<img src="/img/map.png" alt="a map">' in page
    assert "give the old site's address with --site-url" in stderr
