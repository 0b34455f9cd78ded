"""Our CSS (and, with the player, JS), served from the package's static folder."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

STATIC_DIR = Path(__file__).parent / "static"


def _on_config_inited(app: Sphinx, config: Config) -> None:
    # A new list: the default one is shared between Config objects.
    if str(STATIC_DIR) not in config.html_static_path:
        config.html_static_path = [*config.html_static_path, str(STATIC_DIR)]


def setup_assets(app: Sphinx) -> None:
    app.connect("config-inited", _on_config_inited)
    app.add_css_file("podcast.css")
