"""An extension with builders sphinx-podcast did not foresee.

* "plain": a builder whose translator knows only the nodes of docutils and
  Sphinx; it records any other node it meets instead of visiting it.
* A node with a visitor for the "epub" builder by name, which makes Sphinx
  stop using the "html" visitors (sphinx-podcast's too) for EPUB.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.builders import Builder
from sphinx.util.docutils import SphinxTranslator

STANDARD = set(nodes.node_class_names) | {
    name for name, value in vars(addnodes).items() if isinstance(value, type)
}


class PlainTranslator(SphinxTranslator):
    """Writes the text of the nodes it knows; notes the classes it does not."""

    def __init__(self, document: nodes.document, builder: Builder) -> None:
        super().__init__(document, builder)
        self.parts: list[str] = []
        self.unknown: list[str] = []

    def __getattr__(self, name: str):
        kind, _, node_name = name.partition("_")
        if kind in ("visit", "depart") and node_name in STANDARD:
            return self._block if kind == "depart" and node_name == "paragraph" else self._nothing
        raise AttributeError(name)

    def _nothing(self, node: nodes.Node) -> None:
        pass

    def _block(self, node: nodes.Node) -> None:
        self.parts.append("\n")

    def visit_Text(self, node: nodes.Text) -> None:
        self.parts.append(node.astext())

    def depart_Text(self, node: nodes.Text) -> None:
        pass

    def unknown_visit(self, node: nodes.Node) -> None:
        self.unknown.append(type(node).__name__)

    def unknown_departure(self, node: nodes.Node) -> None:
        pass


class PlainBuilder(Builder):
    name = "plain"
    format = "plain"
    epilog = "plain text in %(outdir)s"
    default_translator_class = PlainTranslator

    def get_outdated_docs(self):
        return self.env.found_docs

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return docname

    def prepare_writing(self, docnames) -> None:
        pass

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        translator = self.create_translator(doctree, self)
        doctree.walkabout(translator)
        out = Path(self.outdir, docname + ".txt")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("".join(translator.parts), encoding="utf-8")
        if translator.unknown:
            Path(self.outdir, docname + ".unknown").write_text(
                "\n".join(translator.unknown), encoding="utf-8"
            )


class epub_only(nodes.Element):
    """A node of the other extension, with a visitor for the epub builder only."""


class dirhtml_only(nodes.Element):
    """Another node of the other extension, with a visitor for the dirhtml builder only."""


def visit_epub_only(self, node):  # pragma: no cover - never in a document here
    pass


def setup(app):
    app.add_builder(PlainBuilder)
    app.add_node(epub_only, epub=(visit_epub_only, visit_epub_only))
    app.add_node(dirhtml_only, dirhtml=(visit_epub_only, visit_epub_only))
