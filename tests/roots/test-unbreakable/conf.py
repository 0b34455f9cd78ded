# Test root "unbreakable" (issue 16): one page per input that used to crash a build or
# fail silently. tests/test_unbreakable.py adds the pages and files that hold control
# characters or are too big to keep in the repository.
project = "Unbreakable"
extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]

podcast_speakers = {
    "sam": {"name": "Sam Host", "aliases": ["Sam"]},
    "ada": {"name": "Ada Example", "aliases": ["Ada"]},
}
podcast_base_url = "https://example.org/show/"
podcast_title = "Unbreakable"
podcast_description = "Plain text: <b>not bold</b> & <script>alert(1)</script>"
podcast_image = "https://example.org/cover.png"
podcast_category = "Technology"
# control characters: in our value (warned about at its line) and in Sphinx's own value,
# which the feed uses when podcast_author is not set (removed there)
podcast_copyright = "2026 \x01Unbreakable crew"
author = "Sam\x03 Host"
