"""Chromium's own WebVTT parser reads our VTT files: each loaded as the ``<track>`` of a
media element, as a browser player would, must give every cue with its times and text.

Built once: the hostile-text root (escapes, lists, code, quotes, long names) and the
feed root; served on 127.0.0.1 (a track needs HTTP, not file://).
"""

from __future__ import annotations

import html
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
import webvtt
from conftest import build_root
from test_browser import Handler
from test_feed import build, prepare

from sphinx_podcast.formats import parse_clock

pytestmark = pytest.mark.browser

#: Reads every cue of every track of the page once the tracks have loaded.
READ_CUES = """
async () => {
  const tracks = [...document.querySelectorAll("track")];
  await Promise.all(tracks.map((element) => new Promise((resolve, reject) => {
    element.track.mode = "hidden";
    if (element.readyState === 2) { resolve(); return; }
    element.addEventListener("load", resolve);
    element.addEventListener("error", () => reject(new Error("no track: " + element.src)));
  })));
  return tracks.map((element) => [...element.track.cues].map((cue) => ({
    start: cue.startTime,
    end: cue.endTime,
    text: cue.text,
    shown: cue.getCueAsHTML().textContent,
  })));
}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[Path]]]:
    tmp = tmp_path_factory.mktemp("track")
    outdir = build_root("test-transcript-text", tmp / "text")
    feed = Path(build(prepare(tmp / "feed")).outdir)
    shutil.copytree(feed / "episodes", outdir / "feed", dirs_exist_ok=True)
    files = sorted(outdir.glob("*.vtt")) + sorted((outdir / "feed").glob("*.vtt"))
    tracks = "".join(
        f'<video preload="none"><track kind="captions" src="{p.relative_to(outdir)}"></video>'
        for p in files
    )
    (outdir / "tracks.html").write_text(f"<!DOCTYPE html><title>tracks</title>{tracks}")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(Handler, directory=str(outdir))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", files
    finally:
        server.shutdown()
        server.server_close()


_TAG = re.compile(r"<[^>]*>")


def test_chromium_reads_every_cue(site: tuple[str, list[Path]], browser: Any) -> None:
    base, files = site
    assert len(files) >= 5
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{base}/tracks.html")
        found = page.evaluate(READ_CUES)
    finally:
        context.close()
    for path, cues in zip(files, found, strict=True):
        captions = webvtt.from_string(path.read_text(encoding="utf-8"), strict=True).captions
        expected = [
            {
                "start": parse_clock(c.start),
                "end": parse_clock(c.end),
                "text": c.raw_text,
                "shown": html.unescape(_TAG.sub("", c.raw_text)),
            }
            for c in captions
        ]
        assert len(cues) == len(expected), path.name
        for cue, want in zip(cues, expected, strict=True):
            assert cue["start"] == pytest.approx(want["start"], abs=0.0005), path.name
            assert cue["end"] == pytest.approx(want["end"], abs=0.0005), path.name
            assert cue["text"] == want["text"], path.name
            assert cue["shown"] == want["shown"], path.name
