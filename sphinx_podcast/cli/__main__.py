"""``python -m sphinx_podcast.cli``: the same as the ``sphinx-podcast`` command."""

import sys

from . import main

sys.exit(main())
