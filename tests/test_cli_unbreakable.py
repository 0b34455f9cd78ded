"""Issue 16, the command line: no traceback, nothing the user had is lost.

Each test is named after the issue's item. Commands run in this process
(``cli.main``), so a traceback would fail the test with the exception itself.
"""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from sphinx_podcast import cli
from sphinx_podcast.writing import TextStyle, clean_stale_temporaries, write_atomic

FIXTURES = Path(__file__).parent / "fixtures"
CAPTIONS = FIXTURES / "captions"
ALIGN = FIXTURES / "align"
HUGE = "9" * 400


def run(capsys, *argv: object) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    status = cli.main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return status, captured.out, captured.err


def dead_pid() -> int:
    """The id of a process that has ended."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    return int(done.stdout)


# -- tracebacks ----------------------------------------------------------------------------


def test_oversized_times_in_any_source_do_not_stop_the_batch(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "huge.vtt").write_text(
        f"WEBVTT\n\n{HUGE}:00:00.000 --> {HUGE}:00:01.000\n<v Sam>Hi\n", encoding="utf-8"
    )
    (sources / "huge.srt").write_text(
        f"1\n00:00:01,000 --> 00:00:02,000\nSam: Hi\n\n2\n{HUGE}:00:00,000 --> "
        f"{HUGE}:00:01,000\nSam: Bye\n",
        encoding="utf-8",
    )
    (sources / "huge.json").write_text(
        '{"segments": [{"start": 1' + "0" * 400 + ', "end": 2, "text": "Hi"}]}', encoding="utf-8"
    )
    (sources / "huge.sbv").write_text(f"{HUGE}:00:00.000,{HUGE}:00:01.000\nHi\n", "utf-8")
    (sources / "tide.vtt").write_bytes((CAPTIONS / "tide.vtt").read_bytes())
    status, _out, err = run(capsys, "import", sources, "-o", tmp_path / "out")
    assert status == 1
    errors = sorted(line for line in err.splitlines() if line.startswith("error:"))
    assert len(errors) == 4, err
    for line in errors:
        assert "is too large: times are under 1,000 hours" in line or "too large" in line, line
        assert len(line) < 250
    assert "1 of 5 sources converted, 4 failed" in err
    assert (tmp_path / "out" / "tide.md").is_file()


def test_init_into_a_non_directory_output(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "file").write_text("x", encoding="utf-8")
    status, _out, err = run(
        capsys, "import", CAPTIONS / "tide.vtt", "-o", tmp_path / "file" / "site", "--init"
    )
    assert status == 1
    assert err.splitlines() == [
        f"error: -o {tmp_path / 'file' / 'site'}: cannot create the directory: Not a directory"
    ]
    with pytest.raises(SystemExit) as exited:
        cli.main(["import", str(CAPTIONS / "tide.vtt"), "-o", str(tmp_path / "file")])
    assert exited.value.code == 2
    assert "not a directory" in capsys.readouterr().err


def test_init_into_an_unwritable_output(capsys, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # (the tests may run as root, for whom permissions do not stop a write)
    replace = os.replace

    def refuse(source: str, target: str) -> None:
        if Path(target).name in ("conf.py", "index.md"):
            raise PermissionError(13, "Permission denied")
        replace(source, target)

    monkeypatch.setattr(os, "replace", refuse)
    out = tmp_path / "site"
    status, _out, err = run(capsys, "import", CAPTIONS / "tide.vtt", "-o", out, "--init")
    assert status == 1
    assert f"error: {out / 'conf.py'}: cannot write: Permission denied" in err
    assert f"error: {out / 'index.md'}: cannot write: Permission denied" in err
    assert sorted(p.name for p in out.iterdir()) == ["speakers.md", "tide.md"]


def test_align_with_oversized_turn_or_caption_times(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    transcript = tmp_path / "t.md"
    transcript.write_text(f"**Sam** [{HUGE}:00]: Hello and welcome.\n", encoding="utf-8")
    captions = tmp_path / "c.vtt"
    captions.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nHello and welcome.\n", "utf-8")
    status, out, err = run(capsys, "align", transcript, captions)
    assert status == 0
    assert f"warning: {transcript}:1: Sam: its time '9999" in err
    assert "is not a time (--retime replaces it)" in err
    status, out, err = run(capsys, "align", transcript, captions, "--retime")
    assert status == 0 and out == "**Sam** [00:01]: Hello and welcome.\n"
    captions.write_text(f"WEBVTT\n\n{HUGE}:00:01.000 --> {HUGE}:00:03.000\nHello.\n", "utf-8")
    status, out, err = run(capsys, "align", transcript, captions)
    assert status == 1
    assert err.startswith(f"error: {captions}:3: time '9999")


# -- sizes, pipes and devices ------------------------------------------------------------------


def test_sources_over_the_size_limit_are_refused(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    status, _out, err = run(
        capsys, "import", CAPTIONS / "tide.vtt", "-o", tmp_path / "out", "--max-size", "0.0001"
    )
    assert status == 1
    size = (CAPTIONS / "tide.vtt").stat().st_size
    assert (
        f"error: {CAPTIONS / 'tide.vtt'}: the file is larger than 104 bytes ({size:,} bytes or "
        "more); not read (--max-size MB raises the limit)"
    ) in err
    with pytest.raises(SystemExit) as exited:
        cli.main(["import", str(CAPTIONS / "tide.vtt"), "-o", str(tmp_path), "--max-size", "-1"])
    assert exited.value.code == 2
    assert "--max-size: must be more than 0" in capsys.readouterr().err


def test_dev_zero_is_refused_instead_of_read_until_memory_runs_out(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    status, _out, err = run(capsys, "import", "/dev/zero", "-o", tmp_path / "out")
    assert status == 1
    assert "error: /dev/zero: not a regular file (a pipe, a device or a socket)" in err


def test_a_fifo_source_never_blocks(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    fifo = tmp_path / "captions.vtt"
    os.mkfifo(fifo)
    result: list[tuple[int, str, str]] = []
    worker = threading.Thread(target=lambda: result.append(run(capsys, "import", fifo, "-o",
                                                               tmp_path / "out")))  # fmt: skip
    worker.start()
    worker.join(timeout=20)
    if worker.is_alive():  # unblock it before failing
        with open(fifo, "w") as stream:
            stream.write("")
        worker.join()
        pytest.fail("import blocked on a FIFO")
    status, _out, err = result[0]
    assert status == 1 and "not a regular file" in err


# -- data ------------------------------------------------------------------------------------


def _crlf_bom_transcript(tmp_path: Path) -> tuple[Path, bytes]:
    text = (ALIGN / "tide-untimed.md").read_text(encoding="utf-8")
    original = codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8")
    path = tmp_path / "tide.md"
    path.write_bytes(original)
    return path, original


def test_align_in_place_keeps_the_original_bytes_in_bak(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path, original = _crlf_bom_transcript(tmp_path)
    status, _out, _err = run(capsys, "align", path, ALIGN / "tide-garbled.vtt", "--in-place")
    assert status == 0
    assert (tmp_path / "tide.md.bak").read_bytes() == original


def test_align_in_place_keeps_the_line_endings_and_bom(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path, original = _crlf_bom_transcript(tmp_path)
    run(capsys, "align", path, ALIGN / "tide-garbled.vtt", "--in-place")
    data = path.read_bytes()
    assert data != original
    assert data.startswith(codecs.BOM_UTF8)
    assert data.count(b"\r\n") == original.count(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_import_keeps_the_line_endings_and_bom_of_speakers_md(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    out.mkdir()
    original = codecs.BOM_UTF8 + (
        b"# People\r\n\r\n```{speaker} rita\r\n:name: Rita Moss\r\n```\r\n"
    )
    (out / "speakers.md").write_bytes(original)
    status, _out, _err = run(capsys, "import", CAPTIONS / "tide.vtt", "-o", out)
    assert status == 0
    data = (out / "speakers.md").read_bytes()
    assert data.startswith(original)  # what was there, byte for byte
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b":name: Ada Example\r\n" in data


def test_align_refuses_an_output_equal_to_one_of_its_inputs(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path, original = _crlf_bom_transcript(tmp_path)
    captions = tmp_path / "c.vtt"
    captions.write_bytes((ALIGN / "tide-garbled.vtt").read_bytes())
    for output, name in ((path, "transcript"), (captions, "captions")):
        status, _out, err = run(capsys, "align", path, captions, "-o", output, "--force")
        assert status == 1
        assert f"error: -o {output} is the {name} itself: it would be replaced" in err
    linked = tmp_path / "link.md"
    linked.symlink_to(path)
    status, _out, err = run(capsys, "align", path, captions, "-o", linked, "--force")
    assert status == 1
    assert path.read_bytes() == original
    assert captions.read_bytes() == (ALIGN / "tide-garbled.vtt").read_bytes()


def test_a_temporary_file_left_by_a_killed_write_is_cleaned_up(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    out.mkdir()
    stale = out / f".tide.md.{dead_pid()}.k3j2_x9a.tmp"
    stale.write_text("half a page", encoding="utf-8")
    running = out / f".tide.md.{os.getpid()}.abc.tmp"  # a write still going on: kept
    running.write_text("being written", encoding="utf-8")
    other = out / f".speakers.md.{dead_pid()}.abc.tmp"  # another file's: not this write's
    other.write_text("x", encoding="utf-8")
    status, _out, _err = run(capsys, "import", CAPTIONS / "tide.vtt", "-o", out)
    assert status == 0
    assert not stale.exists()
    assert running.exists()
    assert not other.exists()  # speakers.md was written too, and cleaned after itself


def test_a_write_killed_with_sigkill_leaves_the_old_file_and_the_next_cleans_up(tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "page.md"
    target.write_text("old\n", encoding="utf-8")
    # a child writes a large file and is killed while it does (or right after)
    script = (
        "import sys, pathlib, os, signal\n"
        "from sphinx_podcast import writing\n"
        "real = os.replace\n"
        "def die(a, b):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "writing.os.replace = die\n"
        "writing.write_atomic(pathlib.Path(sys.argv[1]), 'new\\n' * 100000)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(target)], check=False)
    assert done.returncode == -9
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) == 1 and target.read_text(encoding="utf-8") == "old\n"
    write_atomic(target, "newest\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.md"]
    assert target.read_text(encoding="utf-8") == "newest\n"
    assert clean_stale_temporaries(target) == []


def test_text_style_round_trips() -> None:
    for data in (b"a\r\nb\r\n", b"\xef\xbb\xbfa\nb\n", b"a\rb\r", b"no line end"):
        style = TextStyle.of(data)
        text = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
        assert style.encode(text) == data
