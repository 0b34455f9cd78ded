# Test root "xref-bad": roles that name no speaker or episode, and a bad time.
project = "Quayside Radio"
extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]

podcast_speakers = {"ada": {"name": "Ada Lindqvist", "aliases": ["Ada"]}}
