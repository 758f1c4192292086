"""What every photo provider client offers, and the one error type it raises.

A client does HTTP and mapping only. It knows nothing of Django requests, users
or templates: it gets a connection's values and returns the plain types below.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

# --- errors ----------------------------------------------------------------


class ProviderError(Exception):
    """A photo server failed, refused us, or could not be reached.

    `message` is written for the user and never carries a secret. `code` is
    stable (``immich.missing_permission``, ``synology.otp_required``, ...) so
    the UI and tests can tell cases apart. `retryable` says whether trying the
    same call later may succeed. `upstream_status` is the photo server's own
    HTTP status, when it answered.
    """

    http_status = 502
    default_code = "provider.error"
    retryable = False

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        upstream_status: int | None = None,
        retryable: bool | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.code = code or self.default_code
        self.upstream_status = upstream_status
        if retryable is not None:
            self.retryable = retryable

    def __str__(self) -> str:
        return self.message


class NotConfiguredError(ProviderError):
    """The user has not connected this provider (or it must be reconnected)."""

    http_status = 400
    default_code = "provider.not_configured"


class AuthError(ProviderError):
    """The photo server rejected the credentials."""

    http_status = 502
    default_code = "provider.auth_failed"


class PermissionDeniedError(ProviderError):
    """The credentials are valid but lack a permission the call needs."""

    http_status = 502
    default_code = "provider.missing_permission"


class AssetNotFoundError(ProviderError):
    """The photo server does not have (or no longer has) that asset or album."""

    http_status = 404
    default_code = "provider.not_found"


class UnreachableError(ProviderError):
    """No connection could be made: DNS, refused, reset, TLS."""

    http_status = 502
    default_code = "provider.unreachable"
    retryable = True


class ProviderTimeoutError(ProviderError):
    """The photo server took longer than the configured timeout."""

    http_status = 504
    default_code = "provider.timeout"
    retryable = True


class BadResponseError(ProviderError):
    """The photo server answered something we cannot use (HTML, 5xx, bad JSON)."""

    http_status = 502
    default_code = "provider.bad_response"


class BlockedByPolicyError(ProviderError):
    """The network policy refused the address (see integrations.net)."""

    http_status = 400
    default_code = "network.blocked"


class InvalidInputError(ProviderError):
    """What the user typed cannot be used (a malformed URL, an unknown size)."""

    http_status = 400
    default_code = "provider.invalid_input"


# --- plain types ------------------------------------------------------------


@dataclass(frozen=True)
class Asset:
    """One photo or video on the provider side."""

    id: str
    taken_at: datetime | None = None
    media_type: str = "image"  # "image" or "video"
    city: str | None = None
    country: str | None = None
    file_name: str | None = None
    width: int | None = None
    height: int | None = None
    duration_ms: int | None = None


@dataclass(frozen=True)
class AssetInfo:
    """The details shown in the viewer."""

    id: str
    taken_at: datetime | None = None
    media_type: str = "image"
    file_name: str | None = None
    file_size: int | None = None
    width: int | None = None
    height: int | None = None
    camera_make: str | None = None
    camera_model: str | None = None
    lens: str | None = None
    focal_length: float | None = None
    aperture: float | None = None
    exposure_time: str | None = None
    iso: int | None = None
    city: str | None = None
    state: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class Album:
    id: str
    name: str
    asset_count: int = 0
    start_date: datetime | None = None
    end_date: datetime | None = None
    cover_asset_id: str | None = None
    shared: bool = False


@dataclass(frozen=True)
class Page:
    """A page of results and whether another page follows."""

    items: list
    has_more: bool = False
    next_page: int | None = None
    total: int | None = None


@dataclass(frozen=True)
class ConnectionReport:
    """What Test Connection found, in words the settings card can show."""

    connected: bool
    user_name: str | None = None
    server_version: str | None = None
    missing_permissions: list[dict] = field(default_factory=list)
    error: str | None = None
    error_code: str | None = None


@dataclass
class Stream:
    """An open upstream response, relayed chunk by chunk.

    The caller must call `close()` on every path; `StreamingHttpResponse`
    does so when it is given this object's `chunks` through `closing_iterator`.
    """

    status: int
    headers: dict[str, str]
    chunks: Iterator[bytes]
    close: callable

    def __enter__(self) -> Stream:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# --- the protocol -------------------------------------------------------------

STREAM_KINDS = ("thumbnail", "preview", "original", "video")


class Provider(Protocol):
    """What the photo layer asks of a provider client."""

    def test(self) -> ConnectionReport: ...

    def search(
        self, *, date_from: date | None, date_to: date | None, page: int, size: int
    ) -> Page: ...

    def albums(self) -> list[Album]: ...

    def album_assets(self, album_id: str, *, page: int, size: int) -> Page: ...

    def asset_info(self, asset_id: str) -> AssetInfo: ...

    def open_stream(
        self,
        asset_id: str,
        kind: str,
        *,
        size: str | None = None,
        range_header: str | None = None,
        etag: str | None = None,
    ) -> Stream: ...
