"""The block-level walk every transform of ours uses."""

from __future__ import annotations

from docutils import nodes

from sphinx_podcast.blocks import block_elements


def test_block_elements_in_document_order_without_inline_content() -> None:
    words = nodes.paragraph("", "", nodes.Text("a "), nodes.emphasis("b", "b"))
    item = nodes.list_item("", nodes.paragraph("", "c"))
    inner = nodes.section("", nodes.title("", "T"), nodes.bullet_list("", item))
    outer = nodes.section("", words, nodes.Text("stray"), inner, nodes.paragraph("", "d"))
    found = list(block_elements(outer))
    assert found == [outer, words, inner, inner[0], inner[1], item, item[0], outer[3]]
    assert list(block_elements(words)) == [words]  # a text element: itself only


def test_block_elements_sees_children_as_they_are_when_their_parent_is_reached() -> None:
    first, second = nodes.section(""), nodes.section("")
    root = nodes.section("", first, second)
    found = []
    for node in block_elements(root):
        found.append(node)
        if node is first:
            second += nodes.paragraph("", "added")  # not yet reached: walked
    assert found == [root, first, second, second[0]]
