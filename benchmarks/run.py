"""Benchmark sphinx-podcast against the same site written in plain MyST.

Generates both sites (see generate.py) into benchmarks/_work/, then builds them
alternately -- each build a fresh ``sphinx-build -q -b html -E`` in its own Python
process -- and reports the median wall time, the peak resident memory of the build
process, and the ratios podcast/plain against the targets.

    python benchmarks/run.py                                   # 200 x 300, 3 rounds
    python benchmarks/run.py --episodes 20 --turns 50 --rounds 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import DEFAULT_EPISODES, DEFAULT_SEED, DEFAULT_TURNS, generate  # noqa: E402

TIME_TARGET = 1.05  # podcast / plain, median wall time
MEMORY_TARGET = 1.10  # podcast / plain, peak RSS
SITES = ("podcast", "plain")

# Runs one Sphinx build in this process and records its own peak RSS (KiB on Linux),
# so the number is that of the build alone, not the maximum over all children.
WRAPPER = """\
import json, resource, sys, time
from sphinx.cmd.build import main
result_file, args = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
status = main(args)
elapsed = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
with open(result_file, "w") as f:
    json.dump({"status": status, "build_seconds": elapsed, "maxrss_kib": usage.ru_maxrss,
               "cpu_seconds": usage.ru_utime + usage.ru_stime}, f)
sys.exit(status)
"""


def build(site: str, srcdir: Path, outdir: Path, python: str, jobs: str | None) -> dict:
    """Build one site from scratch; return wall time, peak RSS and warnings."""
    if outdir.exists():
        shutil.rmtree(outdir)
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        result_file = Path(handle.name)
    command = [python, "-c", WRAPPER, str(result_file), "-q", "-b", "html", "-E"]
    if jobs:
        command += ["-j", jobs]
    command += [str(srcdir), str(outdir)]
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    try:
        result = json.loads(result_file.read_text()) if result_file.stat().st_size else {}
    finally:
        result_file.unlink(missing_ok=True)
    if proc.returncode != 0 or not result:
        sys.stderr.write(proc.stdout[-5000:] + proc.stderr[-20000:])
        raise SystemExit(f"error: the {site} build failed (exit {proc.returncode})")
    warnings = [line for line in proc.stderr.splitlines() if line.strip()]
    return {
        "site": site,
        "wall_seconds": wall,
        "build_seconds": result["build_seconds"],
        "cpu_seconds": result["cpu_seconds"],
        "maxrss_mib": result["maxrss_kib"] / 1024,
        "warnings": warnings,
    }


def sphinx_versions(python: str) -> str:
    code = (
        "import sphinx, docutils, myst_parser; "
        "print(f'Sphinx {sphinx.__version__}, docutils {docutils.__version__}, "
        "myst-parser {myst_parser.__version__}')"
    )
    out = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--episodes", type=int, default=DEFAULT_EPISODES)
    parser.add_argument("--turns", type=int, default=DEFAULT_TURNS, help="turns per episode")
    parser.add_argument("--rounds", type=int, default=3, help="builds of each site")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--jobs", "-j", default=None, help="passed to sphinx-build -j")
    parser.add_argument("--workdir", type=Path, default=HERE / "_work")
    parser.add_argument("--python", default=sys.executable, help="interpreter with Sphinx")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if a target is missed or a site warns"
    )
    args = parser.parse_args(argv)

    workdir: Path = args.workdir.resolve()
    print(f"generating {args.episodes} episodes x {args.turns} turns in {workdir}", flush=True)
    sources = dict(zip(SITES, generate(workdir, args.episodes, args.turns, args.seed), strict=True))
    versions = sphinx_versions(args.python)
    print(f"{versions}, Python {platform.python_version()}, {os.cpu_count()} CPUs", flush=True)

    runs: dict[str, list[dict]] = {site: [] for site in SITES}
    for round_ in range(1, args.rounds + 1):
        # alternate the order too, so that neither site always builds on a warm cache
        order = SITES if round_ % 2 else SITES[::-1]
        for site in order:
            run = build(site, sources[site], workdir / "build" / site, args.python, args.jobs)
            runs[site].append(run)
            print(
                f"round {round_} {site:8s} {run['wall_seconds']:8.2f} s wall "
                f"{run['cpu_seconds']:8.2f} s CPU "
                f"{run['maxrss_mib']:8.1f} MiB  {len(run['warnings'])} warning lines",
                flush=True,
            )

    summary = {}
    for site in SITES:
        summary[site] = {
            "median_seconds": statistics.median(r["wall_seconds"] for r in runs[site]),
            "min_seconds": min(r["wall_seconds"] for r in runs[site]),
            "median_cpu_seconds": statistics.median(r["cpu_seconds"] for r in runs[site]),
            "peak_rss_mib": max(r["maxrss_mib"] for r in runs[site]),
            "warnings": runs[site][-1]["warnings"],
        }
        (workdir / f"{site}-warnings.txt").write_text(
            "\n".join(summary[site]["warnings"]) + "\n", encoding="utf-8"
        )
    time_ratio = summary["podcast"]["median_seconds"] / summary["plain"]["median_seconds"]
    min_ratio = summary["podcast"]["min_seconds"] / summary["plain"]["min_seconds"]
    cpu_ratio = summary["podcast"]["median_cpu_seconds"] / summary["plain"]["median_cpu_seconds"]
    memory_ratio = summary["podcast"]["peak_rss_mib"] / summary["plain"]["peak_rss_mib"]

    print()
    print(f"{args.episodes} episodes x {args.turns} turns, {args.rounds} rounds, {versions}")
    print("| site | median wall (s) | min wall (s) | median CPU (s) | peak RSS (MiB) | warnings |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for site in SITES:
        s = summary[site]
        print(
            f"| {site} | {s['median_seconds']:.2f} | {s['min_seconds']:.2f} "
            f"| {s['median_cpu_seconds']:.2f} | {s['peak_rss_mib']:.0f} | {len(s['warnings'])} |"
        )
    time_ok, memory_ok = time_ratio <= TIME_TARGET, memory_ratio <= MEMORY_TARGET
    print(
        f"| podcast/plain | {time_ratio:.3f}x | {min_ratio:.3f}x | {cpu_ratio:.3f}x "
        f"| {memory_ratio:.3f}x | |"
    )
    print(
        f"time ratio {time_ratio:.3f} (target <= {TIME_TARGET}): {'ok' if time_ok else 'MISSED'}; "
        f"memory ratio {memory_ratio:.3f} (target <= {MEMORY_TARGET}): "
        f"{'ok' if memory_ok else 'MISSED'}"
    )
    for site in SITES:
        if summary[site]["warnings"]:
            print(f"\n{site} build warnings (first 10, all in {workdir}/{site}-warnings.txt):")
            print("\n".join(summary[site]["warnings"][:10]))

    (workdir / "results.json").write_text(
        json.dumps(
            {
                "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "episodes": args.episodes,
                "turns": args.turns,
                "rounds": args.rounds,
                "seed": args.seed,
                "jobs": args.jobs,
                "versions": versions,
                "python": platform.python_version(),
                "cpus": os.cpu_count(),
                "runs": runs,
                "time_ratio": time_ratio,
                "min_time_ratio": min_ratio,
                "cpu_ratio": cpu_ratio,
                "memory_ratio": memory_ratio,
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    warned = any(summary[site]["warnings"] for site in SITES)
    if args.check and not (time_ok and memory_ok and not warned):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
