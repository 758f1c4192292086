"""Outbound HTTP to user-supplied photo-server URLs.

Every request the project sends to a photo server goes through
`OutboundSession`. It vets the target against the network policy (see
`integrations.netpolicy`) on every request and every redirect hop, connects to
the address it vetted, sets timeouts and maps `requests` failures to
ProviderError subclasses.

Why our own adapter and not `requests-hardened` (evaluated at 1.3.0): it
vets only the first DNS answer, knows one "allow loopback" switch but no
allow-list and no private-but-permitted tier, ignores `.local`/`.internal`
names, does not decode Teredo, and either refuses every redirect or follows
them without vetting. Its technique is sound and is the one used here: an
HTTPAdapter that swaps the pool's host for the vetted IP while SNI and the
certificate check keep the name.
"""

from __future__ import annotations

import logging
import time
import warnings
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

import requests  # noqa: TID251 - this module is the one allowed user of requests
from django.conf import settings
from requests.adapters import HTTPAdapter  # noqa: TID251
from requests.structures import CaseInsensitiveDict  # noqa: TID251
from urllib3.exceptions import InsecureRequestWarning

from integrations.netpolicy import (
    VettedTarget,
    parse_outbound_url,
    private_address_warning,
    vet_outbound_url,
)
from integrations.providers.base import (
    BadResponseError,
    ProviderTimeoutError,
    Stream,
    UnreachableError,
)

__all__ = [
    "OutboundSession",
    "VettedTarget",
    "private_address_warning",
    "relay_stream",
    "stream_body",
    "vet_outbound_url",
]

logger = logging.getLogger(__name__)

# Skipping verification is the connection owner's explicit choice; urllib3
# would otherwise warn on every single request made that way.
warnings.filterwarnings("ignore", category=InsecureRequestWarning)

MAX_REDIRECTS = 3
# Sent only to the origin the caller addressed, whatever credential_headers says.
ALWAYS_PRIVATE_HEADERS = ("Authorization", "Cookie", "Proxy-Authorization")
BODY_ARGUMENTS = ("data", "json", "files")


class _PinnedAdapter(HTTPAdapter):
    """Vets each request's URL, then connects to the vetted IP, not the name.

    The Host header, TLS SNI and the certificate's hostname check keep the
    name, so certificates work, while a second DNS answer never comes into
    play: the name is resolved exactly once per request, here.
    """

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, **_):
        target = vet_outbound_url(request.url)
        request.headers["Host"] = target.host_header
        request.vetted_target = target
        # Proxies are never used: a proxy would resolve the name itself.
        return super().send(
            request, stream=stream, timeout=timeout, verify=verify, cert=cert
        )

    def build_connection_pool_key_attributes(self, request, verify, cert=None):
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(
            request, verify, cert
        )
        target: VettedTarget = request.vetted_target
        host_params["host"] = target.address
        if host_params["scheme"] == "https":
            pool_kwargs["server_hostname"] = target.host
            pool_kwargs["assert_hostname"] = target.host
        return host_params, pool_kwargs


class OutboundSession:
    """A requests session bound to the network policy.

    `verify_tls=False` only when the connection's owner ticked "skip SSL
    verification". `credential_headers` names headers that must never follow a
    redirect to another host.
    """

    def __init__(
        self,
        *,
        verify_tls: bool = True,
        credential_headers: tuple[str, ...] = (),
        connect_timeout: float | None = None,
        read_timeout: float | None = None,
        total_timeout: float | None = None,
    ):
        self.verify_tls = verify_tls
        self.credential_headers = tuple(credential_headers)
        self.timeout = (
            connect_timeout or settings.OUTBOUND_CONNECT_TIMEOUT,
            read_timeout or settings.OUTBOUND_READ_TIMEOUT,
        )
        # The read timeout bounds each wait for a byte; this bounds a whole
        # answer, so a server dripping one byte at a time cannot hold a worker.
        self.total_timeout = total_timeout or settings.OUTBOUND_TOTAL_TIMEOUT
        self._session = requests.Session()
        # No proxies and no ~/.netrc credentials from the environment.
        self._session.trust_env = False
        adapter = _PinnedAdapter()
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)

    def request(self, method: str, url: str, **kwargs) -> requests.Response:
        """Send one request, following up to MAX_REDIRECTS vetted hops."""
        origin = parse_outbound_url(url).origin
        kwargs = self._with_defaults(kwargs)

        for _hop in range(MAX_REDIRECTS + 1):
            response = self._send_once(method, url, kwargs)
            if not response.is_redirect:
                return response
            next_url = urljoin(
                response.url, self._session.get_redirect_target(response)
            )
            response.close()
            method, kwargs = _rewrite_for_redirect(response.status_code, method, kwargs)
            if parse_outbound_url(next_url).origin != origin:
                kwargs = self._without_credentials(kwargs)
            url = next_url

        raise BadResponseError(
            f"The photo server at {_host(url)} redirected more than "
            f"{MAX_REDIRECTS} times. Enter the final address as the server URL.",
            code="network.too_many_redirects",
        )

    def get(self, url: str, **kwargs) -> requests.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs) -> requests.Response:
        return self.request("POST", url, **kwargs)

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> OutboundSession:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _with_defaults(self, kwargs: dict) -> dict:
        kwargs = dict(kwargs)
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        kwargs.setdefault("verify", self.verify_tls)
        kwargs["allow_redirects"] = False
        kwargs["headers"] = CaseInsensitiveDict(kwargs.get("headers") or {})
        return kwargs

    def _send_once(self, method: str, url: str, kwargs: dict) -> requests.Response:
        deadline = time.monotonic() + self.total_timeout
        wants_stream = kwargs.get("stream", False)
        try:
            response = self._session.request(method, url, **dict(kwargs, stream=True))
        except requests.RequestException as exc:
            raise _provider_error(exc, _host(url)) from exc
        if not wants_stream:
            _read_body(response, deadline)
        return response

    def _without_credentials(self, kwargs: dict) -> dict:
        if any(kwargs.get(name) is not None for name in BODY_ARGUMENTS):
            # A body kept across a 307/308 may hold a password or session id.
            raise BadResponseError(
                "The photo server redirected a request carrying data to another "
                "host; it was not sent. Enter the final address as the server URL.",
                code="network.cross_host_redirect",
            )
        kwargs = dict(kwargs, auth=None, cookies=None)
        headers = CaseInsensitiveDict(kwargs["headers"])
        for name in (*self.credential_headers, *ALWAYS_PRIVATE_HEADERS):
            headers.pop(name, None)
        kwargs["headers"] = headers
        return kwargs


