# Test root "intersphinx-pod": the podcast another project links to.
project = "Quayside Radio"
extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]

podcast_speakers = {"ada": {"name": "Ada Lindqvist", "aliases": ["Ada"]}}
