"""The fake Immich for the benchmarks, in its own process, with big files added.

Prints one line `READY <json>` with its port and the ids it made, then serves
until killed. Run by benchmarks/run.py; not for tests.
"""

import json
import sys
import threading
from datetime import UTC, datetime

from tests.fakes.immich.library import FakeAsset, stable_uuid
from tests.fakes.immich.seed import OLIVIA_KEY
from tests.fakes.immich.server import FakeImmich

MB = 1024 * 1024


def big_video(fake, name: str, megabytes: int) -> str:
    """A video asset of the given size; its bytes are a repeated pattern."""
    owner = next(iter(fake.users.values()))
    asset_id = stable_uuid(f"bench:{name}")
    block = bytes(range(256)) * 4096  # 1 MiB
    item = FakeAsset(
        asset_id,
        owner.id,
        f"{name}.mp4",
        "video/mp4",
        block * megabytes,
        datetime(2024, 6, 3, 12, 0, tzinfo=UTC),
        kind="VIDEO",
    )
    fake._add(item)
    return asset_id


def thumbnail_photos(fake, count: int) -> list[str]:
    owner = next(iter(fake.users.values()))
    template = next(a for a in fake.assets.values() if a.kind == "IMAGE")
    ids = []
    for number in range(count):
        asset_id = stable_uuid(f"bench:thumb:{number}")
        item = FakeAsset(
            asset_id,
            owner.id,
            f"thumb_{number}.jpg",
            "image/jpeg",
            template.data,
            template.local_time,
        )
        # Reuse the template's renditions: Pillow per asset is not what we measure.
        item.thumbnail, item.preview = template.thumbnail, template.preview
        fake.assets[asset_id] = item
        ids.append(asset_id)
    return ids


def main() -> None:
    fake = FakeImmich("2.7.3")
    ids = {
        "original_200mb": big_video(fake, "original_200mb", 200),
        "original_1gb": big_video(fake, "original_1gb", 1024),
        "thumbnails": thumbnail_photos(fake, 200),
    }
    fake.start()
    ready = {"url": fake.url, "host_port": fake.host_port, "key": OLIVIA_KEY, **ids}
    print("READY " + json.dumps(ready), flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    sys.exit(main())