def stream_body(
    response: requests.Response, chunk_size: int = 64 * 1024
) -> Iterator[bytes]:
    """The response body chunk by chunk, with transport errors as ProviderErrors.

    Callers outside this module cannot catch `requests` exceptions, and a
    stream can fail long after the headers arrived.
    """
    try:
        yield from response.iter_content(chunk_size)
    except requests.RequestException as exc:
        raise _provider_error(exc, _host(response.url)) from exc


# Relaying 64 KiB at a time keeps memory flat and costs little per chunk.
STREAM_CHUNK_SIZE = 64 * 1024
# The upstream headers worth passing on; nothing else leaves our server.
RELAYED_HEADERS = (
    "Content-Type",
    "Content-Length",
    "Content-Range",
    "Accept-Ranges",
    "ETag",
    "Last-Modified",
    "Content-Disposition",
)


def relay_stream(response: requests.Response) -> Stream:
    """An open streamed response as a provider Stream; the caller must close it."""
    headers = {
        name: response.headers[name]
        for name in RELAYED_HEADERS
        if name in response.headers
    }
    chunks = (
        iter(())
        if response.status_code == 304
        else stream_body(response, STREAM_CHUNK_SIZE)
    )
    return Stream(
        status=response.status_code,
        headers=headers,
        chunks=chunks,
        close=response.close,
    )


def _read_body(response: requests.Response, deadline: float) -> None:
    """Read a whole (non-streamed) answer, within the deadline and size limit."""
    host, limit = _host(response.url), settings.OUTBOUND_MAX_BODY_BYTES
    chunks, size = [], 0
    try:
        for chunk in stream_body(response):
            size += len(chunk)
            if time.monotonic() > deadline:
                raise ProviderTimeoutError(
                    f"The photo server at {host} took too long to send its answer."
                )
            if size > limit:
                raise BadResponseError(
                    f"The photo server at {host} sent a larger answer than "
                    "expected; it was not read.",
                    code="network.too_large",
                )
            chunks.append(chunk)
    finally:
        response.close()
    response._content = b"".join(chunks)


def _rewrite_for_redirect(status: int, method: str, kwargs: dict) -> tuple[str, dict]:
    """The method and arguments of the next hop, as browsers would send it."""
    kwargs = dict(kwargs)
    # The Location already carries whatever query the server wants; ours (which
    # may hold a session id) must not be appended again, least of all elsewhere.
    kwargs.pop("params", None)

    if (status == 303 and method != "HEAD") or (
        status in (301, 302) and method == "POST"
    ):
        for name in BODY_ARGUMENTS:
            kwargs.pop(name, None)
        headers = CaseInsensitiveDict(kwargs["headers"])
        headers.pop("Content-Type", None)
        headers.pop("Content-Length", None)
        kwargs["headers"] = headers
        return "GET", kwargs

    if kwargs.get("files") or hasattr(kwargs.get("data"), "read"):
        # A file already read cannot be sent a second time.
        raise BadResponseError(
            "The photo server redirected an upload. Enter the final address as "
            "the server URL.",
            code="network.redirected_upload",
        )
    return method, kwargs


def _provider_error(exc: Exception, host: str) -> Exception:
    """The ProviderError a user should see for a `requests` failure."""
    if isinstance(exc, requests.exceptions.SSLError):
        return UnreachableError(
            f"The TLS certificate of {host} could not be verified. If the server "
            'uses a self-signed certificate, tick "Skip SSL verification" in the '
            "connection settings.",
            code="network.tls",
            retryable=False,
        )
    if isinstance(exc, requests.Timeout) or _caused_by(exc, TimeoutError):
        return ProviderTimeoutError(
            f"The photo server at {host} did not answer in time."
        )
    if _caused_by(exc, ConnectionRefusedError):
        return UnreachableError(
            f"{host} refused the connection. Check the address and port, and that "
            "the photo server is running.",
            code="network.refused",
        )
    logger.info("outbound request to %s failed: %s", host, type(exc).__name__)
    return UnreachableError(
        f"The photo server at {host} could not be reached. Check the address and "
        "that the server is running."
    )


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    """Whether `kind` is anywhere in the chain requests and urllib3 wrap errors in."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [exc]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        if isinstance(current, kind):
            return True
        seen.add(id(current))
        pending.extend(
            [current.__cause__, current.__context__, getattr(current, "reason", None)]
        )
        pending.extend(arg for arg in current.args if isinstance(arg, BaseException))
    return False


def _host(url: str) -> str:
    """The host part alone: a full URL may carry a session id in its query."""
    return urlsplit(url).hostname or "the photo server"
