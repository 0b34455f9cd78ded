"""Our CSS and JS, from the package's static folder.

Both go out without their comments: they are for the people who read the source
(guide/themes.md says the rest); readers' browsers would only download them. The files as
served are written once into a folder of the system's temporary directory named after
their content (outside the output and doctree folders, which Sphinx will not copy from),
and that folder is what Sphinx copies into ``_static``.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

STATIC_DIR = Path(__file__).parent / "static"
# /* … */ with the line break after it; our CSS has no string that holds "/*"
_CSS_COMMENT = re.compile(rb"/\*.*?\*/\n?", re.S)
# JavaScript, one piece at a time: a string, a regular expression literal, a comment
_JS_PIECE = re.compile(
    r"""(?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)
    |(?P<line>//[^\n]*)
    |(?P<block>/\*.*?\*/)
    |(?P<slash>/)""",
    re.S | re.X,
)
# a regular expression literal, from its opening slash (a class may hold a "/")
_JS_REGEX = re.compile(r"/(?:[^/\\\[\n]|\\.|\[(?:[^\]\\\n]|\\.)*\])+/[a-z]*")
# after these a "/" opens a regular expression, after anything else it divides
_BEFORE_REGEX = re.compile(
    r"(?:^|[(,=:\[!&|?{};+\-*%<>~^]|\b(?:return|typeof|case|else|in|of|new|delete|void|throw|yield|await))\s*$"
)


def strip_js_comments(source: str) -> str:
    """*source* without its comments and empty lines; strings, template literals and
    regular expression literals kept as written. A comment that held a line break leaves
    one (it ends a statement as the break did), any other a space."""
    kept: list[str] = []
    code = ""  # the last code kept, to tell a regular expression from a division
    position = 0
    while match := _JS_PIECE.search(source, position):
        between = source[position : match.start()]
        kept.append(between)
        code = (code + between)[-16:]
        position = match.end()
        piece = match[0]
        if match["slash"]:
            regex = _JS_REGEX.match(source, match.start()) if _BEFORE_REGEX.search(code) else None
            piece = regex[0] if regex else "/"
            position = match.start() + len(piece)
        elif match["string"] and piece.startswith("`") and "${" in piece:
            raise ValueError("a template literal with ${…}: not understood here")
        elif not match["string"]:  # a comment
            kept.append("\n" if "\n" in piece else " ")
            continue
        kept.append(piece)
        code = piece[-16:]
    kept.append(source[position:])
    lines = (line.rstrip() for line in "".join(kept).splitlines())
    return "".join(line + "\n" for line in lines if line)


def served(name: str) -> bytes:
    """The static file *name* as readers get it."""
    data = (STATIC_DIR / name).read_bytes()
    if name.endswith(".css"):
        return _CSS_COMMENT.sub(b"", data)
    if name.endswith(".js"):
        return strip_js_comments(data.decode("utf-8")).encode("utf-8")
    return data


def served_folder() -> Path:
    """A folder holding every static file as served (made if missing)."""
    files = {path.name: served(path.name) for path in STATIC_DIR.iterdir() if path.is_file()}
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


def setup_assets(app: Sphinx) -> None:
    app.connect("config-inited", _on_config_inited)
    app.add_css_file("podcast.css")
