"""Site search at 200 episodes x 300 turns: Sphinx's own index against Pagefind.

Measures, on an HTML build of the benchmark site (``--site``, e.g. the output of
``benchmarks/speaker_pages.py``):

- Sphinx's ``searchindex.js`` (built by every Sphinx build; sphinx-podcast adds
  nothing to it): its size, and in Chromium the time from opening ``search.html?q=…``
  to the first episode result that links to its turn (``.podcast-search-moment``), and
  the bytes the page downloaded;
- Pagefind (``pagefind[bin]``, when importable by ``--pagefind-python``): the time to
  index the HTML pages (``python -m pagefind --site``), and to index every turn as a
  record of its own (its Python API: URL ``page.html#t=…``, filters speaker and
  episode), the size of each bundle, and the time and bytes of a first query in
  Chromium.

Writes a Markdown table to ``benchmarks/search-results.md`` (included in the docs).

    .venv/bin/python benchmarks/search.py --site benchmarks/_work/speaker-pages/pages-out \\
        --pagefind-python /path/to/venv-with-pagefind/bin/python
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUERY = "toward"  # a word of the generator's list

# Index every turn of the built pages as a Pagefind record (run by the Pagefind venv).
TURN_RECORDS = r"""
import asyncio, html, re, sys, time
from pathlib import Path
from pagefind.index import IndexConfig, PagefindIndex

site, out, limit = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
TURN = re.compile(r'<div class="podcast-turn[^"]*" data-speaker="([^"]*)"(?: data-start="([^"]*)")?'
                  r' id="([^"]*)">(.*?)</div>', re.S)
TAGS = re.compile(r"<[^>]+>")

async def main():
    start = time.perf_counter()
    records = 0
    async with PagefindIndex(IndexConfig(output_path=out)) as index:
        pages = [p for p in sorted(site.glob("episodes/*.html")) if p.name.count(".") == 1]
        for page in pages[:limit]:  # (ep1.transcript.html is an export, not the page)
            text = page.read_text(encoding="utf-8")
            title = html.unescape(TAGS.sub("", re.search(r"<h1>(.*?)</h1>", text, re.S)[1]))
            pending = []
            for speaker, start_time, turn_id, body in TURN.findall(text):
                fragment = f"t={start_time}" if start_time else turn_id
                pending.append(index.add_custom_record(
                    url=f"/{page.relative_to(site).as_posix()}#{fragment}",
                    content=html.unescape(TAGS.sub(" ", body)),
                    language="en",
                    meta={"title": title.rstrip("¶ ")},
                    filters={"speaker": [speaker], "episode": [title.rstrip("¶ ")]},
                ))
            await asyncio.gather(*pending)  # a page's turns at once, not one round trip each
            records += len(pending)
    print(records, time.perf_counter() - start)

asyncio.run(main())
"""


def size(path: Path) -> tuple[int, int]:
    """(bytes, files) under *path*."""
    files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
    return sum(p.stat().st_size for p in files), len(files)


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def browse(base: str, url: str, ready: str, script: str | None = None) -> tuple[float, int]:
    """Seconds until *ready* (a JS expression) is true after opening *url*, and the bytes
    the page downloaded (transfer sizes of all resources)."""
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=args)
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(base + url)
        if script:
            page.evaluate(script)
        page.wait_for_function(ready, timeout=120_000, polling=50)
        seconds = time.perf_counter() - start
        transferred = page.evaluate(
            "performance.getEntriesByType('resource').reduce((a, r) => a + r.encodedBodySize, 0)"
            " + performance.getEntriesByType('navigation')[0].encodedBodySize"
        )
        browser.close()
    return seconds, int(transferred)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, required=True, help="an HTML build of the site")
    parser.add_argument("--pagefind-python", default=sys.executable)
    parser.add_argument("--output", type=Path, default=HERE / "search-results.md")
    parser.add_argument(
        "--turn-episodes",
        type=int,
        default=10,
        help="episodes whose turns Pagefind's API indexes (it takes about 0.1 s a record "
        "here: all 60,000 would take hours); the time is extrapolated to all episodes",
    )
    args = parser.parse_args(argv)
    site = args.site.resolve()
    rows = []

    index = (site / "searchindex.js").read_bytes()
    server, base = serve(site)
    try:
        seconds, transferred = browse(
            base, f"/search.html?q={QUERY}", "document.querySelector('.podcast-search-moment')"
        )
    finally:
        server.shutdown()
    rows.append(
        (
            "Sphinx (searchindex.js), our script finds the turn",
            "0 s (part of every build)",
            f"{len(index) / 1e6:.1f} MB, 1 file ({len(gzip.compress(index)) / 1e6:.1f} MB gzip)",
            f"{seconds:.1f} s, {transferred / 1e6:.1f} MB",
            "page, then turn",
        )
    )

    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "site"
        shutil.copytree(site, copy)
        start = time.perf_counter()
        done = subprocess.run(
            [args.pagefind_python, "-m", "pagefind", "--site", str(copy), "--quiet"],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            print("pagefind is not available:", done.stderr[-500:], file=sys.stderr)
        else:
            pages_seconds = time.perf_counter() - start
            bundle, files = size(copy / "pagefind")
            rows.append(
                (
                    "Pagefind, pages (CLI)",
                    f"{pages_seconds:.1f} s",
                    f"{bundle / 1e6:.1f} MB, {files} files",
                    "",
                    "page (sub-results by heading)",
                )
            )
            shutil.rmtree(copy / "pagefind")
            script = Path(scratch) / "turns.py"
            script.write_text(TURN_RECORDS, encoding="utf-8")
            episodes = len([p for p in copy.glob("episodes/*.html") if p.name.count(".") == 1])
            done = subprocess.run(
                [
                    args.pagefind_python,
                    str(script),
                    str(copy),
                    str(copy / "pagefind"),
                    str(args.turn_episodes),
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            records, turn_seconds = done.stdout.split()
            share = min(args.turn_episodes, episodes) / episodes
            bundle, files = size(copy / "pagefind")
            (copy / "pagefind-query.html").write_text(
                "<!doctype html><title>q</title><script type=module>"
                "const pagefind = await import('/pagefind/pagefind.js');"
                f"const search = await pagefind.search({json.dumps(QUERY)});"
                "const first = await search.results[0].data();"
                "window.firstResult = first.url;</script>",
                encoding="utf-8",
            )
            server, base = serve(copy)
            try:
                seconds, transferred = browse(base, "/pagefind-query.html", "window.firstResult")
            finally:
                server.shutdown()
            rows.append(
                (
                    f"Pagefind, every turn a record (API; {records} records measured)",
                    f"{float(turn_seconds):.0f} s measured, ~{float(turn_seconds) / share:.0f} s "
                    "for all",
                    f"{bundle / 1e6:.1f} MB, {files} files (for the records measured)",
                    f"{seconds:.1f} s, {transferred / 1e6:.2f} MB",
                    "turn, facets speaker/episode",
                )
            )

    lines = [
        "| search | extra build time | index | first query (Chromium, local server) | lands on |",
        "| --- | --- | --- | --- | --- |",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
