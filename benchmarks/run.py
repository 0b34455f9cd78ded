"""Benchmark sphinx-podcast against the same site written in plain MyST.

Generates both sites (see generate.py) into benchmarks/_work/, then builds them
alternately -- each build a fresh ``sphinx-build -q -b html -E`` in its own Python
process -- and reports the CPU time (user + system) and wall time of the build, the peak
resident memory of the build process, and the ratios podcast/plain against the targets.

The podcast site is built in two configurations by default: ``podcast`` with the default
configuration (it also writes five transcript files per episode: VTT, SRT, JSON, text and
chapters, which the plain twin does not) and ``podcast-noformats`` with
``podcast_transcript_formats = []`` (the same outputs as the plain twin).

    python benchmarks/run.py                                   # 200 x 300, 3 rounds
    python benchmarks/run.py --timed third --paired            # one turn in three timed
    python benchmarks/run.py --episodes 20 --turns 50 --rounds 1
    python benchmarks/run.py --configs default --podcast-conf 'podcast_outline = "auto"'
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
import threading
import time
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

TIME_TARGET = 1.05  # podcast / plain, median CPU time (wall time reported too)
MEMORY_TARGET = 1.00  # podcast / plain, peak RSS (issue 17)
PLAIN = "plain"
NO_FORMATS = "podcast_transcript_formats = []"
# name -> extra conf.py lines of that podcast configuration
CONFIGS = {"podcast": (), "podcast-noformats": (NO_FORMATS,)}
CONFIG_CHOICES = {
    "both": ("podcast", "podcast-noformats"),
    "default": ("podcast",),
    "no-formats": ("podcast-noformats",),
}

# Runs one Sphinx build in this process and records its own peak RSS (KiB on Linux),
# so the number is that of the build alone, not the maximum over all children. The CPU
# time adds the children's (the worker processes of -j) to the process's own.
WRAPPER = """\
import json, resource, sys, time
from sphinx.cmd.build import main
result_file, args = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
status = main(args)
elapsed = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_SELF)
children = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(result_file, "w") as f:
    json.dump({"status": status, "build_seconds": elapsed, "maxrss_kib": own.ru_maxrss,
               "children_maxrss_kib": children.ru_maxrss,
               "cpu_seconds": own.ru_utime + own.ru_stime
                              + children.ru_utime + children.ru_stime}, f)
