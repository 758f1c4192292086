import hashlib

from tests.journeys.images import image_bytes, upload


def upload_photo(client, entry, content=None, name="harbour.jpg"):
    content = content or image_bytes()
    response = client.post(
        f"/api/journeys/entries/{entry.pk}/photos",
        {"photos": [upload(name, content)]},
        format="multipart",
    )
    assert response.status_code == 201, response.json()
    return response.json()["photos"][0]


def upload_requests(fake) -> list:
    return [
        (request, response)
        for request, response in fake.exchanges
        if request.path.endswith("/api/assets") and request.method == "POST"
    ]


def assets_with(fake, content: bytes) -> list:
    digest = hashlib.sha1(content, usedforsecurity=False).digest()
    return [asset for asset in fake.assets.values() if asset.sha1 == digest]
