"""pytest fixtures for the fake Immich; import them into a conftest:

    from tests.fakes.immich.fixtures import *  # noqa: F403

`fake_immich` is a running 2.7.3 fake (parametrize it indirectly with a
version string to pick another); `fake_immich_factory(version, **options)`
starts more. Each fake is admitted by the outbound allow-list exactly as a
self-hoster would admit their own server, and every exchange is checked
against the official OpenAPI spec of the imitated version.
"""

from __future__ import annotations

import warnings

import pytest

from tests.fakes.immich.server import VERSIONS, FakeImmich
from tests.fakes.immich.specs import SpecChecker, spec_path

__all__ = [
    "IMMICH_VERSIONS",
    "fake_immich",
    "fake_immich_factory",
    "fake_immich_any_version",
]

IMMICH_VERSIONS = VERSIONS
DEFAULT_VERSION = "2.7.3"


@pytest.fixture
def fake_immich_factory(settings):
    started: list[FakeImmich] = []

    def start(version: str = DEFAULT_VERSION, **options) -> FakeImmich:
        fake = FakeImmich(version, **options)
        fake.spec_checker = _checker_for(fake)
        fake.on_exchange = fake.spec_checker
        fake.start()
        started.append(fake)
        settings.OUTBOUND_ALLOWLIST = [*settings.OUTBOUND_ALLOWLIST, fake.host_port]
        return fake

    yield start

    for fake in started:
        fake.stop()
    problems = [
        f"[{fake.version_text}] {problem}"
        for fake in started
        if fake.spec_checker is not None
        for problem in fake.spec_checker.problems
    ]
    assert not problems, "exchanges that break the Immich spec:\n" + "\n".join(problems)


@pytest.fixture
def fake_immich(request, fake_immich_factory) -> FakeImmich:
    version = getattr(request, "param", DEFAULT_VERSION)
    return fake_immich_factory(version)


@pytest.fixture(params=VERSIONS)
def fake_immich_any_version(request, fake_immich_factory) -> FakeImmich:
    """The same test once against each imitated server version."""
    return fake_immich_factory(request.param)


def _checker_for(fake: FakeImmich) -> SpecChecker | None:
    if not spec_path(fake.version_text).exists():
        warnings.warn(
            f"Immich {fake.version_text} spec not found; exchanges are not checked. "
            "Set IMMICH_OPENAPI_DIR to the folder holding the official specs.",
            stacklevel=2,
        )
        return None
    return SpecChecker(fake.version_text, fake.path_prefix)
