"""One served app, one fake Immich, one fake NAS and one Chromium per session.

The browser tests need Debian's Chromium at /usr/bin/chromium (never a
downloaded browser); without it the whole folder is skipped.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.e2e import seeding
from tests.e2e.appserver import REPO, AppServer
from tests.fakes import media

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
HAS_CHROMIUM = shutil.which("chromium") is not None and Path(CHROMIUM).exists()
SKIP_REASON = "browser tests need Debian's Chromium at /usr/bin/chromium"
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
TIMEOUT_MS = 15_000

ADMIN = ("root", "root-e2e-password")
PASSWORD = "trek-e2e-password"
OWNER, MEMBER, OUTSIDER = "olivia", "max", "eve"


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)
            if not HAS_CHROMIUM:
                item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


# --- the fakes ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def fake_immich(tmp_path_factory):
    from tests.fakes.immich.seed import PHOTO_IDS, VIDEO_ID
    from tests.fakes.immich.server import FakeImmich

    fake = FakeImmich("2.7.3")
    # Real bytes where the browser needs them: a playable MP4, and a large
    # original to stream (their thumbnails stay the small ones).
    fake.assets[VIDEO_ID].data = media.video_bytes()
    large = tmp_path_factory.mktemp("media") / "large.jpg"
    media.write_large_jpeg(large)
    fake.assets[PHOTO_IDS["lisbon_midday"]].data = large.read_bytes()
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture(scope="session")
def fake_synology():
    from tests.fakes.synology import FakeSynology

    nas = FakeSynology().start()
    nas.add_account("alice", "alice-password")
    nas.add_two_factor_account("bob", "bob-password")
    yield nas
    nas.stop()


# --- the app ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def app(tmp_path_factory, fake_immich, fake_synology):
    server = AppServer(
        tmp_path_factory.mktemp("trek-data"),
        allowlist=[fake_immich.host_port, fake_synology.host_port],
        admin=ADMIN,
    )
    server.prepare()
    server.shell(
        seeding.call("create_users", names=[OWNER, MEMBER, OUTSIDER], password=PASSWORD)
    )
    server.start()
    yield server
    server.stop()


SWITCH_ON = seeding.call("switch_on", ids=["journey", "immich", "synologyphotos"])


@pytest.fixture
def providers_on(app):
    app.shell(SWITCH_ON)


@pytest.fixture
def owner_connected(app, fake_immich, fake_synology):
    """Providers on and Olivia connected to both (through the browser or, if
    those tests did not run, directly); one Django start for all three."""
    from tests.fakes.immich.seed import OLIVIA_KEY

    immich = seeding.call(
        "connect_immich",
        username=OWNER,
        url=fake_immich.url,
        api_key=OLIVIA_KEY,
        mirror=True,
    )
    synology = seeding.call(
        "connect_synology",
        username=OWNER,
        url=fake_synology.url,
        account="alice",
        password="alice-password",
    )
    app.shell("\n".join([SWITCH_ON, immich, synology]))


@pytest.fixture(scope="session")
def trip_id(app) -> int:
    out = app.shell(
        seeding.call(
            "create_trip",
            owner=OWNER,
            title="Around the world in a week",
            start="2024-06-01",
            end="2024-06-07",
            members=[MEMBER],
        )
    )
    return json.loads(out.strip().splitlines()[-1])["trip_id"]


@pytest.fixture(scope="session")
def shared_state() -> dict:
    """What one flow leaves for the next (e.g. the photo made private)."""
    return {}


# --- the browser --------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser, app):
    """open_page(username) -> a signed-in page in its own browser context."""
    contexts = []

    def open_as(username: str | None, password: str = PASSWORD):
        context = browser.new_context(
            base_url=app.url, viewport={"width": 1280, "height": 1600}
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        if username is not None:
            sign_in(page, username, password)
        return page

    yield open_as
    for context in contexts:
        context.close()


def sign_in(page, username: str, password: str) -> None:
    page.goto("/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/trips/"))


@pytest.fixture
def screenshot(request):
    """screenshot(page): save what the test checked, named after the test."""

    def save(page, suffix: str = "") -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.name) + suffix
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save


def decoded_images(page, selector: str) -> list[dict]:
    """Every <img> matching selector once it finished loading, with its size."""
    page.wait_for_function(
        """(selector) => {
            const images = [...document.querySelectorAll(selector)];
            return images.length > 0 && images.every((img) => img.complete);
        }""",
        arg=selector,
    )
    return page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)].map((img) => ({
            src: img.getAttribute('src'), naturalWidth: img.naturalWidth,
        }))""",
        selector,
    )
