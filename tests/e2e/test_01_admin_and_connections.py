"""An administrator switches the providers on; a user connects both servers."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.conftest import ADMIN, OWNER


def test_admin_switches_on_journey_immich_and_synology_in_the_admin(
    open_page, screenshot
):
    page = open_page(*ADMIN)

    page.get_by_role("link", name="Admin").click()
    page.locator("a[href$='/admin/addons/addon/']").first.click()
    page.locator("#result_list").get_by_role("link", name="Journey").click()
    expect(page).to_have_url(re.compile(r"/admin/addons/addon/journey/change/$"))
    page.locator("#id_enabled").check()
    for provider in ("Immich", "Synology Photos"):
        row = page.locator("tr.form-row", has_text=provider)
        row.locator("input[type=checkbox][name$='-enabled']").check()
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_load_state()
    screenshot(page, "-after-save")

    expect(page.locator(".messagelist .success")).to_be_visible()
    page.goto("/admin/addons/addon/journey/change/")
    expect(page.locator("#id_enabled")).to_be_checked()
    for provider in ("Immich", "Synology Photos"):
        row = page.locator("tr.form-row", has_text=provider)
        expect(row.locator("input[name$='-enabled']")).to_be_checked()
    screenshot(page)


def test_user_connects_immich_after_a_wrong_key(
    open_page, providers_on, fake_immich, screenshot
):
    from tests.fakes.immich.seed import OLIVIA_KEY

    page = open_page(OWNER)
    page.get_by_role("link", name="Settings").click()
    card = page.locator("#provider-immich")

    card.get_by_label("Server URL").fill(fake_immich.url)
    card.get_by_label("API key").fill("not-the-right-key")
    card.get_by_role("button", name="Test Connection").click()
    expect(card.get_by_role("alert").first).to_be_visible()
    expect(card.locator(".badge.connected")).to_have_count(0)

    card.get_by_label("Server URL").fill(fake_immich.url)
    card.get_by_label("API key").fill(OLIVIA_KEY)
    card.get_by_role("button", name="Test Connection").click()
    expect(card.locator(".badge.connected")).to_have_text("Connected")
    expect(card).to_contain_text("Olivia Traveller")

    card.get_by_label("API key").fill(OLIVIA_KEY)
    card.get_by_label("Mirror journey photos to Immich on upload").check()
    card.get_by_role("button", name="Save").click()
    expect(card).to_contain_text("Immich settings saved.")
    # Saving a new key forgets the earlier test; one more test on the saved
    # key (blank field) shows the badge for what is stored.
    card.get_by_role("button", name="Test Connection").click()
    expect(card.locator(".badge.connected")).to_have_text("Connected")
    page.reload()
    card = page.locator("#provider-immich")
    expect(card.locator(".badge.connected")).to_have_text("Connected")
    expect(card).to_contain_text("Olivia Traveller")
    screenshot(page)


def test_user_connects_synology_with_two_factor_once_and_it_survives_a_restart(
    open_page, providers_on, app, fake_synology, screenshot
):
    bob = fake_synology.accounts["bob"]
    page = open_page(OWNER)
    page.get_by_role("link", name="Settings").click()
    card = page.locator("#provider-synologyphotos")

    card.get_by_label("Server URL").fill(fake_synology.url)
    card.get_by_label("Username").fill("bob")
    card.get_by_label("Password").fill("bob-password")
    card.get_by_role("button", name="Test Connection").click()
    expect(card.get_by_role("alert")).to_be_visible()
    expect(card.locator(".badge.connected")).to_have_count(0)

    card.get_by_label("Password").fill("bob-password")
    card.get_by_label("One-time code").fill(bob.current_code())
    card.get_by_role("button", name="Test Connection").click()
    expect(card.locator(".badge.connected")).to_have_text("Connected")
    card.get_by_label("Password").fill("bob-password")
    card.get_by_role("button", name="Save").click()
    expect(card).to_contain_text("Saved.")
    expect(card.locator(".badge.connected")).to_have_text("Connected")

    app.restart()
    fake_synology.expire_sessions()  # the NAS rebooted too: a fresh sign-in
    logins = fake_synology.logins
    page.reload()
    card = page.locator("#provider-synologyphotos")
    expect(card.get_by_label("One-time code")).to_have_value("")
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        card.get_by_role("button", name="Test Connection").click()
    assert answer.value.ok
    expect(card.locator(".badge.connected")).to_have_text("Connected")
    expect(card.get_by_role("alert")).to_have_count(0)
    assert fake_synology.logins == logins + 1  # signed in again, with no code
    screenshot(page)
