"""A stand-in for sphinxcontrib-youtube (``youtube``, ``vimeo``) and sphinxcontrib-video."""

from docutils import nodes
from docutils.parsers.rst import Directive, directives


class OtherEmbed(Directive):
    required_arguments = 1
    option_spec = {"width": directives.unchanged, "height": directives.unchanged}

    def run(self):
        text = f"other {self.name}: {self.arguments[0]}"
        return [nodes.paragraph(text, text, classes=["other-embed"])]


def setup(app):
    for name in ("youtube", "vimeo", "video"):
        app.add_directive(name, OtherEmbed)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
