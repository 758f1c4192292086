"""A journey upload is mirrored into the uploader's Immich in the background."""

from __future__ import annotations

import hashlib

from playwright.sync_api import expect

from tests.e2e.conftest import OWNER
from tests.fakes import media


def test_journey_upload_is_mirrored_to_immich(
    open_page, owner_connected, fake_immich, screenshot
):
    photo = media.SAMPLE_PHOTOS[0]
    data = media.jpeg_bytes(photo)
    page = open_page(OWNER)

    page.get_by_role("link", name="Journeys").click()
    page.get_by_label("Title").fill("Harbour mornings")
    page.get_by_role("button", name="Create journey").click()
    expect(page.get_by_role("heading", name="Harbour mornings")).to_be_visible()
    page.get_by_label("Entry date").fill("2024-06-01")
    page.get_by_role("button", name="Add entry").click()

    entry = page.locator("section.entry").first
    entry.get_by_label("Photos to upload").set_input_files(
        {"name": photo.file_name, "mimeType": "image/jpeg", "buffer": data}
    )
    entry.get_by_role("button", name="Upload", exact=True).click()
    # Queued on commit, sent in-process; the card polls until it settles.
    badge = entry.locator("figure.journey-photo .badge.connected")
    expect(badge).to_have_text("In Immich", timeout=20_000)

    digest = hashlib.sha1(data, usedforsecurity=False).digest()
    mirrored = [a for a in fake_immich.assets.values() if a.sha1 == digest]
    assert len(mirrored) == 1
    assert fake_immich.users[mirrored[0].owner_id].name == "Olivia Traveller"
    screenshot(page)
