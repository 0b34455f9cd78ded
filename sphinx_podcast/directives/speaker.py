"""The ``speaker`` directive: a speaker's profile, the anchor turns and headers link to."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes

from .. import nodes as pn
from ..config import checked_url, is_remote, split_list, valid_speaker_key
from ..domain import PodcastDomain
from ..locale import _
from ..model import Speaker
from ..warnings_ import Subtype, warn
from . import PodcastDirective


class SpeakerDirective(PodcastDirective):
    has_content = True
    required_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        name: directives.unchanged for name in ("name", "aliases", "url", "avatar", "role")
    }

    def run(self) -> list[nodes.Node]:
        key = self.arguments[0].strip()
        domain = self.env.get_domain("podcast")
        assert isinstance(domain, PodcastDomain)
        base = domain.speaker_table().speakers.get(key) if valid_speaker_key(key) else None

        bio = nodes.container(classes=["podcast-speaker-bio"])
        self.state.nested_parse(self.content, self.content_offset, bio)
        if not bio.children and base is not None and base.bio:  # conf.py's bio
            bio += nodes.paragraph(base.bio, base.bio)

        name = self.options.get("name", "").strip() or (base.name if base else key)
        url = self.options.get("url", "").strip()
        if url and not is_remote(url):
            self.warn_option("url", f"speaker url {url!r} must be an http(s) URL; ignored")
            url = ""
        elif url:
            url = checked_url(
                url,
                ("https", "http"),
                lambda error: self.warn_option("url", f"speaker url: {error}", Subtype.bad_url),
            )
        avatar_uri, avatar_path = self._avatar()
        if not avatar_uri and base and base.avatar:
            avatar_path = base.avatar
            avatar_uri = base.avatar if is_remote(base.avatar) else "/" + base.avatar

        profile = pn.speaker_profile(classes=["podcast-speaker-profile"])
        self.set_source_info(profile)
        if avatar_uri:
            profile += nodes.image(avatar_uri, uri=avatar_uri, alt="", classes=["podcast-avatar"])
        profile += nodes.paragraph(
            "", "", nodes.strong(name, name), classes=["podcast-speaker-name"]
        )
        own_role = self.options.get("role", "").strip()
        role = own_role or (base.role if base else "")
        url = url or (base.url if base else "")
        meta = nodes.paragraph(classes=["podcast-speaker-meta"])
        if own_role:  # the author's words: -b gettext extracts them, translations apply
            role_node = pn.speaker_role(role, role, classes=["podcast-speaker-role"])
            self.set_source_info(role_node)
            meta += role_node
        elif role:
            meta += nodes.inline(role, role, classes=["podcast-speaker-role"])
        if url:
            if role:
                meta += nodes.Text(" · ")
            meta += nodes.reference(url, url, refuri=url)
        if meta.children:
            profile += meta
        if bio.children:
            profile += bio

        if not valid_speaker_key(key):
            warn(
                f"speaker key {key!r} must not be empty or contain spaces; "
                "this profile is shown but not registered",
                Subtype.bad_speaker_key,
                (self.env.docname, self.lineno),
            )
            return [profile]

        anchor = nodes.make_id("speaker-" + key)
        if anchor in self.state.document.ids:
            anchor = nodes.make_id(f"speaker-{key}-{self.lineno}")
        profile["ids"].append(anchor)
        self.state.document.ids[anchor] = profile
        profile["html_data"] = {"speaker": key}

        aliases = tuple(split_list(self.options.get("aliases", "")))
        speaker = Speaker(
            key=key,
            name=name,
            aliases=aliases,
            url=url,
            avatar=avatar_path,
            role=role,
            bio=" ".join(bio.astext().split()),
            docname=self.env.docname,
            anchor=anchor,
            lineno=self.lineno,
        )
        if not domain.note_profile(speaker):
            profile["ids"].remove(anchor)
            return [profile]
        domain.note_shows(self.env.docname, "profiles")
        profile += pn.speaker_appearances(key=key, docname=self.env.docname)
        profile += pn.speaker_soundbites(key=key, docname=self.env.docname)
        index = addnodes.index(entries=[("pair", _("speaker") + "; " + name, anchor, "", None)])
        return [index, profile]

    def _avatar(self) -> tuple[str, str]:
        """(uri for an image node, path relative to the source directory or https URL)."""
        avatar = self.options.get("avatar", "").strip()
        if not avatar:
            return "", ""
        if avatar.startswith("https://"):
            avatar = checked_url(
                avatar,
                ("https",),
                lambda error: self.warn_option("avatar", f"avatar: {error}", Subtype.bad_url),
            )
            return avatar, avatar
        if is_remote(avatar):
            self.warn_option("avatar", f"avatar URL {avatar!r} must use https; ignored")
            return "", ""
        relative, absolute = self.env.relfn2path(avatar, self.env.docname)
        if not absolute or not os.path.isfile(absolute):
            self.warn_option("avatar", f"avatar file {avatar!r} not found; ignored")
            return "", ""
        return avatar, str(relative)


class SpeakerPageDirective(SpeakerDirective):
    """``podcast:speaker-page KEY``: the body of a generated speaker page.

    What ``podcast_speaker_pages`` writes into each page it generates: the
    profile of a speaker from conf.py, with the episodes they appear in and
    their highlights, in a ``.podcast-speaker-page`` container.
    """

    has_content = False
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {}

    def run(self) -> list[nodes.Node]:
        page = pn.speaker_page(classes=["podcast-speaker-page"])
        self.set_source_info(page)
        result = super().run()
        page.extend(node for node in result if not isinstance(node, addnodes.index))
        domain = self.env.get_domain("podcast")
        assert isinstance(domain, PodcastDomain)
        domain.note_generated_page(self.env.docname, self.arguments[0].strip())
        return [node for node in result if isinstance(node, addnodes.index)] + [page]
