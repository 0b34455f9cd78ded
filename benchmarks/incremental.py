"""Benchmark an incremental rebuild after editing one speaker turn, podcast against plain.

Generates both sites (see generate.py; both podcast configurations of run.py by default)
into benchmarks/_work/incremental/, builds each once from scratch (not timed), then for
``--rounds`` rounds edits the text of ONE turn in one episode page -- a different episode
every round, the same edit in every site -- and rebuilds every site incrementally
(``sphinx-build -b html`` into the same output and doctree directories, no ``-E``), in
alternating order, each build in its own Python process. It reports the rebuild's CPU
time (user + system, primary) and wall time, the medians and the ratios podcast/plain,
and which documents were written (the ``writing output...`` lines) and which output files
changed (modification times): editing a turn's text must re-write only that page (and
its transcript files). Then it rebuilds every site once more with nothing changed: that
rebuild may cost at most 0.1 s of CPU more than the plain one and must change no file
the plain rebuild does not change (no page, no transcript file, no feed).

    python benchmarks/incremental.py                        # 200 x 300, 3 rounds
    python benchmarks/incremental.py --episodes 20 --turns 50
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import (  # noqa: E402
    PLAIN,
    add_site_arguments,
    alternate,
    build,
    load_average,
    run_facts,
    set_up,
    write_results,
)

INCREMENTAL_TARGET = 1.02  # podcast / plain, median CPU time of the rebuild (issue 17)
NO_CHANGE_MARGIN = 0.1  # seconds of CPU over plain's for a rebuild with nothing changed
#: what sphinx-podcast writes next to an episode page (exports.py)
EPISODE_FILES = (".vtt", ".srt", ".json", ".txt", ".transcript.html", ".chapters.json")
WRITING = re.compile(r"^writing output\.\.\. \[\s*\d+%\] (\S+)\s*$", re.MULTILINE)
UPDATING = re.compile(r"^updating environment: .*$", re.MULTILINE)


def snapshot(outdir: Path) -> dict[str, int]:
    """Modification time of every output file (the doctrees and environment excluded)."""
    times = {}
    for path in outdir.rglob("*"):
        if path.is_file() and ".doctrees" not in path.parts:
            times[path.relative_to(outdir).as_posix()] = path.stat().st_mtime_ns
    return times


def edit_turn(pages: list[Path], round_: int) -> str:
    """Append a sentence to one turn in each of ``pages`` (the same episode in every
    site); return the turn's first words. The turn is the one in the middle of the page
    that reads the same in every site."""
    texts = [page.read_text(encoding="utf-8") for page in pages]
    turns = [line for line in texts[0].splitlines() if line.startswith("**")]
    for line in turns[len(turns) // 2 :]:
        if all(text.count(f"\n{line}\n") == 1 for text in texts):
            break
    else:  # pragma: no cover - generate.py writes the turns identically
        raise SystemExit(f"error: no turn reads the same in {', '.join(map(str, pages))}")
    edited = f"{line} Edited in round {round_}."
    for page, text in zip(pages, texts, strict=True):
        page.write_text(text.replace(f"\n{line}\n", f"\n{edited}\n"), encoding="utf-8")
    return line[:60]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_site_arguments(parser)
    parser.add_argument("--rounds", type=int, default=3, help="edits (one rebuild per site)")
    parser.add_argument("--workdir", type=Path, default=HERE / "_work" / "incremental")
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if the target is missed, a site warns or a podcast site writes more "
        "than the plain one",
    )
    args = parser.parse_args(argv)
    if not 1 <= args.rounds <= args.episodes:
        parser.error("--rounds must be between 1 and --episodes")

    workdir: Path = args.workdir.resolve()
    configs, sources, versions = set_up(args, workdir)
    sites = list(sources)

    def outdir(site: str) -> Path:
        return workdir / "build" / site

    full = {}
    for site in sites:
        run = build(site, sources[site], outdir(site), args.python, args.jobs)
        full[site] = {k: run[k] for k in ("cpu_seconds", "wall_seconds", "maxrss_mib")}
        print(
            f"full build {site:17s} {run['cpu_seconds']:8.2f} s CPU "
            f"{run['wall_seconds']:8.2f} s wall {run['maxrss_mib']:8.1f} MiB "
            f"(not part of the comparison)",
            flush=True,
        )

    # a different episode every round, spread over the site
    numbers = [1 + (args.episodes * r) // (args.rounds + 1) for r in range(1, args.rounds + 1)]
    numbers = list(dict.fromkeys(numbers))
    loads = [load_average()]
    runs: dict[str, list[dict]] = {site: [] for site in sites}
    problems: list[str] = []
    for round_, number in enumerate(numbers, start=1):
        docname = f"episodes/ep{number:04d}"
        turn = edit_turn([sources[site] / f"{docname}.md" for site in sites], round_)
        print(f"round {round_}: edited a turn of {docname}: {turn!r}...", flush=True)
        for site in alternate(sites, round_):
            before = snapshot(outdir(site))
            run = build(
                site, sources[site], outdir(site), args.python, args.jobs, fresh=False, quiet=False
            )
            after = snapshot(outdir(site))
            stdout = run.pop("stdout")
            run["edited"] = docname
            run["written"] = WRITING.findall(stdout)
            run["updating"] = " ".join(UPDATING.findall(stdout))
            run["changed_files"] = sorted(
                name for name, mtime in after.items() if before.get(name) != mtime
            )
            runs[site].append(run)
            print(
                f"  {site:17s} {run['cpu_seconds']:7.2f} s CPU {run['wall_seconds']:7.2f} s wall "
                f"{run['maxrss_mib']:7.1f} MiB  wrote {run['written']}, "
                f"{len(run['changed_files'])} files changed, "
                f"{len(run['warnings'])} warning lines",
                flush=True,
            )
            loads.append(load_average())
        # the podcast site writes no more pages than the plain twin (Sphinx's own
        # neighbours, if any), and at least the edited one
        expected = set(runs[PLAIN][-1]["written"]) | {docname}
        # ... and changes no other file than the plain site does, but the edited
        # page's transcript files
        own = {f"{docname}{suffix}" for suffix in EPISODE_FILES}
        for name in configs:
            written = set(runs[name][-1]["written"])
            if written != expected:
                problems.append(
                    f"round {round_}: {name} wrote {sorted(written)}, "
                    f"expected {sorted(expected)} (as the plain site)"
                )
            extra = set(runs[name][-1]["changed_files"]) - set(runs[PLAIN][-1]["changed_files"])
            if extra - own:
                problems.append(
                    f"round {round_}: {name} changed {sorted(extra - own)}, which the plain "
                    "site did not change"
                )

    # a rebuild with nothing changed: no page, no transcript file, no feed rewritten
    # (Sphinx itself rewrites its indices and static files: the plain site's changes)
    unchanged: dict[str, dict] = {}
    print("rebuild with nothing changed:", flush=True)
    for site in alternate(sites, len(numbers) + 1):
        before = snapshot(outdir(site))
        run = build(
            site, sources[site], outdir(site), args.python, args.jobs, fresh=False, quiet=False
        )
        after = snapshot(outdir(site))
        run.pop("stdout")
        run["changed_files"] = sorted(
            name for name, mtime in after.items() if before.get(name) != mtime
        )
        unchanged[site] = run
        print(
            f"  {site:17s} {run['cpu_seconds']:7.2f} s CPU {run['wall_seconds']:7.2f} s wall  "
            f"{len(run['changed_files'])} files changed",
            flush=True,
        )
    for name in configs:
        extra = set(unchanged[name]["changed_files"]) - set(unchanged[PLAIN]["changed_files"])
        if extra:
            problems.append(f"nothing changed: {name} rewrote {sorted(extra)[:10]}")

    summary = {}
    for site in sites:
        summary[site] = {
            "median_cpu_seconds": statistics.median(r["cpu_seconds"] for r in runs[site]),
            "median_seconds": statistics.median(r["wall_seconds"] for r in runs[site]),
            "peak_rss_mib": max(r["maxrss_mib"] for r in runs[site]),
            "changed_files": statistics.median(len(r["changed_files"]) for r in runs[site]),
            "warnings": sorted({w for r in runs[site] for w in r["warnings"]}),
        }

    def ratio(site: str, key: str) -> float:
        return summary[site][key] / summary[PLAIN][key]

    ratios = {
        name: {
            "cpu": ratio(name, "median_cpu_seconds"),
            "wall": ratio(name, "median_seconds"),
            "memory": ratio(name, "peak_rss_mib"),
        }
        for name in configs
    }

    print()
    print(
        f"incremental rebuild after editing one turn: {args.episodes} episodes x {args.turns} "
        f"turns ({args.timed} timed), {len(numbers)} rounds, {versions}"
    )
    print(f"load average during the run: {', '.join(loads)}")
    print(
        "| site | full build CPU (s) | rebuild median CPU (s) | rebuild median wall (s) "
        "| rebuild peak RSS (MiB) | files changed | warnings |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for site in sites:
        s = summary[site]
        print(
            f"| {site} | {full[site]['cpu_seconds']:.1f} | {s['median_cpu_seconds']:.2f} "
            f"| {s['median_seconds']:.2f} | {s['peak_rss_mib']:.0f} | {s['changed_files']:.0f} "
            f"| {len(s['warnings'])} |"
        )
    for name in configs:
        r = ratios[name]
        print(f"| {name} / plain | | {r['cpu']:.3f}x | {r['wall']:.3f}x | {r['memory']:.3f}x | | |")
    met = True
    for name in configs:
        ok = ratios[name]["cpu"] <= INCREMENTAL_TARGET
        met = met and ok
        print(
            f"{name}: rebuild CPU time ratio {ratios[name]['cpu']:.3f} "
            f"(target <= {INCREMENTAL_TARGET}): {'ok' if ok else 'MISSED'} "
            f"(wall {ratios[name]['wall']:.3f})"
        )
    for name in configs:
        over = unchanged[name]["cpu_seconds"] - unchanged[PLAIN]["cpu_seconds"]
        ok = over <= NO_CHANGE_MARGIN
        met = met and ok
        print(
            f"{name}: rebuild with nothing changed {unchanged[name]['cpu_seconds']:.2f} s CPU, "
            f"plain {unchanged[PLAIN]['cpu_seconds']:.2f} s: {over:+.2f} s "
            f"(target <= +{NO_CHANGE_MARGIN} s): {'ok' if ok else 'MISSED'}"
        )
    if problems:
        print("written and changed files: UNEXPECTED\n  " + "\n  ".join(problems))
    else:
        print(
            "written and changed files: every podcast rebuild wrote the pages the plain one "
            "wrote and changed no other file (but the edited page's transcript files); "
            "with nothing changed, none"
        )
    for site in sites:
        if summary[site]["warnings"]:
            print(f"\n{site} warnings (first 10):")
            print("\n".join(summary[site]["warnings"][:10]))

    write_results(
        workdir / "incremental-results.json",
        run_facts(args, configs, versions, len(numbers), loads),
        full_builds=full,
        runs=runs,
        unchanged=unchanged,
        summary=summary,
        ratios=ratios,
        problems=problems,
    )
    warned = any(summary[site]["warnings"] for site in sites)
    if args.check and not (met and not warned and not problems):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
