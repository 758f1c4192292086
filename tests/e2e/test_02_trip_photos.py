"""Trip photos from both providers: pick, share or keep private, view, stream."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.conftest import MEMBER, OUTSIDER, OWNER, decoded_images

PANEL_IMAGES = "#trip-photos .photo-grid img"


def open_trip(page, trip_id):
    page.goto(f"/trips/{trip_id}/")
    expect(
        page.locator("#trip-photos").get_by_role("heading", name="Photos")
    ).to_be_visible()


def pick(page, provider: str, file_names: list[str]) -> None:
    page.get_by_role("button", name=f"Add from {provider}").click()
    picker = page.locator("#photo-picker .picker")
    expect(picker.get_by_role("heading", name=f"Add from {provider}")).to_be_visible()
    # It opens on the trip's dates.
    expect(picker.get_by_label("Trip dates")).to_be_checked()
    expect(picker.get_by_role("textbox", name="From")).to_have_value("2024-06-01")
    expect(picker.get_by_role("textbox", name="To")).to_have_value("2024-06-07")

    images = decoded_images(page, "#photo-picker .picker-grid img")
    assert images and all(image["naturalWidth"] > 0 for image in images), images
    for name in file_names:
        picker.get_by_label(f"Select {name}").check()
    picker.get_by_role("button", name="Add selected").click()
    expect(page.locator("#trip-photos [role=status]")).to_contain_text(
        f"Added {len(file_names)} photos"
    )


def test_owner_adds_photos_from_both_providers_and_keeps_one_private(
    open_page, owner_connected, trip_id, shared_state, screenshot
):
    page = open_page(OWNER)
    open_trip(page, trip_id)

    pick(page, "Immich", ["lisbon_midday.jpg", "tokyo_morning.webp", "porto_tram.mp4"])
    pick(page, "Synology Photos", ["IMG_20240601_101522.jpg"])
    images = decoded_images(page, PANEL_IMAGES)
    assert len(images) == 4 and all(i["naturalWidth"] > 0 for i in images), images

    first = page.locator("#trip-photos figure.trip-photo").first
    private_src = first.locator("img").get_attribute("src")
    first.get_by_role("button", name="Make private").click()
    mine = page.locator(
        "#trip-photos figure.trip-photo", has=page.locator(f"img[src='{private_src}']")
    )
    expect(mine.locator(".badge", has_text="Private")).to_be_visible()

    shared_state["all_srcs"] = [image["src"] for image in images]
    shared_state["private_src"] = private_src
    screenshot(page)


def test_member_sees_the_shared_photos_but_not_the_private_one_and_outsider_gets_404(
    open_page, owner_connected, trip_id, shared_state, screenshot
):
    private_src = shared_state.get("private_src")
    assert private_src, "needs the owner's flow above to have run first"

    page = open_page(MEMBER)
    open_trip(page, trip_id)
    images = decoded_images(page, PANEL_IMAGES)
    seen = {image["src"] for image in images}
    assert seen == set(shared_state["all_srcs"]) - {private_src}
    assert all(image["naturalWidth"] > 0 for image in images), images
    assert page.request.get(private_src).status == 404
    screenshot(page, "-member")

    outsider = open_page(OUTSIDER)
    response = outsider.goto(f"/trips/{trip_id}/")
    assert response.status == 404
    assert outsider.request.get(sorted(seen)[0]).status == 404
    screenshot(outsider, "-outsider")


def test_viewer_plays_a_video_and_seeks_in_it(
    open_page, owner_connected, trip_id, shared_state, screenshot
):
    assert shared_state.get("all_srcs"), "needs the owner's flow above to have run"
    page = open_page(OWNER)
    open_trip(page, trip_id)

    video_figure = page.locator("#trip-photos figure.trip-photo", has_text="video")
    video_figure.locator("a").click()
    video = page.locator("#photo-viewer dialog video")
    expect(video).to_be_visible()
    page.wait_for_function(
        "document.querySelector('#photo-viewer video').readyState >= 1"
    )
    state = page.evaluate(
        """() => new Promise((resolve) => {
            const video = document.querySelector('#photo-viewer video');
            video.addEventListener('seeked', () => resolve({
                currentTime: video.currentTime,
                readyState: video.readyState,
                duration: video.duration,
            }), {once: true});
            video.currentTime = 1.5;
        })"""
    )
    assert abs(state["duration"] - 3.0) < 0.2, state
    assert abs(state["currentTime"] - 1.5) < 0.2, state
    assert state["readyState"] >= 2, state  # HAVE_CURRENT_DATA at the new time
    screenshot(page)


def test_viewer_downloads_a_large_original_streamed_through_the_server(
    open_page, owner_connected, trip_id, shared_state, fake_immich, tmp_path, screenshot
):
    from tests.fakes.immich.seed import PHOTO_IDS

    assert shared_state.get("all_srcs"), "needs the owner's flow above to have run"
    expected = fake_immich.assets[PHOTO_IDS["lisbon_midday"]].data
    page = open_page(OWNER)
    open_trip(page, trip_id)

    sizes = {}
    for src in shared_state["all_srcs"]:
        original = re.sub(r"/thumbnail$", "/original", src)
        head = page.request.get(original, headers={"Range": "bytes=0-0"})
        sizes[original] = head.headers.get("content-range", "")
    large = next(
        url for url, span in sizes.items() if span.endswith(f"/{len(expected)}")
    )

    with page.expect_download() as download_info:
        page.evaluate("(url) => { location.href = url; }", large)
    saved = tmp_path / "original.jpg"
    download_info.value.save_as(saved)
    assert saved.read_bytes() == expected
    screenshot(page)
