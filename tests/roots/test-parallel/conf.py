# Test root "parallel": enough pages for `sphinx-build -j 4` to fork, episodes in
# MyST and rST, speakers from conf.py and from speaker directives, and two
# deliberate clashes (episode number 5 twice, two profiles for "ada") and a bold
# name that is nobody ("Captain"), so that the build has warnings to compare.
project = "Harbour Signals"
extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]

podcast_speakers = {
    "ada": {"name": "Ada Example", "aliases": ["Ada"]},
    "sam": {"name": "Sam Host", "aliases": ["Sam"], "role": "host"},
}
