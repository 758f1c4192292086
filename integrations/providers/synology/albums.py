"""Listing a user's albums from the three places Synology Photos keeps them.

Own albums, albums the user shared out, and albums other users shared with
the user come from three calls. An album shared with the user is opened with
its passphrase, which stays on our server: the listing hands it to the
connection store, keyed by album id, and the browser only ever sees the id.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from integrations.providers.base import Album, ProviderError
from integrations.providers.synology import mapping

logger = logging.getLogger(__name__)

PAGE_SIZE = 100
# A safety stop for a NAS that keeps answering full pages.
MAX_PAGES = 100


@dataclass
class AlbumListing:
    albums: list[Album]
    # album id -> passphrase ("" for albums the user owns)
    passphrases: dict[str, str] = field(default_factory=dict)


def list_all(session) -> AlbumListing:
    own = _fetch(session, "SYNO.Foto.Browse.Album", "list", 4, {})
    shared_out = _fetch_or_skip(
        session, "SYNO.Foto.Browse.Album", "list", 4, {"category": "shared"}
    )
    shared_in = _fetch_or_skip(
        session,
        "SYNO.Foto.Sharing.Misc",
        "list_shared_with_me_album",
        1,
        {"additional": ["thumbnail", "sharing_info"]},
    )

    by_id: dict[str, Album] = {}
    passphrases: dict[str, str] = {}
    for raw in own + shared_out:
        album = mapping.to_album(raw, shared=False)
        if album is not None:
            by_id[album.id] = album
            # Owned albums shared by link have a passphrase too, but must be
            # opened by id: DSM refuses id and passphrase together.
            passphrases[album.id] = ""
    for raw in shared_in:
        album = mapping.to_album(raw, shared=True)
        passphrase = mapping.album_passphrase(raw)
        if album is None or album.id in passphrases or not passphrase:
            continue
        by_id[album.id] = album
        passphrases[album.id] = passphrase

    albums = sorted(by_id.values(), key=lambda album: (album.name.casefold(), album.id))
    return AlbumListing(albums=albums, passphrases=passphrases)


def _fetch_or_skip(session, api, method, version, params) -> list[dict]:
    # Sharing may be switched off or unsupported on an older Photos; the own
    # albums are still worth showing.
    try:
        return _fetch(session, api, method, version, params)
    except ProviderError as error:
        if error.code == "synology.session_expired":
            raise
        logger.warning("synology %s %s skipped: %s", api, method, error.code)
        return []


def _fetch(session, api, method, version, params) -> list[dict]:
    collected: list[dict] = []
    for page in range(MAX_PAGES):
        data = session.call(
            api, method, version, offset=page * PAGE_SIZE, limit=PAGE_SIZE, **params
        )
        batch = data.get("list") or []
        collected.extend(batch)
        if len(batch) < PAGE_SIZE:
            break
    return collected
