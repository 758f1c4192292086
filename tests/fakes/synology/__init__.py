"""A fake Synology Photos NAS for tests and demos (see server.py)."""

from tests.fakes.synology.server import FakeAccount, FakeSynology

__all__ = ["FakeAccount", "FakeSynology"]
