"""The NAS address as the user types it, turned into one canonical base URL.

The base URL is where Synology Photos answers, including its path (usually
"/photo"); the Web API lives under it at "/webapi/entry.cgi". People paste the
address bar, so we accept a trailing slash, a missing scheme, a pasted
"/webapi/..." tail or a Photos page, and store one spelling.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from integrations.netpolicy import split_typed_url
from integrations.providers.base import InvalidInputError

QUICKCONNECT_MESSAGE = (
    "QuickConnect is not supported, use the NAS address "
    "(for example https://nas.local:5001/photo)."
)

# A QuickConnect ID is a single word without dots, which is also what a user
# types when they mean one; real NAS names always come with a dot, a port or
# "localhost".
_BARE_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,62}")
_QUICKCONNECT_DOMAINS = ("quickconnect.to", "quickconnect.cn")
# The parts of a pasted browser address that are not the Photos base path.
_PATH_TAILS = re.compile(r"/(webapi|mo)(/.*)?$", re.IGNORECASE)


def canonical_base_url(typed: str) -> str:
    text = (typed or "").strip()
    if not text:
        raise InvalidInputError(
            "Type the address of Synology Photos, for example "
            "https://nas.local:5001/photo.",
            code="synology.url_missing",
        )
    _refuse_quickconnect(text)

    if "://" not in text:
        text = "https://" + text
    parts = _split(text)
    _vet_parts(parts)

    path = _PATH_TAILS.sub("", parts.path).rstrip("/")
    netloc = parts.netloc.lower()
    return urlunsplit((parts.scheme.lower(), netloc, path, "", ""))


def same_server(first: str, second: str) -> bool:
    """Whether two base URLs reach the same scheme, host and port."""
    a, b = urlsplit(first or ""), urlsplit(second or "")
    return (a.scheme, a.netloc.lower()) == (b.scheme, b.netloc.lower())


def _split(text: str):
    return split_typed_url(text, code="synology.url_invalid")


def _refuse_quickconnect(text: str) -> None:
    host = _split(text if "://" in text else "https://" + text).hostname or ""
    host = host.rstrip(".").lower()
    is_quickconnect_host = any(
        host == domain or host.endswith("." + domain)
        for domain in _QUICKCONNECT_DOMAINS
    )
    looks_like_id = _BARE_WORD.fullmatch(text) and text.lower() != "localhost"
    if is_quickconnect_host or looks_like_id:
        raise InvalidInputError(QUICKCONNECT_MESSAGE, code="synology.quickconnect")


def _vet_parts(parts) -> None:
    if parts.scheme.lower() not in ("http", "https"):
        raise InvalidInputError(
            "The address must start with https:// or http://.",
            code="synology.url_invalid",
        )
    if parts.username or parts.password:
        raise InvalidInputError(
            "Leave the user name and password out of the address; "
            "type them in their own fields.",
            code="synology.url_invalid",
        )
    try:
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        raise InvalidInputError(
            "The port in the address is not a number between 1 and 65535.",
            code="synology.url_invalid",
        ) from None
    if not parts.hostname:
        raise InvalidInputError(
            "The address has no server name, for example https://nas.local:5001/photo.",
            code="synology.url_invalid",
        )
    if "/mo/sharing/" in parts.path.lower():
        raise InvalidInputError(
            "That is a public sharing link. Use the address of Synology Photos "
            "itself, for example https://nas.local:5001/photo.",
            code="synology.url_invalid",
        )
