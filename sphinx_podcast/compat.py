"""Small bridges between the Sphinx versions we support (8.2 and 9.x)."""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment


def builder_name_and_format(env: BuildEnvironment) -> tuple[str, str]:
    """The current builder's name and format, without the deprecated ``env.app``."""
    builder_cls = getattr(env, "_builder_cls", None)
    if builder_cls is None:  # Sphinx 8.2
        builder_cls = type(env.app.builder)
    return builder_cls.name, builder_cls.format


def get_app(env: BuildEnvironment) -> Sphinx:
    """The application (Sphinx 9 keeps it private; 8.2 has ``env.app``)."""
    app = getattr(env, "_app", None)
    return app if app is not None else env.app


def get_builder(env: BuildEnvironment) -> Builder:
    """The running builder (what Sphinx's own ReferencesResolver uses)."""
    return get_app(env).builder
