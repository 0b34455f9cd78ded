"""Does ``sphinx-podcast import`` of a long show's archive cost the same per episode at any size?

For each size, writes a synthetic Jekyll archive (:mod:`archive`: ``**Full Name:**``
turns, three hosts in every episode, one or two guests each, ``**Break:**`` markers,
links to earlier episodes), then runs ``sphinx-podcast import _posts -o OUT --init -q``
in a fresh Python process and reports the command's own time (``cli.main``, without
the interpreter's start), its CPU time and peak memory, per episode.

    python benchmarks/import_scale.py                          # 50, 200, 800, 2000
    python benchmarks/import_scale.py --sizes 50 200 --turns 120 --rounds 3
    python benchmarks/import_scale.py --python /tmp/main-venv/bin/python   # another version

Target (issue 17): the time per episode flat. On a shared machine the wall time
mostly measures the other jobs (and ``fsync``), so the CPU time per episode is the
figure compared: each size within 10 % of the 200-episode one.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import archive  # noqa: E402

# Run in the child: time cli.main alone (not the interpreter's start), CPU and peak memory.
_CHILD = """
import json, resource, sys, time
from sphinx_podcast import cli
began, cpu = time.perf_counter(), time.process_time()
status = cli.main(["import", sys.argv[1], "-o", sys.argv[2], "--init", "-q"])
wall, cpu = time.perf_counter() - began, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"status": status, "wall": wall, "cpu": cpu, "peak_mb": peak}))
"""


def import_once(posts: Path, out: Path, python: str) -> dict[str, float]:
    if out.exists():
        shutil.rmtree(out)
    done = subprocess.run(
        [python, "-c", _CHILD, str(posts), str(out)],
        capture_output=True,
        text=True,
        check=True,
        cwd=out.parent,  # not this checkout: *python*'s own sphinx_podcast is imported
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 800, 2000])
    parser.add_argument("--turns", type=int, default=120, help="turns per episode")
    parser.add_argument("--rounds", type=int, default=1, help="best of this many runs")
    parser.add_argument("--keep", type=Path, help="keep the archives and pages here")
    parser.add_argument(
        "--python", default=sys.executable, help="the Python (and its sphinx_podcast) to time"
    )
    args = parser.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="import-scale-"))
    rows = []
    print(f"{'episodes':>8} {'MB':>6} {'wall s':>8} {'ms/ep':>7} {'cpu ms/ep':>9} {'peak MB':>8}")
    for size in args.sizes:
        root = work / f"archive-{size}"
        posts = archive.generate(root, size, args.turns)
        megabytes = sum(p.stat().st_size for p in posts.iterdir()) / 1e6
        runs = [import_once(posts, work / f"pages-{size}", args.python) for _ in range(args.rounds)]
        if any(run["status"] != 0 for run in runs):
            print(f"{size}: import exited with {runs[0]['status']}", file=sys.stderr)
        best = min(runs, key=lambda run: run["wall"])
        row = {"episodes": size, "mb": megabytes, **best}
        rows.append(row)
        print(
            f"{size:>8} {megabytes:>6.1f} {best['wall']:>8.2f} "
            f"{1000 * best['wall'] / size:>7.1f} {1000 * best['cpu'] / size:>9.1f} "
            f"{best['peak_mb']:>8.0f}",
            flush=True,
        )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    reference = next((r for r in rows if r["episodes"] == 200), rows[0])
    per = reference["cpu"] / reference["episodes"]
    worst = max(abs(r["cpu"] / r["episodes"] / per - 1) for r in rows)
    print(f"CPU per episode: at most {worst:.0%} from the {reference['episodes']}-episode figure")
    return 0


if __name__ == "__main__":
    sys.exit(main())
