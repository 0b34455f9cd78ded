"""Media with another extension that owns ``youtube``, ``vimeo`` and ``video``.

``other_embeds`` stands in for sphinxcontrib-youtube and sphinxcontrib-video: the bare
names stay theirs, ours are ``podcast:youtube`` … whatever the order in ``extensions``.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

extensions = ["myst_parser", "sphinx_podcast", "other_embeds"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
