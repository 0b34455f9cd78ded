"""How the time to turn speakerless auto-captions into turns grows with their size.

YouTube's auto-captions (SBV) have no speakers, no punctuation and no pauses: every
cue of the file is one voice talking on. Grouping them into turns used to rebuild one
growing string per cue (quadratic: 4 MB took 5.4 s, 50 MB did not finish). This
writes such files of several sizes (invented words, a seeded generator) and times
reading them (``formats.read``) and grouping them (``captions.turns_of``), in this
process, best of N rounds.

Target (issue 16): linear. ``--check`` fails when the time per MB of the largest file
is more than twice that of the smallest. Run::

    .venv/bin/python benchmarks/bench_captions.py                  # 4, 16 and 50 MB
    .venv/bin/python benchmarks/bench_captions.py --sizes 1 4 --rounds 1 --check
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sphinx_podcast import formats
from sphinx_podcast.importers.captions import turns_of

WORDS = tuple(
    re.findall(
        r"\S+",
        """so we went down to the harbour and the tide was out and nobody knew why the gauge
        said it was high water anyway which is the thing about old sensors they drift""",
    )
)


def clock(seconds: float) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, rest = divmod(rest, 60)
    return f"{int(hours)}:{int(minutes):02d}:{rest:06.3f}"


def make_sbv(megabytes: float, seed: int = 7) -> str:
    """Speakerless captions of about *megabytes*, one cue every 1.5 s, no pause."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    start = 0.0
    while size < megabytes * 2**20:
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 9)))
        cue = f"{clock(start)},{clock(start + 1.5)}\n{words}\n\n"
        parts.append(cue)
        size += len(cue)
        start += 1.5
    return "".join(parts)


def best_of(rounds: int, text: str) -> tuple[float, float, int]:
    """(seconds to read, seconds to group, number of turns), the fastest round of each."""
    read_times, group_times = [], []
    turns: list[formats.Cue] = []
    for _ in range(rounds):
        began = time.perf_counter()
        transcript = formats.read(text, filename="auto.sbv")
        read = time.perf_counter()
        turns, _unnamed = turns_of(transcript)
        grouped = time.perf_counter()
        read_times.append(read - began)
        group_times.append(grouped - read)
    return min(read_times), min(group_times), len(turns)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[4, 16, 50], metavar="MB")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--check", action="store_true", help="fail unless linear")
    args = parser.parse_args()
    per_mb = []
    print(f"{'MB':>6} {'cues':>9} {'read s':>8} {'group s':>8} {'turns':>7} {'s/MB':>7}")
    for megabytes in args.sizes:
        text = make_sbv(megabytes)
        read, group, turns = best_of(args.rounds, text)
        actual = len(text) / 2**20
        per_mb.append((read + group) / actual)
        print(
            f"{actual:6.1f} {text.count(chr(10) * 2):9,} {read:8.2f} {group:8.2f} "
            f"{turns:7,} {per_mb[-1]:7.3f}"
        )
    if args.check and per_mb[-1] > 2 * per_mb[0]:
        print(f"not linear: {per_mb[-1]:.3f} s/MB against {per_mb[0]:.3f} s/MB")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
