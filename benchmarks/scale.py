"""Does a show of 2,000 episodes cost, per episode, what a show of 200 costs?

Writes the synthetic site of :mod:`generate` (same episodes, titles, turns and words;
hosts who speak in every episode) at each size, twice -- with sphinx-podcast in its
default configuration and as plain MyST -- in one of two layouts, the same for both
twins:

``flat``
    one index page whose toctree lists every episode (what ``import --init`` wrote
    before issue 17): alabaster's sidebar then carries every episode on every page;

``years``
    the index lists one page per year, each listing that year's episodes (what
    ``import --init`` writes now for a large show): a page's sidebar holds the years
    and the episodes of its own year.

Each size is built in pairs: the podcast build and the plain build at the same time,
each pinned to a core of its own, so both see the same machine (run.py ``--paired``);
the ratio of their CPU times is the result, with the peak memory of each build.

    python benchmarks/scale.py --sizes 50 200 800 2000 --turns 60       # target 4
    python benchmarks/scale.py --sizes 2000 --layouts flat years --turns 60   # target 5
    python benchmarks/scale.py --sizes 200 --theme furo                 # another theme

Results go to ``_work/scale/results.json`` (one entry per build pair, appended as
they finish, so a long run can be read while it goes on).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
from run import compile_package, finish_build, load_average, start_build  # noqa: E402

WORK = HERE / "_work" / "scale"


def _toctree(entries: list[str]) -> str:
    return "\n".join(["```{toctree}", ":maxdepth: 1", "", *entries, "```", ""])


def years_index(episodes: list[generate.Episode]) -> dict[str, str]:
    """``index`` and ``years/YYYY``: the pages of the ``years`` layout."""
    by_year: dict[int, list[generate.Episode]] = defaultdict(list)
    for episode in episodes:
        by_year[episode.date.year].append(episode)
    # generate.py's index page, its toctree listing the years instead of the episodes
    head = generate.index_page(episodes).split("```{toctree}", 1)[0]
    pages = {"index": head + _toctree([f"years/{year}" for year in sorted(by_year)])}
    for year, members in sorted(by_year.items()):
        entries = [f"/episodes/ep{episode.number:04d}" for episode in members]
        pages[f"years/{year}"] = f"# {year}\n\n" + _toctree(entries)
    return pages


def write_sites(root: Path, episodes: int, turns: int, layout: str, theme: str) -> dict[str, Path]:
    """The podcast and plain sites of one size and layout, under *root*."""
    made = [generate.make_episode(n, turns, generate.DEFAULT_SEED) for n in range(1, episodes + 1)]
    indexes = {"index": generate.index_page(made)} if layout == "flat" else years_index(made)
    theme_line = f"\nhtml_theme = {theme!r}\n" if theme else ""
    sites = {}
    for name, conf, page in (
        ("podcast", generate.podcast_conf(), generate.podcast_page),
        ("plain", generate.plain_conf(), generate.plain_page),
    ):
        srcdir = root / name
        generate.write_site(
            srcdir,
            conf + theme_line,
            indexes["index"],
            {f"ep{e.number:04d}": page(e) for e in made},
        )
        for docname, text in indexes.items():
            if docname != "index":
                (srcdir / f"{docname}.md").parent.mkdir(parents=True, exist_ok=True)
                (srcdir / f"{docname}.md").write_text(text, encoding="utf-8")
        sites[name] = srcdir
    return sites


def build_pair(sites: dict[str, Path], root: Path, swap: bool) -> dict[str, dict]:
    """Build both sites at once, one per core; *swap* exchanges the cores."""
    cores = (1, 0) if swap else (0, 1)
    started = {
        name: start_build(name, srcdir, root / f"{name}-html", sys.executable, None, cpu=core)
        for (name, srcdir), core in zip(sites.items(), cores, strict=True)
    }
    return {name: finish_build(build) for name, build in started.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 800, 2000])
    parser.add_argument("--turns", type=int, default=60, help="turns per episode")
    parser.add_argument("--layouts", nargs="+", choices=("flat", "years"), default=["years"])
    parser.add_argument("--theme", default="", help="html_theme of both sites (alabaster)")
    parser.add_argument("--rounds", type=int, default=1, help="pairs built per size")
    parser.add_argument("--results", type=Path, default=WORK / "results.json")
    args = parser.parse_args(argv)

    args.results.parent.mkdir(parents=True, exist_ok=True)
    compile_package(sys.executable)
    results = json.loads(args.results.read_text()) if args.results.is_file() else []
    print(f"{'layout':>6} {'episodes':>8} {'podcast s':>9} {'plain s':>8} {'ratio':>6} "
          f"{'podcast MB':>10} {'plain MB':>8} {'warnings':>8}")  # fmt: skip
    for layout in args.layouts:
        for size in args.sizes:
            root = WORK / f"{layout}-{size}"
            sites = write_sites(root, size, args.turns, layout, args.theme)
            pairs = [build_pair(sites, root, swap=bool(r % 2)) for r in range(args.rounds)]
            ratio = statistics.median(
                p["podcast"]["cpu_seconds"] / p["plain"]["cpu_seconds"] for p in pairs
            )
            last = pairs[-1]
            entry = {
                "layout": layout,
                "theme": args.theme or "alabaster",
                "episodes": size,
                "turns": args.turns,
                "ratio": ratio,
                "load_average": load_average(),
                "builds": [
                    {name: {k: v for k, v in b.items() if k != "stdout"} for name, b in p.items()}
                    for p in pairs
                ],
            }
            results.append(entry)
            args.results.write_text(json.dumps(results, indent=1))
            print(
                f"{layout:>6} {size:>8} {last['podcast']['cpu_seconds']:>9.1f} "
                f"{last['plain']['cpu_seconds']:>8.1f} {ratio:>6.3f} "
                f"{last['podcast']['maxrss_mib']:>10.0f} {last['plain']['maxrss_mib']:>8.0f} "
                f"{len(last['podcast']['warnings']):>4}/{len(last['plain']['warnings'])}",
                flush=True,
            )
            shutil.rmtree(root / "podcast-html", ignore_errors=True)
            shutil.rmtree(root / "plain-html", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
