"""The listening test root (tests/roots/test-listening), built and served for the tests of
the player, the dock, deep links and search (test_listening*.py)."""

from __future__ import annotations

import http.server
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from io import StringIO
from pathlib import Path
from typing import Any

from sphinx.testing.util import SphinxTestApp
from test_media import write_media

ROOTS = Path(__file__).parent / "roots"
MEDIA_SECONDS = 150


def build_listening(tmp: Path, builder: str = "html", **overrides: Any) -> SphinxTestApp:
    """Copy test-listening into *tmp* (once), add its 150 s audio file and build it."""
    srcdir = tmp / "src"
    if not srcdir.exists():
        shutil.copytree(ROOTS / "test-listening", srcdir)
        write_media(srcdir, MEDIA_SECONDS)
    app = SphinxTestApp(
        builder,
        srcdir=srcdir,
        builddir=tmp / "_build",
        confoverrides=overrides,
        status=StringIO(),
        warning=StringIO(),
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def serve_directory(directory: Path, handler: type[http.server.BaseHTTPRequestHandler]) -> Any:
    """Serve *directory* on 127.0.0.1 (a random port) with *handler*; a context manager
    that yields the base URL."""
    from contextlib import contextmanager

    @contextmanager
    def serving() -> Iterator[str]:
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

    return serving()
