# Test root "conventions": every directive with :class: and :name: (MyST and rST),
# {ref} links to each name, unknown options; speakers whose names are not their keys
# (what Sphinx's search page needs to link right).
project = "Tide Desk"
extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]

podcast_speakers = {
    "sam": {"name": "Sam Okafor", "aliases": ["Sam"]},
    "priya": {"name": "Priya Raman", "aliases": ["Priya"]},
}
