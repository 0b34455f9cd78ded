"""Translations of sphinx-podcast's own labels (``Outline``, ``Hosts:``, …).

The catalogues live beside this file (``<language>/LC_MESSAGES/sphinx_podcast.po``
and the compiled ``.mo``); ``tools/catalogues.py`` in the repository keeps them in
step with the code. A project can override any of our messages with its own
``sphinx_podcast.po`` in one of its ``locale_dirs``, exactly as it overrides
Sphinx's own labels with a ``sphinx.po``.
"""

from __future__ import annotations

from pathlib import Path

import sphinx.locale
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.locale import get_translation, get_translator, is_translator_registered
from sphinx.util.i18n import CatalogRepository

MESSAGE_CATALOG_NAME = "sphinx_podcast"
LOCALE_DIR = Path(__file__).parent
_NAMESPACE = "general"

_ = get_translation(MESSAGE_CATALOG_NAME)


def ngettext(singular: str, plural: str, count: int) -> str:
    """*singular* or *plural* for *count*, by the rules of the page's language.

    Sphinx's ``get_translation`` has no plural form; the translator it keeps for
    our catalogue has. Call it at build time (not at import time).
    """
    if not is_translator_registered(MESSAGE_CATALOG_NAME, _NAMESPACE):
        return singular if count == 1 else plural
    return get_translator(MESSAGE_CATALOG_NAME, _NAMESPACE).ngettext(singular, plural, count)


def _load_catalogues(app: Sphinx, config: Config) -> None:
    """Load our catalogue for the page language: the project's ``locale_dirs`` first.

    Like Sphinx does for its own ``sphinx.po``, an out-of-date ``sphinx_podcast.mo``
    in the project's locale directories is compiled first. The translator is made
    afresh (not merged into one an earlier build in this process left), so the
    project's messages win over ours and one build's language never leaks into the
    next.
    """
    repo = CatalogRepository(
        app.srcdir, config.locale_dirs, config.language, config.source_encoding
    )
    for catalog in repo.catalogs:
        if catalog.domain == MESSAGE_CATALOG_NAME and catalog.is_outdated():
            catalog.write_mo(config.language, config.gettext_allow_fuzzy_translations)
    sphinx.locale.translators.pop((_NAMESPACE, MESSAGE_CATALOG_NAME), None)
    sphinx.locale.init(
        [*repo.locale_dirs, str(LOCALE_DIR)], config.language, MESSAGE_CATALOG_NAME, _NAMESPACE
    )


def setup_locale(app: Sphinx) -> None:
    # Early: directives and other handlers of config-inited may already translate.
    app.connect("config-inited", _load_catalogues, priority=100)
