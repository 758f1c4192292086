"""A fake Immich server for tests and demos; see server.FakeImmich."""

from tests.fakes.immich.server import MODES, VERSIONS, FakeImmich

__all__ = ["MODES", "VERSIONS", "FakeImmich"]
