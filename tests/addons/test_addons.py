import pytest

from addons import state
from addons.models import Addon, PhotoProvider

pytestmark = pytest.mark.django_db


def test_everything_starts_switched_off():
    assert set(Addon.objects.values_list("pk", "enabled")) == {("journey", False)}
    assert set(PhotoProvider.objects.values_list("pk", "enabled")) == {
        ("immich", False),
        ("synologyphotos", False),
    }
    assert all(p.addon_id == "journey" for p in PhotoProvider.objects.all())


def test_addon_list_holds_only_what_is_switched_on(api_for, owner, enable):
    assert api_for(owner).get("/api/addons").json() == {"addons": []}
    enable("immich")
    addons = api_for(owner).get("/api/addons").json()["addons"]
    assert [a["id"] for a in addons] == ["immich"]


def test_providers_come_with_their_settings_fields_and_paths(api_for, owner, enable):
    enable("journey", "immich", "synologyphotos")
    addons = {a["id"]: a for a in api_for(owner).get("/api/addons").json()["addons"]}

    assert addons["journey"]["type"] == "global"
    immich = addons["immich"]
    assert immich["type"] == "photo_provider"
    assert immich["config"]["test_post"] == "/integrations/memories/immich/test"
    assert [f["key"] for f in immich["fields"]] == [
        "immich_url",
        "immich_api_key",
        "immich_auto_upload",
    ]
    api_key = immich["fields"][1]
    assert api_key["secret"] is True and api_key["settings_key"] is None
    synology_keys = [f["key"] for f in addons["synologyphotos"]["fields"]]
    assert synology_keys == [
        "synology_url",
        "synology_username",
        "synology_password",
        "synology_otp",
        "synology_skip_ssl",
    ]


def test_provider_switch_does_not_depend_on_the_journey_addon(enable):
    enable("synologyphotos")
    assert state.is_provider_enabled("synologyphotos")
    assert not state.is_addon_enabled("journey")


def test_staff_switch_a_provider_on_and_off(api_for, admin_user):
    client = api_for(admin_user)
    response = client.put("/api/admin/addons/immich", {"enabled": True}, format="json")
    assert response.status_code == 200
    assert response.json()["addon"]["enabled"] is True
    assert state.is_provider_enabled("immich")

    client.put("/api/admin/addons/immich", {"enabled": False}, format="json")
    assert not state.is_provider_enabled("immich")
    assert PhotoProvider.objects.filter(pk="immich").exists()


def test_staff_switch_the_journey_addon(api_for, admin_user):
    response = api_for(admin_user).put(
        "/api/admin/addons/journey", {"enabled": True}, format="json"
    )
    assert response.status_code == 200
    assert state.is_addon_enabled("journey")


def test_non_staff_cannot_switch_anything(api_for, owner):
    response = api_for(owner).put(
        "/api/admin/addons/immich", {"enabled": True}, format="json"
    )
    assert response.status_code == 403
    assert "error" in response.json()
    assert not state.is_provider_enabled("immich")


def test_anonymous_cannot_list_or_switch(api_for):
    assert api_for(None).get("/api/addons").status_code == 401
    response = api_for(None).put("/api/admin/addons/immich", {"enabled": True})
    assert response.status_code == 401


def test_unknown_addon_is_404(api_for, admin_user):
    response = api_for(admin_user).put(
        "/api/admin/addons/flux-capacitor", {"enabled": True}, format="json"
    )
    assert response.status_code == 404
    assert "error" in response.json()


def test_toggle_needs_a_boolean(api_for, admin_user):
    response = api_for(admin_user).put(
        "/api/admin/addons/immich", {"enabled": "perhaps"}, format="json"
    )
    assert response.status_code == 400
    assert "enabled" in response.json()["error"]
    assert not state.is_provider_enabled("immich")


def test_admin_changelist_switches_providers(client, admin_user):
    client.force_login(admin_user)
    page = client.get("/admin/addons/addon/journey/change/").content.decode()
    assert "Immich" in page and "Synology Photos" in page

    response = client.post(
        "/admin/addons/photoprovider/",
        {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "2",
            "form-0-id": "immich",
            "form-0-enabled": "on",
            "form-1-id": "synologyphotos",
            "form-1-enabled": "on",
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    assert state.is_provider_enabled("immich")
    assert state.is_provider_enabled("synologyphotos")


def test_journey_page_in_the_admin_switches_addon_and_providers(client, admin_user):
    client.force_login(admin_user)
    page = client.get("/admin/addons/addon/journey/change/").content.decode()
    assert 'name="photo_providers-0-id"' in page

    response = client.post(
        "/admin/addons/addon/journey/change/",
        {
            "enabled": "on",
            "photo_providers-TOTAL_FORMS": "2",
            "photo_providers-INITIAL_FORMS": "2",
            "photo_providers-MIN_NUM_FORMS": "0",
            "photo_providers-MAX_NUM_FORMS": "1000",
            "photo_providers-0-id": "immich",
            "photo_providers-0-addon": "journey",
            "photo_providers-0-enabled": "on",
            "photo_providers-1-id": "synologyphotos",
            "photo_providers-1-addon": "journey",
            "photo_providers-1-enabled": "on",
            "_save": "Save",
        },
    )

    assert response.status_code == 302, response.content.decode()
    assert state.is_addon_enabled("journey")
    assert state.is_provider_enabled("immich")
    assert state.is_provider_enabled("synologyphotos")


def test_photo_providers_section_appears_only_when_a_provider_is_on(
    web_for, owner, enable
):
    page = web_for(owner).get("/settings/integrations/").content.decode()
    assert "Photo Providers" not in page
    enable("immich")
    page = web_for(owner).get("/settings/integrations/").content.decode()
    assert "Photo Providers" in page
    assert 'id="provider-immich"' in page
    assert 'id="provider-synologyphotos"' not in page


def test_the_admin_does_not_show_api_tokens(client, admin_user, owner):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=owner)
    client.force_login(admin_user)

    assert client.get("/admin/authtoken/tokenproxy/").status_code == 404
    assert token.key not in client.get("/admin/").content.decode()
