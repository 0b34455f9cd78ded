"""benchmarks/parts.py, the per-part CPU report of one build: it times every handler and
transform of ours, once a page, and nothing of a site without sphinx-podcast."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from generate import generate  # noqa: E402

ROW = re.compile(r"^\s*(\d+)\s+([\d.]+)\s+(\d+)\s+(\d+)\s+(.+)$", re.MULTILINE)


def parts_of(site: Path) -> tuple[str, dict[str, int]]:
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "parts.py"), str(site), "--top", "50"],
        capture_output=True,
        text=True,
        check=True,
        cwd=BENCHMARKS.parent,
    )
    calls = {match[5]: int(match[4]) for match in ROW.finditer(result.stdout)}
    return result.stdout, calls


def test_parts_times_each_of_our_handlers_and_transforms(tmp_path: Path) -> None:
    podcast, plain = generate(tmp_path, episodes=2, turns=12)
    report, calls = parts_of(podcast)
    # pages: the two episodes, the index and a page for each of the four speakers
    pages = calls["transform: TurnResolver"]
    assert pages == 7
    assert re.search(r"^build: [\d.]+ s CPU; garbage collector [\d.]+ s$", report, re.MULTILINE)
    assert f"), {pages} pages\n" in report
    assert calls["transform: EpisodePageTransform"] == pages
    assert calls["doctree-resolved: sphinx_podcast.exports._on_doctree_resolved"] == pages
    assert calls["build-finished: sphinx_podcast.feed._on_build_finished"] == 1
    # handlers are named by event and function, transforms by class
    for name in calls:
        event, _, part = name.partition(": ")
        assert part.startswith("sphinx_podcast.") or event == "transform", name

    report, calls = parts_of(plain)
    assert calls == {}
    assert "sphinx-podcast's parts: 0.00 s" in report
