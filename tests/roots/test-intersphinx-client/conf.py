# Test root "intersphinx-client": a project that links to the podcast's episodes and
# speakers with intersphinx's external role. It loads sphinx-podcast for the domain
# (Sphinx's external role needs the domain, here "podcast", to exist locally) but has
# no episodes or speakers of its own. The test appends intersphinx_mapping (the
# podcast's output directory is only known then).
project = "Harbour Handbook"
extensions = ["myst_parser", "sphinx_podcast", "sphinx.ext.intersphinx"]
exclude_patterns = ["_build"]
