"""Control characters out of every page before it is parsed, with one warning a file.

A control character (U+0001-U+001F but tab and line ends, DEL, C1) in a page
reaches the feed (lxml refuses it and the build dies at ``build-finished``),
EPUB's XHTML, LaTeX and the transcript files. Caption files carry them easily
(speech-to-text output, copy and paste), and so do pages imported from them.
They are taken out where text enters the build: pages and included files here
(``source-read``, ``include-read``), transcript files in the ``transcript``
directive, ``podcast_*`` values in conf.py; the feed checks its values once
more. Each file with any gets one ``podcast.control_character`` warning at the
line of the first one.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from .inputs import first_control_line, strip_controls
from .warnings_ import Subtype, warn


def control_message(count: int, *, at_line: bool = True) -> str:
    """The warning's text; *at_line*: the location is the line of the first one."""
    what = "a control character" if count == 1 else f"{count} control characters"
    message = f"{what} (U+0000-U+001F, U+007F-U+009F) removed"
    return message + ("; the first is on this line" if at_line and count > 1 else "")


def _clean(source: list[str]) -> tuple[int, int]:
    """Strip *source* (Sphinx's one-item list) in place: (how many, line of the first)."""
    line = first_control_line(source[0])
    if not line:
        return 0, 0
    source[0], count = strip_controls(source[0])
    return count, line


def _on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    count, line = _clean(source)
    if count:
        warn(control_message(count), Subtype.control_character, (docname, line))


def _on_include_read(
    app: Sphinx, relative_path: Path, parent_docname: str, content: list[str]
) -> None:
    count, line = _clean(content)
    if count:
        path = Path(app.srcdir, relative_path)
        warn(control_message(count), Subtype.control_character, f"{path}:{line}")


def setup_sanitize(app: Sphinx) -> None:
    app.connect("source-read", _on_source_read)
    app.connect("include-read", _on_include_read)
