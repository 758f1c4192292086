"""A self-signed certificate for 127.0.0.1, made fresh, like a new NAS has."""

from __future__ import annotations

import ssl
import tempfile
from pathlib import Path

from tests.fakes.tls import make_certificate, server_context


def self_signed_context(directory: Path | None = None) -> ssl.SSLContext:
    directory = Path(directory or tempfile.mkdtemp(prefix="fake-synology-tls-"))
    return server_context(
        *make_certificate(directory, "localhost", addresses=["127.0.0.1"])
    )
