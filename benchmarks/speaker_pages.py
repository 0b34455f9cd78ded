"""What generated speaker pages and search cost: the same podcast site built with the
defaults (a generated page per speaker, profiles with time on air) and with
``podcast_speaker_pages = False``, side by side.

Each round starts both builds at the same time, one per core (swapped every round),
and takes the ratio of their CPU times; the result is the median of those ratios, with
the lowest and highest. The site search (Sphinx's own index; sphinx-podcast adds no
entries, its script finds the turn in the browser) is compared by the size of
``searchindex.js`` in both outputs.

    .venv/bin/python benchmarks/speaker_pages.py --rounds 4        # 200 x 300
    .venv/bin/python benchmarks/speaker_pages.py --episodes 20 --turns 50 --rounds 1
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import (  # noqa: E402
    DEFAULT_EPISODES,
    DEFAULT_SEED,
    DEFAULT_TURNS,
    add_timed_argument,
    generate,
)
from run import compile_package, finish_build, sphinx_versions, start_build  # noqa: E402

SITES = {"pages": [], "no-pages": ["podcast_speaker_pages = False"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--episodes", type=int, default=DEFAULT_EPISODES)
    parser.add_argument("--turns", type=int, default=DEFAULT_TURNS)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    add_timed_argument(parser)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--workdir", type=Path, default=HERE / "_work" / "speaker-pages")
    args = parser.parse_args(argv)

    workdir = args.workdir
    podcast, plain = generate(workdir, args.episodes, args.turns, args.seed, args.timed)
    shutil.rmtree(plain)
    sources = {}
    for name, lines in SITES.items():
        srcdir = workdir / name
        if srcdir.exists():
            shutil.rmtree(srcdir)
        shutil.copytree(podcast, srcdir)
        if lines:
            conf = srcdir / "conf.py"
            conf.write_text(conf.read_text(encoding="utf-8") + "\n".join(["", *lines, ""]))
        sources[name] = srcdir
    compile_package(args.python)
    print(
        f"{args.episodes} episodes x {args.turns} turns ({args.timed} timed); "
        f"{sphinx_versions(args.python)}"
    )

    ratios, cpu = [], {name: [] for name in SITES}
    for round_ in range(args.rounds):
        order = list(SITES) if round_ % 2 == 0 else list(reversed(SITES))
        started = [
            start_build(name, sources[name], workdir / f"{name}-out", args.python, None, cpu=core)
            for core, name in enumerate(order)
        ]
        results = {result["site"]: result for result in map(finish_build, started)}
        for name in SITES:
            cpu[name].append(results[name]["cpu_seconds"])
            if results[name]["warnings"]:
                print(f"  {name} warned: {results[name]['warnings'][:3]}")
        ratios.append(results["pages"]["cpu_seconds"] / results["no-pages"]["cpu_seconds"])
        print(
            f"round {round_ + 1}: pages {results['pages']['cpu_seconds']:.1f} s, "
            f"no-pages {results['no-pages']['cpu_seconds']:.1f} s CPU, "
            f"ratio {ratios[-1]:.3f}",
            flush=True,
        )
    print(
        f"CPU time pages/no-pages: median {statistics.median(ratios):.3f} "
        f"(lowest {min(ratios):.3f}, highest {max(ratios):.3f}, {len(ratios)} pairs)"
    )
    for name in SITES:
        index = (workdir / f"{name}-out" / "searchindex.js").read_bytes()
        pages = sorted((workdir / f"{name}-out" / "speakers").glob("*.html"))
        print(
            f"{name}: median {statistics.median(cpu[name]):.1f} s CPU; searchindex.js "
            f"{len(index) / 1e6:.2f} MB ({len(gzip.compress(index)) / 1e6:.2f} MB gzip); "
            f"{len(pages)} speaker pages"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
