"""The Synology Photos client: the Provider protocol on top of one DSM session."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date

from integrations.providers.base import (
    Album,
    Asset,
    AssetInfo,
    AssetNotFoundError,
    BlockedByPolicyError,
    ConnectionReport,
    InvalidInputError,
    Page,
    ProviderError,
    Stream,
)
from integrations.providers.synology import albums as album_sources
from integrations.providers.synology import mapping, streams
from integrations.providers.synology.asset_ids import AssetRef, parse_asset_id
from integrations.providers.synology.errors import NOT_PHOTOS_MESSAGE
from integrations.providers.synology.session import (
    Account,
    ConnectionStore,
    SynologySession,
)

logger = logging.getLogger(__name__)

ITEM_FIELDS = ["thumbnail", "resolution", "address", "video_meta"]
INFO_FIELDS = ["thumbnail", "resolution", "exif", "gps", "address", "description"]
MAX_PAGE_SIZE = 500
ALBUM_PAGE_SIZE = 100


class SynologyClient:
    """A user's Synology Photos, seen through their own account.

    Build it with an Account and (for a saved connection) a ConnectionStore
    that persists the session, device token and album passphrases.
    """

    def __init__(self, account: Account, *, store: ConnectionStore | None = None):
        self.session = SynologySession(account, store=store)

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> SynologyClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- connection ---------------------------------------------------------

    def test(self, otp_code: str | None = None) -> ConnectionReport:
        """Test Connection: a real sign-in now, never a retry.

        Malformed input and the network policy still raise (the user must fix
        the address); everything the NAS says becomes a report.
        """
        try:
            self._require_photos()
            self.session.sign_in(otp_code=otp_code)
            return self._who_am_i()
        except (InvalidInputError, BlockedByPolicyError):
            raise
        except ProviderError as error:
            return ConnectionReport(False, error=error.message, error_code=error.code)

    def check(self) -> ConnectionReport:
        """The status of a saved connection, on its stored session."""
        try:
            return self._who_am_i()
        except ProviderError as error:
            return ConnectionReport(False, error=error.message, error_code=error.code)

    def _require_photos(self) -> None:
        offered = self.session.api_info()
        if "SYNO.Foto.Browse.Item" not in offered:
            raise ProviderError(NOT_PHOTOS_MESSAGE, code="synology.not_photos")

    def _who_am_i(self) -> ConnectionReport:
        me = self.session.call("SYNO.Foto.UserInfo", "me", 1)
        name = me.get("name") or self.session.account.username
        return ConnectionReport(True, user_name=str(name))

    # --- albums ---------------------------------------------------------------

    def albums(self) -> list[Album]:
        """Own, shared-by-me and shared-with-me albums, each once, by name."""
        listing = album_sources.list_all(self.session)
        self.session.store.save_passphrases(listing.passphrases)
        return listing.albums

    def album_assets(self, album_id: str, *, page: int = 1, size: int = 100) -> Page:
        scope = self._album_scope(album_id)
        return self._page(
            "SYNO.Foto.Browse.Item", "list", 1, scope, page, size, ITEM_FIELDS
        )

    def iter_album_assets(self, album_id: str) -> Iterator[Asset]:
        """Every asset of an album, page after page to the end."""
        page = 1
        while True:
            result = self.album_assets(album_id, page=page, size=ALBUM_PAGE_SIZE)
            yield from result.items
            if not result.has_more:
                return
            page += 1

    def _album_scope(self, album_id: str) -> dict:
        if not str(album_id).isdigit():
            raise InvalidInputError(
                "An album id is a number.", code="synology.invalid_album_id"
            )
        passphrase = self._passphrase(int(album_id))
        # An album shared with the user is named by its passphrase alone;
        # sending album_id with it makes DSM refuse the call.
        if passphrase:
            return {"passphrase": passphrase, "_shared_album": int(album_id)}
        return {"album_id": int(album_id)}

    def _passphrase(self, album_id: int) -> str:
        known = self.session.store.load_passphrases()
        if str(album_id) not in known:
            self.albums()  # an album we have not listed yet: refresh once
            known = self.session.store.load_passphrases()
        if str(album_id) not in known:
            raise AssetNotFoundError(
                "Synology Photos has no such album, or it is no longer shared "
                "with you.",
                code="synology.album_not_found",
            )
        return known[str(album_id)]

    # --- search -----------------------------------------------------------------

    def search(
        self,
        *,
        date_from: date | None = None,
        date_to: date | None = None,
        page: int = 1,
        size: int = 100,
        query: str | None = None,
    ) -> Page:
        """Assets taken between two local dates and/or matching a keyword."""
        bounds = None
        if date_from or date_to:
            bounds = mapping.day_bounds(
                date_from or date(1970, 1, 2), date_to or date(9999, 12, 30)
            )
        if query:
            params = {"keyword": query}
            if bounds:
                params.update(start_time=bounds[0], end_time=bounds[1])
            api, method, version = "SYNO.Foto.Search.Search", "list_item", 1
        elif bounds:
            params = {"time": [{"start_time": bounds[0], "end_time": bounds[1]}]}
            api, method, version = "SYNO.Foto.Browse.Item", "list_with_filter", 2
        else:
            params, (api, method, version) = {}, ("SYNO.Foto.Browse.Item", "list", 1)
        return self._page(api, method, version, params, page, size, ITEM_FIELDS, bounds)

    def _page(self, api, method, version, scope, page, size, fields, bounds=None):
        page, size = _vet_paging(page, size)
        scope = dict(scope)
        shared_album_id = scope.pop("_shared_album", None)
        offset = (page - 1) * size
        # One more than asked tells whether another page follows, so a full
        # last page is not followed by an empty one.
        data = self.session.call(
            api,
            method,
            version,
            offset=offset,
            limit=size + 1,
            additional=fields,
            **scope,
        )
        raw_items = data.get("list") or []
        has_more = len(raw_items) > size
        assets = []
        for item in raw_items[:size]:
            ref = mapping.asset_ref(item, shared_album_id)
            if ref is None or not _within(item, bounds):
                continue
            assets.append(mapping.to_asset(item, ref))
        return Page(
            items=assets,
            has_more=has_more,
            next_page=page + 1 if has_more else None,
            total=offset + len(assets),
        )

    # --- single assets ------------------------------------------------------------

    def asset_info(self, asset_id: str) -> AssetInfo:
        ref = parse_asset_id(asset_id)
        params = {"id": [ref.item_id], "additional": INFO_FIELDS}
        params.update(self._asset_scope(ref))
        api = (
            "SYNO.FotoTeam.Browse.Item"
            if ref.in_shared_space
            else "SYNO.Foto.Browse.Item"
        )
        data = self.session.call(api, "get", 5, **params)
        for item in data.get("list") or []:
            if item.get("id") == ref.item_id:
                return mapping.to_asset_info(item, ref)
        raise AssetNotFoundError(
            "Synology Photos does not have that photo any more.",
            code="synology.not_found",
        )

    def open_stream(
        self,
        asset_id: str,
        kind: str,
        *,
        size: str | None = None,
        range_header: str | None = None,
        etag: str | None = None,
    ) -> Stream:
        """Bytes of an asset: a thumbnail (sm, m, xl), a preview or the original."""
        ref = parse_asset_id(asset_id)
        return streams.open_asset(
            self.session,
            ref,
            kind,
            size=size,
            scope=self._asset_scope(ref),
            range_header=range_header,
            etag=etag,
        )

    def _asset_scope(self, ref: AssetRef) -> dict:
        if ref.shared_album_id is None:
            return {}
        passphrase = self._passphrase(ref.shared_album_id)
        return {"passphrase": passphrase} if passphrase else {}


def _vet_paging(page, size) -> tuple[int, int]:
    if not (isinstance(page, int) and page >= 1):
        raise InvalidInputError("page starts at 1.", code="synology.invalid_page")
    if not (isinstance(size, int) and 1 <= size <= MAX_PAGE_SIZE):
        raise InvalidInputError(
            f"size is between 1 and {MAX_PAGE_SIZE}.", code="synology.invalid_page"
        )
    return page, size


def _within(item: dict, bounds) -> bool:
    # Some Photos versions ignore the time filter, so it is checked here too.
    if bounds is None:
        return True
    taken = item.get("time")
    return isinstance(taken, int) and bounds[0] <= taken <= bounds[1]
