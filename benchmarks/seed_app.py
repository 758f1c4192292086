"""Seed the app's database for the benchmarks; prints `SEEDED <json>`.

Run inside the benchmark's DATA_DIR environment by benchmarks/run.py.
"""

import json
import sys

import django


def main(fakes: dict) -> None:
    django.setup()
    from rest_framework.authtoken.models import Token

    from addons.models import PhotoProvider
    from integrations.providers.immich.models import ImmichConnection
    from integrations.providers.synology.models import SynologyConnection
    from photos.models import Photo, TripPhoto
    from tests.factories import TripFactory, UserFactory

    PhotoProvider.objects.update(enabled=True)
    owner = UserFactory(username="olivia")
    ImmichConnection.objects.create(
        user=owner,
        server_url=fakes["immich"]["url"],
        api_key=fakes["immich"]["key"],
        server_version="2.7.3",
    )
    SynologyConnection.objects.create(
        user=owner,
        base_url=fakes["synology"]["url"],
        username="alice",
        password="alice-password",
    )
    trip = TripFactory(owner=owner)

    def photo(provider, asset_id, media_type="image"):
        made = Photo.objects.create(
            provider=provider, asset_id=asset_id, owner=owner, media_type=media_type
        )
        TripPhoto.objects.create(trip=trip, photo=made, added_by=owner)
        return made.pk

    immich = fakes["immich"]
    seeded = {
        "token": Token.objects.create(user=owner).key,
        "original_200mb": photo("immich", immich["original_200mb"], "video"),
        "original_1gb": photo("immich", immich["original_1gb"], "video"),
        "thumbnails": [photo("immich", a) for a in immich["thumbnails"]],
        "synology": [photo("synologyphotos", a) for a in fakes["synology"]["ids"]],
    }
    print("SEEDED " + json.dumps(seeded), flush=True)


if __name__ == "__main__":
    main(json.loads(sys.argv[1]))