sys.exit(status)
"""


def start_build(
    site: str,
    srcdir: Path,
    outdir: Path,
    python: str,
    jobs: str | None,
    *,
    fresh: bool = True,
    quiet: bool = True,
    cpu: int | None = None,
) -> dict:
    """Start building one site in a new process; :func:`finish_build` waits for it.

    ``cpu``: run the build on that core only (Linux), as ``--paired`` does.
    """
    if fresh and outdir.exists():
        shutil.rmtree(outdir)
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        result_file = Path(handle.name)
    command = [python, "-c", WRAPPER, str(result_file), "-b", "html"]
    if quiet:
        command.append("-q")
    if fresh:
        command.append("-E")
    if jobs:
        command += ["-j", jobs]
    command += [str(srcdir), str(outdir)]
    started: dict = {"site": site, "result_file": result_file, "quiet": quiet}
    started["start"] = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def wait() -> None:  # the build's own end, even while another build is waited for
        started["output"] = process.communicate()
        started["end"] = time.perf_counter()

    if cpu is not None and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(process.pid, {cpu})
    started["process"] = process
    started["waiter"] = threading.Thread(target=wait)
    started["waiter"].start()
    return started


def finish_build(started: dict) -> dict:
    """Wait for a build; return its CPU and wall time, peak RSS and warnings."""
    site, result_file = started["site"], started["result_file"]
    started["waiter"].join()
    stdout, stderr = started["output"]
    wall = started["end"] - started["start"]
    returncode = started["process"].returncode
    try:
        result = json.loads(result_file.read_text()) if result_file.stat().st_size else {}
    finally:
        result_file.unlink(missing_ok=True)
    if returncode != 0 or not result:
        sys.stderr.write(stdout[-5000:] + stderr[-20000:])
        raise SystemExit(f"error: the {site} build failed (exit {returncode})")
    warnings = [line for line in stderr.splitlines() if line.strip()]
    return {
        "site": site,
        "wall_seconds": wall,
        "build_seconds": result["build_seconds"],
        "cpu_seconds": result["cpu_seconds"],
        "maxrss_mib": result["maxrss_kib"] / 1024,
        "children_maxrss_mib": result["children_maxrss_kib"] / 1024,
        "warnings": warnings,
        "stdout": "" if started["quiet"] else stdout,
    }


def build(
    site: str,
    srcdir: Path,
    outdir: Path,
    python: str,
    jobs: str | None,
    *,
    fresh: bool = True,
    quiet: bool = True,
) -> dict:
    """Build one site in a new process; return its CPU and wall time, peak RSS, warnings.

    ``fresh``: empty the output directory and pass ``-E`` (a full build); otherwise an
    incremental build into the same output and doctree directories. ``quiet``: pass
    ``-q``; without it the returned ``stdout`` lists the documents read and written.
    """
    return finish_build(start_build(site, srcdir, outdir, python, jobs, fresh=fresh, quiet=quiet))


def prepare_sites(
    workdir: Path, podcast: Path, plain: Path, configs: tuple[str, ...], extra_conf: list[str]
) -> dict[str, Path]:
    """The source directory of each site to build: the podcast configurations, then plain.

    Every podcast configuration gets its own copy of the generated podcast site with
    ``extra_conf`` and the configuration's own lines appended to its conf.py.
    """
    sites: dict[str, Path] = {name: workdir / name for name in configs}
    for srcdir in sites.values():
        if srcdir != podcast:
            if srcdir.exists():
                shutil.rmtree(srcdir)
            shutil.copytree(podcast, srcdir)
    for name, srcdir in sites.items():
        lines = [*extra_conf, *CONFIGS[name]]
        if lines:
            conf = srcdir / "conf.py"
            added = "\n# added by benchmarks/run.py\n" + "\n".join(lines) + "\n"
            conf.write_text(conf.read_text(encoding="utf-8") + added, encoding="utf-8")
    if "podcast" not in configs:
        shutil.rmtree(podcast)
    sites[PLAIN] = plain
    return sites


def add_site_arguments(parser: argparse.ArgumentParser) -> None:
    """The options shared by run.py and incremental.py."""
    parser.add_argument("--episodes", type=int, default=DEFAULT_EPISODES)
    parser.add_argument("--turns", type=int, default=DEFAULT_TURNS, help="turns per episode")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    add_timed_argument(parser)
    parser.add_argument(
        "--configs",
        choices=sorted(CONFIG_CHOICES),
        default="both",
        help="podcast configurations to build: 'default' (podcast), 'no-formats' "
        "(podcast-noformats: podcast_transcript_formats = []) or 'both' (default)",
    )
    parser.add_argument(
        "--podcast-conf",
        action="append",
        default=[],
        metavar="LINE",
        help="a line of Python appended to the podcast site's conf.py (repeatable), "
        "e.g. --podcast-conf 'podcast_outline = \"auto\"'",
    )
    parser.add_argument("--jobs", "-j", default=None, help="passed to sphinx-build -j")
    parser.add_argument("--python", default=sys.executable, help="interpreter with Sphinx")


def sphinx_versions(python: str) -> str:
    code = (
        "import sphinx, docutils, myst_parser; "
        "print(f'Sphinx {sphinx.__version__}, docutils {docutils.__version__}, "
        "myst-parser {myst_parser.__version__}')"
    )
    out = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def set_up(args: argparse.Namespace, workdir: Path) -> tuple[tuple[str, ...], dict[str, Path], str]:
    """Generate the sites, prepare each configuration, byte-compile the package and say
    what will be measured; (configurations, source directory by site, versions)."""
    print(
        f"generating {args.episodes} episodes x {args.turns} turns ({args.timed} timed) "
        f"in {workdir}",
        flush=True,
    )
    podcast, plain = generate(workdir, args.episodes, args.turns, args.seed, args.timed)
    configs = CONFIG_CHOICES[args.configs]
    sources = prepare_sites(workdir, podcast, plain, configs, args.podcast_conf)
    versions = sphinx_versions(args.python)
    compile_package(args.python)
    print(f"{versions}, Python {platform.python_version()}, {os.cpu_count()} CPUs", flush=True)
    for name in configs:
        extra = [*args.podcast_conf, *CONFIGS[name]]
        print(f"{name}: {'; '.join(extra) if extra else 'default configuration'}", flush=True)
    return configs, sources, versions


def compile_package(python: str) -> None:
    """Byte-compile sphinx-podcast, as ``pip install`` does for an installed package.

    Sphinx, docutils and MyST are installed, so their modules load from bytecode. A
    source checkout (an editable install) with PYTHONDONTWRITEBYTECODE set, as on
    some CI machines, would compile our modules from source in every build process
    (about 40 ms a build): a cost of the checkout, not of the extension.
    """
    code = (
        "import compileall, os, sphinx_podcast; "
        "compileall.compile_dir(os.path.dirname(sphinx_podcast.__file__), quiet=1)"
    )
    subprocess.run([python, "-c", code], check=True)


def load_average() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:  # pragma: no cover - not on Linux
        return "?"


def run_facts(
    args: argparse.Namespace,
    configs: tuple[str, ...],
    versions: str,
    rounds: int,
    loads: list[str],
) -> dict:
    """What a results file says about the run itself (shared by run.py and incremental.py)."""
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "episodes": args.episodes,
        "turns": args.turns,
        "timed": args.timed,
        "rounds": rounds,
        "seed": args.seed,
        "jobs": args.jobs,
        "configs": {name: [*args.podcast_conf, *CONFIGS[name]] for name in configs},
        "versions": versions,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average": loads,
    }


def write_results(path: Path, facts: dict, **results: object) -> None:
    path.write_text(json.dumps({**facts, **results}, indent=2), encoding="utf-8")


def alternate(sites: list[str], round_: int) -> list[str]:
    """The build order of a round: reversed every other round, so that no site always
    builds first (or right after the same neighbour)."""
    return sites if round_ % 2 else sites[::-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_site_arguments(parser)
    parser.add_argument("--rounds", type=int, default=3, help="builds of each site")
    parser.add_argument("--workdir", type=Path, default=HERE / "_work")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if a target is missed or a site warns"
    )
    parser.add_argument(
        "--paired",
        action="store_true",
        help="build each podcast configuration at the same time as the plain site (one "
        "build per core), so that both see the same machine; the CPU time ratio is then "
        "the median of the pairs' ratios",
    )
    args = parser.parse_args(argv)
    if args.paired and args.jobs:
        # a pair pins each build to one core; -j builds need every core: measure them
        # sequentially (the rounds alternate the order)
        parser.error("--paired builds one site per core: it cannot be combined with -j")

    workdir: Path = args.workdir.resolve()
    configs, sources, versions = set_up(args, workdir)
    sites = list(sources)

    loads = [load_average()]
    runs: dict[str, list[dict]] = {site: [] for site in sites}
    pairs: dict[str, list[float]] = {name: [] for name in configs}

    def report(round_: int, run: dict) -> None:
        print(
            f"round {round_} {run['site']:17s} {run['cpu_seconds']:8.2f} s CPU "
            f"{run['wall_seconds']:8.2f} s wall {run['maxrss_mib']:8.1f} MiB  "
            f"{len(run['warnings'])} warning lines  (load {load_average()})",
            flush=True,
        )

    for round_ in range(1, args.rounds + 1):
        if args.paired:
            for name in alternate(list(configs), round_):
                # Each build on a core of its own; the cores swap every round, so that
                # neither site always gets the same one (the host's cores differ too).
                cores = (0, 1) if round_ % 2 else (1, 0)
                started = [
                    start_build(
                        name, sources[name], workdir / "build" / name, args.python, None,
                        cpu=cores[0],
                    ),
                    start_build(
                        PLAIN, sources[PLAIN], workdir / "build" / f"plain-with-{name}",
                        args.python, None, cpu=cores[1],
                    ),
                ]  # fmt: skip
                podcast_run, plain_run = (finish_build(build) for build in started)
                for run in (podcast_run, plain_run):
                    del run["stdout"]
                    runs[run["site"]].append(run)
                    report(round_, run)
                pairs[name].append(podcast_run["cpu_seconds"] / plain_run["cpu_seconds"])
                print(f"round {round_} {name} / plain (same time): {pairs[name][-1]:.3f}x")
                loads.append(load_average())
            continue
        for site in alternate(sites, round_):
            run = build(site, sources[site], workdir / "build" / site, args.python, args.jobs)
            del run["stdout"]
            runs[site].append(run)
            report(round_, run)
            loads.append(load_average())

    summary = {}
    for site in sites:
        summary[site] = {
            "median_cpu_seconds": statistics.median(r["cpu_seconds"] for r in runs[site]),
            "min_cpu_seconds": min(r["cpu_seconds"] for r in runs[site]),
            "median_seconds": statistics.median(r["wall_seconds"] for r in runs[site]),
            "min_seconds": min(r["wall_seconds"] for r in runs[site]),
            "peak_rss_mib": max(r["maxrss_mib"] for r in runs[site]),
            "warnings": runs[site][-1]["warnings"],
        }
        (workdir / f"{site}-warnings.txt").write_text(
            "\n".join(summary[site]["warnings"]) + "\n", encoding="utf-8"
        )

    def ratio(site: str, key: str) -> float:
        return summary[site][key] / summary[PLAIN][key]

    ratios = {
        name: {
            "cpu": ratio(name, "median_cpu_seconds"),
            "min_cpu": ratio(name, "min_cpu_seconds"),
            "wall": ratio(name, "median_seconds"),
            "min_wall": ratio(name, "min_seconds"),
            "memory": ratio(name, "peak_rss_mib"),
        }
        for name in configs
    }
    if args.paired:  # the pairs' ratios are the primary CPU number
        for name in configs:
            ratios[name]["cpu"] = statistics.median(pairs[name])
            ratios[name]["pairs"] = pairs[name]  # type: ignore[assignment]

    print()
    print(
        f"{args.episodes} episodes x {args.turns} turns ({args.timed} timed), "
        f"{args.rounds} rounds, {versions}"
    )
    if args.paired:
        print("paired: each podcast build ran at the same time as a plain build")
        for name in configs:
            listed = ", ".join(f"{value:.3f}" for value in pairs[name])
            print(f"{name} / plain, CPU time of each pair: {listed}")
    print(f"load average during the run: {', '.join(loads)}")
    print(
        "| site | median CPU (s) | min CPU (s) | median wall (s) | min wall (s) "
        "| peak RSS (MiB) | warnings |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for site in sites:
        s = summary[site]
        print(
            f"| {site} | {s['median_cpu_seconds']:.1f} | {s['min_cpu_seconds']:.1f} "
            f"| {s['median_seconds']:.1f} | {s['min_seconds']:.1f} "
            f"| {s['peak_rss_mib']:.0f} | {len(s['warnings'])} |"
        )
    for name in configs:
        r = ratios[name]
        print(
            f"| {name} / plain | {r['cpu']:.3f}x | {r['min_cpu']:.3f}x | {r['wall']:.3f}x "
            f"| {r['min_wall']:.3f}x | {r['memory']:.3f}x | |"
        )
    met = True
    for name in configs:
        r = ratios[name]
        time_ok, memory_ok = r["cpu"] <= TIME_TARGET, r["memory"] <= MEMORY_TARGET
        met = met and time_ok and memory_ok
        print(
            f"{name}: CPU time ratio {r['cpu']:.3f} (target <= {TIME_TARGET}): "
            f"{'ok' if time_ok else 'MISSED'} (wall {r['wall']:.3f}); "
            f"memory ratio {r['memory']:.3f} (target <= {MEMORY_TARGET}): "
            f"{'ok' if memory_ok else 'MISSED'}"
        )
    for site in sites:
        if summary[site]["warnings"]:
            print(f"\n{site} build warnings (first 10, all in {workdir}/{site}-warnings.txt):")
            print("\n".join(summary[site]["warnings"][:10]))

    write_results(
        workdir / "results.json",
        run_facts(args, configs, versions, args.rounds, loads),
        runs=runs,
        summary=summary,
        ratios=ratios,
    )
    warned = any(summary[site]["warnings"] for site in sites)
    if args.check and not (met and not warned):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
