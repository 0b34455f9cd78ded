# Test root "hostile": every place an author writes text holds LaTeX's (and
# HTML's, and groff's) special characters: # $ % & ~ _ ^ \ { } < > " '.
project = "Q&A #5: 100% {x} ~y~ _z_ \\w $v ^u"
author = "R&D {Lab} 100% ~team~"
copyright = "2025, R&D {Lab}"
version = release = "1.0"

extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
html_static_path = ["_static"]

podcast_speakers = {
    "rnd": {
        "name": "R&D #1 {Lab} 100%",
        "aliases": ["R&D", "~tilde_under"],
        "url": "https://example.org/r_d?x=1&y=100%25#lab~",
        "avatar": "_static/r_d-lab.png",
        "role": "host & producer",
    },
    "dollar": {
        "name": "$v ^u \\w Ünïcødé <Ö>",
        "aliases": ["Dollar"],
    },
    "brace": "Close} Brace{ O'Neil \"Q\"",
}
podcast_backlink_symbol = "^ {#} top"

epub_copyright = copyright
epub_uid = "hostile-test"
man_pages = [("index", "hostile", "Q&A #5", [author], 1)]
texinfo_documents = [("index", "hostile", "Q&A #5", author, "hostile", "Q&A #5", "Misc")]
