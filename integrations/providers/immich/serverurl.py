"""Turning what a user types into the one canonical Immich server URL we store.

We store `scheme://host[:port][/subpath]` without `/api`; the client appends
`/api/...` itself, so a pasted web URL and a pasted API URL end up the same.
"""

from __future__ import annotations

from urllib.parse import urlunsplit

from integrations.netpolicy import split_typed_url
from integrations.providers.base import InvalidInputError

_API_SUFFIX = "/api"


def canonical_server_url(typed: str) -> str:
    """The canonical form of a typed server URL, or InvalidInputError."""
    text = (typed or "").strip()
    if not text:
        raise InvalidInputError(
            "Enter your Immich server URL, e.g. https://photos.example.com.",
            code="immich.invalid_url",
        )
    scheme, colon, rest = text.partition(":")
    names_a_scheme = (
        bool(colon) and scheme.isalpha() and not rest.split("/")[0].isdigit()
    )
    if "://" not in text and names_a_scheme and scheme.lower() not in ("http", "https"):
        # "javascript:...", "mailto:...": not a server address at all.
        raise InvalidInputError(
            "The Immich URL must start with http:// or https://.",
            code="immich.invalid_url",
        )
    if "://" not in text:
        raise InvalidInputError(
            f"Add http:// or https:// in front of the Immich URL "
            f"(for example https://{text.lstrip('/')}).",
            code="immich.invalid_url",
        )

    parts = split_typed_url(text, code="immich.invalid_url")
    _check_parts(parts)
    path = _strip_api_suffix(parts.path.rstrip("/"))
    return urlunsplit((parts.scheme.lower(), _netloc(parts), path, "", ""))


def api_base(server_url: str) -> str:
    return server_url.rstrip("/") + _API_SUFFIX


def _check_parts(parts) -> None:
    if parts.scheme.lower() not in ("http", "https"):
        raise InvalidInputError(
            "The Immich URL must start with http:// or https://.",
            code="immich.invalid_url",
        )
    if not parts.hostname:
        raise InvalidInputError(
            "The Immich URL has no host name. Enter it like https://photos.example.com.",
            code="immich.invalid_url",
        )
    if parts.username or parts.password:
        raise InvalidInputError(
            "Remove the user name and password from the Immich URL; "
            "the API key is what signs in.",
            code="immich.invalid_url",
        )
    if parts.query or parts.fragment:
        raise InvalidInputError(
            "Remove the part after ? or # from the Immich URL.",
            code="immich.invalid_url",
        )
    try:
        parts.port  # noqa: B018 - urlsplit validates the port lazily
    except ValueError:
        raise InvalidInputError(
            "The port in the Immich URL is not a number between 1 and 65535.",
            code="immich.invalid_url",
        ) from None


def _netloc(parts) -> str:
    host = parts.hostname.lower()
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    default_port = 443 if parts.scheme.lower() == "https" else 80
    if parts.port and parts.port != default_port:
        return f"{host}:{parts.port}"
    return host


def _strip_api_suffix(path: str) -> str:
    # Users paste the API URL as often as the web URL; both mean the same server.
    if path.lower().endswith(_API_SUFFIX):
        path = path[: -len(_API_SUFFIX)]
    return path.rstrip("/")
