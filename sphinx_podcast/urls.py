"""URLs that every consumer accepts: checked (scheme, host) and percent-encoded.

Authors write URLs as they see them in a browser's address bar: with spaces,
accents, ``{`` and ``}``. A feed, an ``href`` or JSON-LD needs them encoded
(RFC 3986), and Apple wants them ASCII. :func:`clean_url` checks an absolute URL
and encodes what needs encoding, leaving what is already encoded (``%20``) as it
is; :func:`quote_path` encodes a path of the output (a page or a file name) for
appending to the site's base URL. Pure Python, no Sphinx.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import quote, urlsplit, urlunsplit

__all__ = ["URLError", "clean_url", "quote_path"]

#: Characters a path, query or fragment keeps as they are (RFC 3986 unreserved,
#: sub-delims, ``:`` ``@`` ``/``, and ``%`` of the escapes already there).
_PATH_SAFE = "/%!$&'()*+,;=:@-._~"
_QUERY_SAFE = _PATH_SAFE + "?"
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class URLError(ValueError):
    """A URL that cannot be used: the message says why."""


def _short(value: str, limit: int = 80) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _host(hostname: str, value: str) -> str:
    """The host in ASCII (IDNA for a name in another script); URLError if it is none."""
    if not hostname:
        raise URLError(f"no host in {_short(value)!r}")
    if hostname.startswith("["):
        return hostname
    try:
        ipaddress.ip_address(hostname)
    except ValueError:
        pass
    else:
        return hostname
    try:
        ascii_host = hostname.encode("idna").decode("ascii")
    except UnicodeError:
        raise URLError(f"{hostname!r} is not a host name in {_short(value)!r}") from None
    labels = ascii_host.rstrip(".").split(".")
    if not all(_LABEL.match(label) for label in labels):
        raise URLError(f"{hostname!r} is not a host name in {_short(value)!r}")
    return ascii_host.lower()


def _encode(part: str, safe: str) -> str:
    return quote(_STRAY_PERCENT.sub("%25", part), safe=safe)


def clean_url(value: str, schemes: tuple[str, ...] = ("https", "http")) -> str:
    """*value*, an absolute URL with one of *schemes* and a host, percent-encoded where
    needed (spaces, ``{``, non-ASCII …); :class:`URLError` if it is not one."""
    text = value.strip()
    if _CONTROL.search(text):
        raise URLError(f"control character in {_short(text)!r}")
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", text):
        raise URLError(f"{_short(text)!r} is not an absolute URL (scheme://host/…)")
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in schemes:
        allowed = " or ".join(schemes)
        raise URLError(f"{scheme}: URLs are not allowed here (only {allowed}): {_short(text)!r}")
    if "@" in parts.netloc:
        raise URLError(f"a user name or password in a public URL: {_short(text)!r}")
    try:
        port = parts.port
    except ValueError:
        raise URLError(f"bad port in {_short(text)!r}") from None
    hostname = parts.netloc.rsplit(":", 1)[0] if port is not None else parts.netloc
    if hostname.endswith(":"):  # "host:" with an empty port
        hostname = hostname[:-1]
    netloc = _host(hostname, text) + (f":{port}" if port is not None else "")
    return urlunsplit(
        (
            scheme,
            netloc,
            _encode(parts.path, _PATH_SAFE),
            _encode(parts.query, _QUERY_SAFE),
            _encode(parts.fragment, _QUERY_SAFE),
        )
    )


def quote_path(path: str) -> str:
    """A path of the output (``episodes/my ep.html``) as a relative URL: every character
    that is not allowed as it is in a URL path, ``%`` included, is encoded."""
    return quote(path, safe="/!$&'()*+,;=:@-._~")
