"""Shared test set-up: Sphinx's testing fixtures and our test roots (tests/roots/test-*)."""

from __future__ import annotations

import contextlib
import http.server
import io
import os
import re
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ("sphinx.testing.fixtures",)

# CI=true makes Sphinx colour its output and write progress as one line joined
# by carriage returns; tests that read "reading sources... name" need plain lines.
os.environ.setdefault("NO_COLOR", "1")

ROOTS = Path(__file__).parent / "roots"
REQUIRE_ALL = os.environ.get("SPHINX_PODCAST_REQUIRE_ALL") == "1"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def skip_unless(condition: bool, reason: str) -> None:
    """Skip with *reason*; under SPHINX_PODCAST_REQUIRE_ALL=1 (CI) fail instead."""
    if condition:
        return
    if REQUIRE_ALL:
        pytest.fail(f"required in CI but unavailable: {reason}")
    pytest.skip(reason)


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def without_colours(text: str) -> str:
    """*text* without the terminal's colour codes."""
    return _ANSI.sub("", text)


def warnings_of(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The warning lines of a build, without colour codes, paths relative to the source dir."""
    text = without_colours(app.warning.getvalue())
    srcdir = str(app.srcdir)
    return [line.replace(srcdir + os.sep, "") for line in text.splitlines() if line.strip()]


def podcast_warnings(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [line for line in warnings_of(app) if "[podcast." in line]


def resolved_doctree(app, docname: str):  # type: ignore[no-untyped-def]
    """The doctree of *docname* after post-transforms (Sphinx 9 wants the tags, 8.2 not)."""
    import inspect

    resolve = app.env.get_and_resolve_doctree
    if "tags" in inspect.signature(resolve).parameters:
        return resolve(docname, app.builder, tags=app.tags)
    return resolve(docname, app.builder)


@dataclass
class CommandBuild:
    srcdir: Path
    outdir: Path
    status: int
    warnings: str  # the -w file, colours removed
    stdout: str  # colours removed
    stderr: str


def build_copy(root: str, tmp_path: Path, name: str, jobs: str) -> CommandBuild:
    """``sphinx-build -b html -j JOBS -N -E`` of a fresh copy of tests/roots/*root*."""
    from sphinx.cmd.build import build_main

    srcdir = tmp_path / name / "src"
    shutil.copytree(ROOTS / root, srcdir)
    outdir = tmp_path / name / "out"
    warnfile = tmp_path / name / "warnings.txt"
    doctrees = tmp_path / name / "doctrees"
    options = ["-b", "html", "-j", jobs, "-N", "-E", "-d", str(doctrees), "-w", str(warnfile)]
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        status = build_main([*options, str(srcdir), str(outdir)])
    return CommandBuild(
        srcdir,
        outdir,
        status,
        without_colours(warnfile.read_text(encoding="utf-8")),
        without_colours(stdout.getvalue()),
        stderr.getvalue(),
    )


def build_root(root: str, tmp_path: Path, builder: str = "html", **overrides: object) -> Path:
    """Build a fresh copy of tests/roots/*root* with *builder* (in-process, serial) in
    *tmp_path*; the output directory."""
    return Path(build_root_app(root, tmp_path, builder, **overrides).outdir)


def build_root_app(root: str, tmp_path: Path, builder: str = "html", **overrides: object):  # type: ignore[no-untyped-def]
    """:func:`build_root`, giving the finished app (its warnings, its outdir)."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / root, srcdir)
    return build_app(builder, srcdir, tmp_path / "_build", **overrides)


def build_app(
    builder: str,
    srcdir: Path,
    builddir: Path | None = None,
    *,
    parallel: int = 0,
    fresh: bool = False,
    **overrides: Any,
) -> SphinxTestApp:
    """Build *srcdir* in-process (into *builddir*, by default *srcdir*/_build), its output
    and warnings kept in StringIO; the finished app."""
    app = SphinxTestApp(
        builder,
        srcdir=srcdir,
        builddir=builddir,
        freshenv=fresh,
        confoverrides=overrides,
        status=io.StringIO(),
        warning=io.StringIO(),
        parallel=parallel,
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return app


class BuildCache:
    """Builds made on first use and shared by a module's tests, one per builder and
    configuration overrides, each in a fresh temporary directory; :meth:`make` builds one."""

    def __init__(self, factory: pytest.TempPathFactory, name: str) -> None:
        self.factory, self.name = factory, name
        self.apps: dict[tuple[str, tuple[tuple[str, Any], ...]], SphinxTestApp] = {}

    def __call__(self, builder: str = "html", **overrides: Any) -> SphinxTestApp:
        key = (builder, tuple(sorted(overrides.items())))
        if key not in self.apps:
            tmp = self.factory.mktemp(f"{self.name}-{builder}")
            self.apps[key] = self.make(tmp, builder, **overrides)
        return self.apps[key]

    def make(self, tmp: Path, builder: str, **overrides: Any) -> SphinxTestApp:
        raise NotImplementedError


# -- reading built HTML -------------------------------------------------------------


def parse(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(path)).getroot()


def text(element: lxml.html.HtmlElement) -> str:
    """The element's text with white space folded."""
    return " ".join(element.text_content().split())


def has_class(name: str) -> str:
    """An XPath test for one class among several."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serving(
    directory: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler
) -> Iterator[str]:
    """Serve *directory* on 127.0.0.1 (a random port) while in the block; the base URL."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(handler, directory=str(directory))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# Debian's Chromium, headless, never reaching out on its own
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--autoplay-policy=no-user-gesture-required",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium through Playwright, one per test module."""
    executable = shutil.which("chromium")
    skip_unless(executable is not None, "Debian's chromium is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    skip_unless(sync_playwright is not None, "the playwright package is not installed")
    assert sync_playwright is not None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


# -- nothing left behind ------------------------------------------------------------------
# Tests build copies of the roots in tmp_path: a build in tests/ itself leaves files there
# (generated speaker pages, _build). The run fails when it left any, untracked or ignored.


def _left_in_tests() -> set[str] | None:
    """Untracked and ignored paths under tests/ (not bytecode), or None without git."""
    import subprocess

    try:
        done = subprocess.run(
            ["git", "status", "--porcelain", "--ignored", "--untracked-files=all", "--", "."],
            cwd=Path(__file__).parent,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    paths = {line[3:] for line in done.stdout.splitlines() if line[:2] in ("??", "!!")}
    return {p for p in paths if "__pycache__" not in p and not p.endswith(".pyc")}


def pytest_sessionstart(session: pytest.Session) -> None:
    if not hasattr(session.config, "workerinput"):  # the controller (or a run without -n)
        session.config.stash[_LEFT] = _left_in_tests()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    before = session.config.stash.get(_LEFT, None)
    after = _left_in_tests() if before is not None else None
    if before is None or after is None or not after - before:
        return
    left = "\n  ".join(sorted(after - before))
    session.config.get_terminal_writer().line(
        f"\nTests left files in the repository (build from copies in tmp_path):\n  {left}",
        red=True,
    )
    session.exitstatus = pytest.ExitCode.TESTS_FAILED


_LEFT = pytest.StashKey[set[str] | None]()
