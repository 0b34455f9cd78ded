"""Where a build's time goes: the CPU time of each part of sphinx-podcast in one build.

Builds a site once (``sphinx-build -b html -E``, in this process) with a timer around
every event handler and transform that sphinx-podcast registers, and reports, per part,
its CPU time in all, per page, and how much of it the garbage collector took (a
collection runs inside whatever allocates when it is due, so a part that allocates
much is charged the collections that walk every other page's doctree). It also reports
the whole build's CPU time and the collector's, by generation.

    python benchmarks/generate.py /tmp/sites --episodes 30 --turns 300
    python benchmarks/parts.py /tmp/sites/podcast          # our parts
    python benchmarks/parts.py /tmp/sites/plain            # the twin: the collector only

The numbers are those of one build on a machine shared with other work: compare parts
within a run, and runs of the same site, not single milliseconds.
"""

from __future__ import annotations

import argparse
import collections
import gc
import tempfile
import time
from collections.abc import Callable
from typing import Any

from sphinx import events
from sphinx.application import Sphinx
from sphinx.cmd.build import main as sphinx_build

OURS = "sphinx_podcast"


class PartTimer:
    """CPU time per named part, and the garbage collector's time within each."""

    def __init__(self) -> None:
        self.cpu: collections.Counter[str] = collections.Counter()
        self.collector: collections.Counter[str] = collections.Counter()
        self.calls: collections.Counter[str] = collections.Counter()
        self.generations = {generation: [0, 0.0] for generation in range(3)}
        self.collector_total = 0.0
        self._collection_start = 0.0

    def on_collection(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._collection_start = time.process_time()
            return
        spent = time.process_time() - self._collection_start
        self.collector_total += spent
        count_and_time = self.generations[info["generation"]]
        count_and_time[0] += 1
        count_and_time[1] += spent

    def timed(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed_part(*args: Any, **kwargs: Any) -> Any:
            started, collector_before = time.process_time(), self.collector_total
            try:
                return function(*args, **kwargs)
            finally:
                self.cpu[name] += time.process_time() - started
                self.collector[name] += self.collector_total - collector_before
                self.calls[name] += 1

        return timed_part


def instrument(timer: PartTimer) -> None:
    """Time every handler and transform of ours that a Sphinx application registers
    from now on."""
    connect = events.EventManager.connect

    def timed_connect(
        self: events.EventManager, name: str, callback: Any, *args: Any, **kwargs: Any
    ) -> int:
        module = getattr(callback, "__module__", "") or ""
        if module.startswith(OURS):
            callback = timer.timed(f"{name}: {module}.{callback.__name__}", callback)
        return connect(self, name, callback, *args, **kwargs)

    events.EventManager.connect = timed_connect  # type: ignore[method-assign]
    for method_name in ("add_transform", "add_post_transform"):
        register = getattr(Sphinx, method_name)

        def timed_register(self: Sphinx, cls: type, register: Any = register) -> None:
            if cls.__module__.startswith(OURS) and "_timed_apply" not in vars(cls):
                cls._timed_apply = True  # type: ignore[attr-defined]
                cls.apply = timer.timed(f"transform: {cls.__name__}", cls.apply)  # type: ignore[attr-defined]
            register(self, cls)

        setattr(Sphinx, method_name, timed_register)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("site", help="a site's source directory (conf.py)")
    parser.add_argument("--outdir", help="output directory (default: a temporary one)")
    parser.add_argument("--top", type=int, default=20, help="parts to list (20)")
    args = parser.parse_args()
    timer = PartTimer()
    instrument(timer)
    gc.callbacks.append(timer.on_collection)
    with tempfile.TemporaryDirectory() as scratch:
        started = time.process_time()
        status = sphinx_build(["-q", "-b", "html", "-E", args.site, args.outdir or scratch])
        total = time.process_time() - started
    if status:
        raise SystemExit(status)
    pages = max(timer.calls.get("transform: TurnResolver", 0), 1)
    print(f"build: {total:.2f} s CPU; garbage collector {timer.collector_total:.2f} s")
    for generation, (count, spent) in timer.generations.items():
        print(f"  generation {generation}: {count} collections, {spent:.2f} s")
    ours = sum(timer.cpu.values())
    print(f"sphinx-podcast's parts: {ours:.2f} s ({ours / total:.1%} of the build), {pages} pages")
    print(f"{'ms':>8} {'ms/page':>8} {'of it GC':>9} {'calls':>6}  part")
    for name, spent in timer.cpu.most_common(args.top):
        print(
            f"{spent * 1000:8.0f} {spent * 1000 / pages:8.2f} {timer.collector[name] * 1000:9.0f}"
            f" {timer.calls[name]:6d}  {name}"
        )


if __name__ == "__main__":
    main()
