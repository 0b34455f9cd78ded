"""Where search results land: the anchors of episodes and speaker profiles that
Sphinx's search page links to correctly."""

from __future__ import annotations


def searchable_anchor(candidates: list[str], name: str, objtype: str, shown: str) -> str:
    """The first of *candidates* (ids of the object's element) that Sphinx's search
    page links to correctly; "" when none does.

    The search index shortens an anchor equal to the object's *name* to "" and one
    equal to ``objtype-name`` to "-", but the search page expands those with the
    name it *shows* (Sphinx issue #10380): ``speaker-ada`` of Ada Lindqvist would
    come back as ``#speaker-Ada Lindqvist``, and "" as ``#Ada Lindqvist``. So such
    an anchor only works when the shown name is the name.
    """
    for anchor in candidates:
        if anchor and (shown == name or anchor not in (name, f"{objtype}-{name}")):
            return anchor
    return ""


def profile_search_id(anchor: str) -> str:
    """The second id of a speaker profile (``speaker-ada`` -> ``profile-ada``): where
    search results link when the first cannot be used (see :func:`searchable_anchor`)."""
    return "profile-" + anchor.removeprefix("speaker-")
