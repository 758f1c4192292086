"""Numbers too large for the database and unknown API paths get clear 4xx.

PostgreSQL finds no row for an id out of range (404); SQLite cannot even
compare it, which we answer with 400 and say why.
"""

import pytest

pytestmark = pytest.mark.django_db

TOO_BIG = 99999999999999999999999


def test_a_huge_id_in_a_page_address_is_a_404(web_for, trip, owner):
    response = web_for(owner).get(f"/trips/{TOO_BIG}/")
    assert response.status_code == 404


def test_a_huge_id_in_an_api_path_is_a_client_error(api_for, trip, owner):
    response = api_for(owner).delete(f"/api/trips/{trip.pk}/members/{TOO_BIG}/")
    assert response.status_code in (400, 404)
    assert response.json()["error"]


def test_a_huge_number_in_a_json_body_is_a_client_error(api_for, trip, owner, enable):
    enable("immich")
    response = api_for(owner).put(
        f"/api/integrations/memories/unified/trips/{trip.pk}/photos/sharing",
        {"photo_id": TOO_BIG, "shared": True},
        format="json",
    )
    assert response.status_code in (400, 404)
    assert response.json()["error"]


def test_an_unknown_api_path_answers_json(api_for, owner):
    response = api_for(owner).get("/api/no-such-thing")
    assert response.status_code == 404
    assert response.json() == {"error": "Not found."}


def test_an_unknown_page_answers_html(web_for, owner):
    response = web_for(owner).get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
