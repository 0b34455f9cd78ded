# Test root "intersphinx-client-podcast": a project that loads sphinx-podcast too
# and links with the plain roles to episodes and speakers of another podcast.
# The test appends intersphinx_mapping.
project = "Harbour Handbook"
extensions = ["myst_parser", "sphinx_podcast", "sphinx.ext.intersphinx"]
exclude_patterns = ["_build"]
