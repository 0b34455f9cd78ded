"""How long ``sphinx-podcast import`` and ``align`` take on a three-hour episode.

Writes a synthetic WebVTT file (3 hours, about 5,000 cues, three speakers,
invented words from a seeded generator), then times, in this process:

- reading it (``formats.read``) and converting it to a MyST page (``importers.convert``),
- the whole ``sphinx-podcast import`` command (``cli.main``) into a fresh directory,
- ``sphinx-podcast align`` of the untimed page against lightly garbled captions.

Target: the import of the 3-hour VTT in under one second. Run::

    .venv/bin/python benchmarks/bench_import.py            # 5,000 cues, best of 5
    .venv/bin/python benchmarks/bench_import.py --cues 20000 --rounds 3 --check
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sphinx_podcast import align, cli, formats, importers
from sphinx_podcast.formats.clock import format_clock

WORDS = tuple(
    re.findall(
        r"\S+",
        """tide gauge harbour pier reading pencil paper volunteer script winter boat number
        table open data kayak fisherman school class lighthouse lens brass glass buoy battery
        modem season sailing club archive spreadsheet keeper""",
    )
)
FILLERS = tuple(re.findall(r"\S+", "the a of and to in is that it we you they was for on with"))
SPEAKERS = ("Sam Host", "Ada Example", "Lena Osei")
TARGET_SECONDS = 1.0


def sentence(rng: random.Random) -> str:
    words = [
        rng.choice(WORDS if rng.random() < 0.5 else FILLERS) for _ in range(rng.randint(6, 12))
    ]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def make_vtt(cues: int, seconds: float, seed: int) -> str:
    rng = random.Random(seed)
    step = seconds / cues
    out = ["WEBVTT", ""]
    speaker = SPEAKERS[0]
    for index in range(cues):
        if rng.random() < 0.3:
            speaker = rng.choice(SPEAKERS)
        start = round(index * step * 1000)
        end = round((index + 1) * step * 1000)
        out.append(f"{format_clock(start)} --> {format_clock(end)}")
        out.append(f"<v {speaker}>{sentence(rng)}")
        out.append("")
    return "\n".join(out)


def garble(vtt: str, seed: int) -> str:
    """Captions as speech recognition gives them: lower case, no voices, some words wrong."""
    rng = random.Random(seed)
    lines = []
    for line in vtt.split("\n"):
        if line.startswith("<v "):
            words = re.sub(r"<v [^>]*>", "", line).lower().rstrip(".").split()
            words = [rng.choice(FILLERS) if rng.random() < 0.08 else w for w in words]
            line = " ".join(words)
        lines.append(line)
    return "\n".join(lines)


def best_of(rounds: int, action) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cues", type=int, default=5000)
    parser.add_argument("--hours", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--check", action="store_true", help="exit 1 if the target is missed")
    args = parser.parse_args(argv)

    vtt = make_vtt(args.cues, args.hours * 3600, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = work / "episode.vtt"
        source.write_text(vtt, encoding="utf-8")

        def convert() -> importers.Imported:
            return importers.convert(vtt, "episode.vtt")

        def command() -> None:
            out = work / f"out-{time.perf_counter_ns()}"
            with contextlib.redirect_stderr(io.StringIO()):
                status = cli.main(["import", str(source), "-o", str(out), "-q"])
            assert status == 0, status

        read_time = best_of(args.rounds, lambda: formats.read(vtt, filename="episode.vtt"))
        convert_time = best_of(args.rounds, convert)
        command_time = best_of(args.rounds, command)
        page = convert()

        untimed = re.sub(r"\*\* \[[\d:.]+\]:", "**:", page.text)
        captions = formats.read(garble(vtt, args.seed), filename="captions.vtt").cues
        align_time = best_of(max(1, args.rounds // 2), lambda: align.align(untimed, captions))
        result = align.align(untimed, captions)

    print(f"{args.cues} cues, {args.hours:g} h, {page.turns} turns, {len(vtt) / 1e6:.2f} MB")
    print(f"  read (formats.read)        {read_time * 1000:8.1f} ms")
    print(f"  convert (read + page)      {convert_time * 1000:8.1f} ms")
    print(
        f"  sphinx-podcast import      {command_time * 1000:8.1f} ms   "
        f"target < {TARGET_SECONDS:g} s"
    )
    print(
        f"  sphinx-podcast align       {align_time * 1000:8.1f} ms   "
        f"({result.timed}/{len(result.turns)} turns timed, {result.word_share:.0%} words matched)"
    )
    if args.check and command_time >= TARGET_SECONDS:
        print("target missed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
