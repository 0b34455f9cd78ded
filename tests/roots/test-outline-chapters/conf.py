# Test root "outline-chapters": an outline directive whose content lists chapters that
# have no section of their own (as ``sphinx-podcast import`` writes for chapter times
# that match no heading), in MyST and in reStructuredText.
project = "Outline chapters"
extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
html_baseurl = "https://example.org/"

podcast_speakers = {
    "sam": {"name": "Sam Host", "aliases": ["Sam"]},
    "lena": {"name": "Lena Osei", "aliases": ["Lena"]},
}
