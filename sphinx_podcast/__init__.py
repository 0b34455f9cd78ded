"""sphinx-podcast: publish podcast episodes and interview transcripts with Sphinx."""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"

#: Bump when the shape of what we store in the environment changes.
#: 3: Episode.type and Episode.ai_content; 4: Episode.title_id; 5: the feed's turns per chapter
ENV_VERSION = 5


def setup(app: Sphinx) -> ExtensionMetadata:
    from .assets import setup_assets
    from .config import setup_config
    from .crosspage import setup_crosspage
    from .directives.media import setup_media
    from .directives.registry import setup_directives
    from .domain_events import setup_domain
    from .feed import setup_feed
    from .listening import setup_listening
    from .locale import setup_locale
    from .sanitize import setup_sanitize
    from .soundbites import setup_soundbites
    from .speaker_pages import setup_speaker_pages
    from .timing import setup_timing
    from .transforms import setup_transforms
    from .writers.builders import setup_builders
    from .writers.registration import setup_nodes

    setup_config(app)
    setup_sanitize(app)
    setup_locale(app)
    setup_nodes(app)
    setup_domain(app)
    setup_directives(app)
    setup_transforms(app)
    setup_crosspage(app)
    setup_speaker_pages(app)
    setup_soundbites(app)
    setup_timing(app)
    setup_listening(app)
    setup_assets(app)
    setup_media(app)
    setup_builders(app)
    setup_feed(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
