"""EPUB pages: the directions the e-book's style sheet may not set, in the markup.

An EPUB style sheet must not set ``direction`` or ``unicode-bidi`` (EPUB 3.3), so
the e-book's copy of our CSS goes without them (sphinx_podcast.assets) and its
pages say the same with ``dir`` attributes, which reading systems honour:

- what the HTML style sheet keeps apart from the words around it (the speaker's
  name, the parts of an episode's metadata line) gets ``dir="auto"``: a name in
  another script stays in its place and runs its own way;
- in a book whose ``language`` is written right to left, every element of ours
  gets ``dir="rtl"`` (in HTML: ``[class*=podcast-]:lang(ar) {direction: rtl}``).
"""

from __future__ import annotations

import re
from typing import Any

from sphinx.application import Sphinx

#: Languages written right to left (the style sheet's ``:lang()`` list).
RIGHT_TO_LEFT = frozenset({"ar", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"})
#: Classes whose elements the HTML style sheet isolates (``unicode-bidi: isolate``).
ISOLATED = frozenset(
    {
        "podcast-speaker",
        "podcast-episode-type",
        "podcast-episode-number",
        "podcast-episode-season",
        "podcast-episode-date",
        "podcast-episode-duration",
    }
)

# A start tag with a class attribute (docutils writes attributes in double quotes
# and escapes ">" in their values).
_START_TAG = re.compile(r'<([a-z][a-z0-9]*)(\s[^<>]*?)?\sclass="([^"]*)"([^<>]*)>')


def right_to_left(language: str | None) -> bool:
    """Whether *language* (``ar``, ``fa_IR``, ``he-IL``…) is written right to left."""
    return bool(language) and re.split(r"[-_]", str(language))[0].lower() in RIGHT_TO_LEFT


def with_directions(body: str, rtl: bool) -> str:
    """*body* with a ``dir`` on our elements (see the module's docstring)."""

    def mark(match: re.Match[str]) -> str:
        tag = match[0]
        if " dir=" in tag:
            return tag
        classes = match[3].split()
        if rtl and any(name.startswith("podcast-") for name in classes):
            direction = "rtl"
        elif ISOLATED.intersection(classes):
            direction = "auto"
        else:
            return tag
        end = len(tag) - (2 if tag.endswith("/>") else 1)
        return f'{tag[:end].rstrip()} dir="{direction}"{tag[end:]}'

    return _START_TAG.sub(mark, body)


def epub_directions(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    body = context.get("body")
    if app.builder.name.startswith("epub") and isinstance(body, str):
        context["body"] = with_directions(body, right_to_left(app.config.language))


def setup_epub(app: Sphinx) -> None:
    app.connect("html-page-context", epub_directions)
