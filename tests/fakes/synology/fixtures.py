"""Pytest fixtures that start the fake NAS and let our outbound policy reach it.

Use them from any conftest: `from tests.fakes.synology.fixtures import *`.
The fake is admitted the way a self-hoster admits a NAS on the same host,
through OUTBOUND_ALLOWLIST; the network policy itself stays on.
"""

import pytest

from tests.fakes.synology.server import FakeSynology

__all__ = ["fake_synology", "fake_synology_tls"]


def _started(settings, *, tls: bool):
    nas = FakeSynology(tls=tls).start()
    nas.add_account("alice", "alice-password")
    settings.OUTBOUND_ALLOWLIST = [*settings.OUTBOUND_ALLOWLIST, nas.host_port]
    return nas


@pytest.fixture
def fake_synology(settings):
    """A fake NAS over plain HTTP with the account alice / alice-password."""
    nas = _started(settings, tls=False)
    yield nas
    nas.stop()


@pytest.fixture
def fake_synology_tls(settings):
    """The same NAS over HTTPS with a freshly made self-signed certificate."""
    nas = _started(settings, tls=True)
    yield nas
    nas.stop()
