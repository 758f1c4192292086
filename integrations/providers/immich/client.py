"""ImmichClient: HTTP to one user's Immich server, mapped to our plain types.

It knows nothing of Django requests, users or templates. Every request goes
through integrations.net.OutboundSession (the network policy); every failure
leaves as a ProviderError with an `immich.*` code.
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, time, timedelta

from integrations.net import OutboundSession
from integrations.providers.base import (
    Album,
    AssetInfo,
    AssetNotFoundError,
    BadResponseError,
    ConnectionReport,
    InvalidInputError,
    Page,
    Stream,
)
from integrations.providers.immich import mapping, streams, uploads
from integrations.providers.immich.errors import NOT_AN_API, error_for, looks_like_html
from integrations.providers.immich.serverurl import api_base
from integrations.providers.immich.spec import SPEC
from integrations.providers.immich.versions import VERSION_PATHS, ServerVersion

logger = logging.getLogger(__name__)

_ASSET_ID = re.compile(SPEC.asset_id_pattern)
# Local time runs from UTC-12 to UTC+14: a day anywhere lies within this of UTC.
_ZONE_SLACK = timedelta(hours=14)
MAX_PAGE_SIZE = 1000


class ImmichClient:
    """One connection's view of its Immich server (see base.Provider)."""

    def __init__(
        self,
        server_url: str,
        api_key: str,
        *,
        server_version: str | None = None,
        mirror_uploads: bool = False,
    ):
        self.server_url = server_url
        self.mirror_uploads = mirror_uploads
        self._api = api_base(server_url)
        self._api_key = api_key
        self._version = ServerVersion.parse(server_version or "")
        self._session = OutboundSession(credential_headers=("x-api-key",))

    def __repr__(self) -> str:  # never the key
        return f"<ImmichClient {self.server_url}>"

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> ImmichClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- transport -------------------------------------------------------------

    def send(self, method: str, path: str, *, authenticated: bool = True, **kwargs):
        """One request to /api<path>; a success (or 304) response, else an error."""
        headers = {"Accept": "application/json", **kwargs.pop("headers", {})}
        if authenticated:
            headers["x-api-key"] = self._api_key
        # Network failures leave integrations.net as ProviderErrors already.
        response = self._session.request(
            method, self._api + path, headers=headers, **kwargs
        )

        if response.status_code >= 300 and response.status_code != 304:
            error = error_for(response)
            response.close()
            logger.info("immich %s %s failed: %s", method, path, error.code)
            raise error
        return response

    def get_json(self, path: str, **kwargs):
        return self._decode(self.send("GET", path, **kwargs))

    def post_json(self, path: str, body: dict, **kwargs):
        return self._decode(self.send("POST", path, json=body, **kwargs))

    @staticmethod
    def _decode(response):
        if looks_like_html(response):
            raise BadResponseError(NOT_AN_API, code="immich.bad_response")
        try:
            return response.json()
        except ValueError:
            raise BadResponseError(
                "Immich answered something that is not JSON — check the URL.",
                code="immich.bad_response",
            ) from None

    # --- version -----------------------------------------------------------------

    @property
    def version(self) -> ServerVersion:
        """The server version, detected once and then reused."""
        if self._version is None:
            self._version = self.detect_version()
        return self._version

    def detect_version(self) -> ServerVersion:
        for path in VERSION_PATHS:
            try:
                body = self.get_json(path, authenticated=False)
            except AssetNotFoundError:
                continue  # an older server: try the older path
            try:
                self._version = ServerVersion.from_json(body)
            except (KeyError, TypeError, ValueError, AttributeError):
                break
            return self._version
        raise BadResponseError(
            "No Immich server answered at this URL — check the URL.",
            code="immich.bad_response",
        )

    # --- the Provider protocol -----------------------------------------------

    def test(self) -> ConnectionReport:
        from integrations.providers.immich.checks import check_connection

        return check_connection(self)

    def search(
        self, *, date_from: date | None, date_to: date | None, page: int, size: int
    ) -> Page:
        """Assets taken between two local dates (inclusive), oldest first."""
        body = {**self._paging(page, size), "order": "asc", "withExif": True}
        body |= self._visibility_filter()
        if date_from:
            body["takenAfter"] = _utc(
                datetime.combine(date_from, time.min) - _ZONE_SLACK
            )
        if date_to:
            body["takenBefore"] = _utc(
                datetime.combine(date_to, time.max) + _ZONE_SLACK
            )

        items, has_more = self._search_page(body)
        # The UTC window is wide on purpose; the local date decides.
        wanted = [
            item
            for item in items
            if _within(mapping.local_date(item), date_from, date_to)
        ]
        return _page(wanted, page, has_more)

    def albums(self) -> list[Album]:
        """Owned and shared-with-me albums, each once."""
        if self.version.albums_filter_by_ownership:
            listings = [self.get_json("/albums")]
        else:
            listings = [
                self.get_json("/albums", params={"shared": "false"}),
                self.get_json("/albums", params={"shared": "true"}),
            ]
        seen: dict[str, Album] = {}
        for listing in listings:
            for raw in listing or []:
                album = mapping.album_from_json(raw)
                seen.setdefault(album.id, album)
        return list(seen.values())

    def album_assets(self, album_id: str, *, page: int, size: int) -> Page:
        check_id(album_id, what="album")
        if self.version.album_detail_has_assets:
            album = self.get_json(f"/albums/{album_id}")
            if isinstance(album.get("assets"), list):
                return _slice(album["assets"], page, size)
        body = {**self._paging(page, size), "albumIds": [album_id], "withExif": True}
        body |= self._visibility_filter()
        items, has_more = self._search_page(body)
        return _page(items, page, has_more)

    def asset_info(self, asset_id: str) -> AssetInfo:
        check_id(asset_id)
        return mapping.asset_info_from_json(self.get_json(f"/assets/{asset_id}"))

    def open_stream(
        self,
        asset_id: str,
        kind: str,
        *,
        size: str | None = None,
        range_header: str | None = None,
        etag: str | None = None,
    ) -> Stream:
        """The bytes of one rendition, streamed; the caller must close() it.

        `size` is accepted for the Provider protocol; `kind` alone decides.
        """
        check_id(asset_id)
        path, params = streams.rendition(asset_id, kind)
        headers = streams.request_headers(range_header, etag)
        response = self.send("GET", path, params=params, headers=headers, stream=True)
        return streams.to_stream(response)

    def upload(self, file, *, file_name: str, **options) -> uploads.UploadResult:
        """Put a file into the library; see uploads.upload for the options."""
        return uploads.upload(self, file, file_name=file_name, **options)

    # --- helpers -------------------------------------------------------------

    def _visibility_filter(self) -> dict:
        if self.version.search_uses_visibility:
            return {"visibility": "timeline"}
        return {"isVisible": True, "withArchived": False}

    @staticmethod
    def _paging(page: int, size: int) -> dict:
        if page < 1 or not 1 <= size <= MAX_PAGE_SIZE:
            raise InvalidInputError(
                f"page must be 1 or more and size between 1 and {MAX_PAGE_SIZE}.",
                code="immich.invalid_input",
            )
        return {"page": int(page), "size": int(size)}

    def _search_page(self, body: dict) -> tuple[list[dict], bool]:
        result = self.post_json("/search/metadata", body)
        assets = (result or {}).get("assets") or {}
        items = [
            item
            for item in assets.get("items") or []
            if not mapping.is_hidden(item) and not mapping.is_trashed(item)
        ]
        return items, bool(assets.get("nextPage"))


def check_id(value: str, *, what: str = "asset") -> None:
    """Ids go into URL paths: refuse anything but a UUID before any request."""
    if not isinstance(value, str) or not _ASSET_ID.fullmatch(value):
        raise InvalidInputError(
            f"That is not a valid Immich {what} id.", code="immich.invalid_id"
        )


def _utc(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds") + "Z"


def _within(day: date | None, first: date | None, last: date | None) -> bool:
    if day is None:
        return first is None and last is None
    return (first is None or day >= first) and (last is None or day <= last)


def _page(items: list[dict], page: int, has_more: bool) -> Page:
    return Page(
        items=[mapping.asset_from_json(item) for item in items],
        has_more=has_more,
        next_page=page + 1 if has_more else None,
    )


def _slice(raw_assets: list[dict], page: int, size: int) -> Page:
    ImmichClient._paging(page, size)
    visible = [
        item
        for item in raw_assets
        if not mapping.is_hidden(item) and not mapping.is_trashed(item)
    ]
    start = (page - 1) * size
    has_more = start + size < len(visible)
    return Page(
        items=[mapping.asset_from_json(item) for item in visible[start : start + size]],
        has_more=has_more,
        next_page=page + 1 if has_more else None,
        total=len(visible),
    )
