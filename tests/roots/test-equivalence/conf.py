# Test root "equivalence": one episode written twice, in rST (ep_rst.rst) and
# MyST (ep_myst.md), which must give the same doctree. The tests build the root
# twice, each time excluding one of the two pages, so that each build is a
# podcast with exactly one episode (no "previous/next episode" between the twins).
project = "Harbour Signals"
extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]

podcast_speakers = {
    "ada": {"name": "Ada Example", "aliases": ["Ada"]},
    "sam": {"name": "Sam Host", "aliases": ["Sam"]},
}
