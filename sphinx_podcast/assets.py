"""Our CSS and JS, from the package's static folder.

Both go out minified (rcssmin, rjsmin): the comments and layout are for the people who
read the source (guide/themes.md says the rest); readers' browsers would only download
them. The files as served are written once into a folder of the system's temporary
directory named after their content (outside the output and doctree folders, which
Sphinx will not copy from), and that folder is what Sphinx copies into ``_static``.

An e-book gets a folder of its own, without ``podcast-direction.css``: EPUB style
sheets must not set ``direction`` or ``unicode-bidi`` (EPUB 3.3, EPUBCheck's CSS-001),
so those rules are in that file alone, and in an e-book the pages' markup says the same
with ``dir`` attributes (sphinx_podcast.writers.epub).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import rcssmin
import rjsmin
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.config import Config

STATIC_DIR = Path(__file__).parent / "static"


#: The rules that set a writing direction: HTML pages only (see above).
DIRECTION_CSS = "podcast-direction.css"


def served(name: str) -> bytes:
    """The static file *name* as readers get it."""
    data = (STATIC_DIR / name).read_bytes()
    if name.endswith(".css"):
        return rcssmin.cssmin(data.decode("utf-8")).encode("utf-8")
    if name.endswith(".js"):
        return rjsmin.jsmin(data.decode("utf-8")).encode("utf-8")
    return data


def served_folder(*, epub: bool = False) -> Path:
    """A folder holding every static file as served (made if missing); for an e-book
    (*epub*) without the direction rules."""
    files = {
        path.name: served(path.name)
        for path in STATIC_DIR.iterdir()
        if path.is_file() and not (epub and path.name == DIRECTION_CSS)
    }
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name] + b"\0")
    folder = Path(tempfile.gettempdir()) / f"sphinx-podcast-static-{digest.hexdigest()[:16]}"
    folder.mkdir(exist_ok=True)
    for name, data in files.items():
        target = folder / name
        if not target.is_file() or target.read_bytes() != data:
            # whole or not at all: builds running side by side may read it meanwhile
            partial = target.with_name(f".{name}.{os.getpid()}")
            partial.write_bytes(data)
            partial.replace(target)
    return folder


def _on_config_inited(app: Sphinx, config: Config) -> None:
    folder = str(served_folder())
    # A new list: the default one is shared between Config objects.
    if folder not in config.html_static_path:
        config.html_static_path = [*config.html_static_path, folder]


def _on_write_started(app: Sphinx, builder: Builder) -> None:
    """An e-book's builder copies the e-book's folder instead.

    (Swapped when writing starts: the builder is known, and Sphinx has saved the
    configuration the next build compares with, the one of config-inited.)
    """
    if not builder.name.startswith("epub"):
        return
    ours, book = str(served_folder()), str(served_folder(epub=True))
    paths = app.config.html_static_path
    app.config.html_static_path = [book if path == ours else path for path in paths]


def _add_direction_css(app: Sphinx) -> None:
    if not app.builder.name.startswith("epub"):
        app.add_css_file(DIRECTION_CSS)


def setup_assets(app: Sphinx) -> None:
    app.connect("config-inited", _on_config_inited)
    app.connect("builder-inited", _add_direction_css)
    app.connect("write-started", _on_write_started)
    app.add_css_file("podcast.css")
