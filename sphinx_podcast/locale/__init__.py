"""Translations of sphinx-podcast's own labels (``Outline``, ``Hosts:``, …)."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.locale import get_translation

MESSAGE_CATALOG_NAME = "sphinx_podcast"
_ = get_translation(MESSAGE_CATALOG_NAME)


def setup_locale(app: Sphinx) -> None:
    app.add_message_catalog(MESSAGE_CATALOG_NAME, str(Path(__file__).parent))
