"""Outbound HTTP to user-supplied photo-server URLs.

Every request the project sends to a photo server goes through
`OutboundSession`. It sets timeouts, maps `requests` failures to
ProviderError subclasses and applies the network policy.
"""

from __future__ import annotations

import requests  # noqa: TID251 - this module is the one allowed user of requests
from django.conf import settings

from integrations.providers.base import (
    ProviderTimeoutError,
    UnreachableError,
)


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
    ):
        self.verify_tls = verify_tls
        self.credential_headers = credential_headers
        self.timeout = (
            connect_timeout or settings.OUTBOUND_CONNECT_TIMEOUT,
            read_timeout or settings.OUTBOUND_READ_TIMEOUT,
        )
        self._session = requests.Session()

    def request(self, method: str, url: str, **kwargs) -> requests.Response:
        kwargs.setdefault("timeout", self.timeout)
        kwargs.setdefault("verify", self.verify_tls)
        kwargs["allow_redirects"] = False
        try:
            return self._session.request(method, url, **kwargs)
        except requests.Timeout as exc:
            raise ProviderTimeoutError(
                "The photo server did not answer in time."
            ) from exc
        except requests.RequestException as exc:
            raise UnreachableError("The photo server could not be reached.") from exc

    def get(self, url: str, **kwargs) -> requests.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs) -> requests.Response:
        return self.request("POST", url, **kwargs)

    def close(self) -> None:
        self._session.close()
