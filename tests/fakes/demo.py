"""`make demo`: the app with a fake Immich and a fake Synology NAS, ready to try.

Serves the app as `make run` does, but on its own DATA_DIR (./data-demo), so
your own data is never touched. Signs in: an administrator, and a demo user
whose Immich and Synology Photos (no two-factor) are connected, with a trip
whose dates match the sample photos. Ctrl-C stops everything.
"""

from __future__ import annotations

import argparse
import os
import signal
import threading
from pathlib import Path

from tests.e2e import seeding
from tests.e2e.appserver import REPO, AppServer
from tests.fakes.immich.seed import OLIVIA_KEY, TRIP_FIRST_DAY, TRIP_LAST_DAY
from tests.fakes.immich.seed import VIDEO_ID as IMMICH_VIDEO_ID
from tests.fakes.immich.server import FakeImmich
from tests.fakes.media import video_bytes
from tests.fakes.synology import FakeSynology

ADMIN = ("admin", "demo-admin")
USER = ("demo", "demo-user")
FRIEND = ("friend", "demo-friend")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
    parser.add_argument("--data-dir", type=Path, default=REPO / "data-demo")
    options = parser.parse_args()

    immich = FakeImmich("2.7.3")
    immich.assets[IMMICH_VIDEO_ID].data = video_bytes()  # a video that plays
    immich.start()
    nas = FakeSynology().start()
    nas.add_account("alice", "alice-password")
    app = AppServer(
        options.data_dir,
        allowlist=[immich.host_port, nas.host_port],
        admin=ADMIN,
        port=options.port,
    )
    try:
        print("Preparing the demo database in", options.data_dir)
        app.prepare()
        app.shell(_seed_code(immich, nas))
        app.start(timeout=60)
        _announce(app, immich, nas)
        _wait_for_ctrl_c()
    finally:
        print("\nStopping the demo…")
        app.stop()
        nas.stop()
        immich.stop()


def _seed_code(immich: FakeImmich, nas: FakeSynology) -> str:
    steps = [
        seeding.call("create_users", names=[USER[0]], password=USER[1]),
        seeding.call("create_users", names=[FRIEND[0]], password=FRIEND[1]),
        seeding.call("switch_on", ids=["journey", "immich", "synologyphotos"]),
        seeding.call(
            "connect_immich",
            username=USER[0],
            url=immich.url,
            api_key=OLIVIA_KEY,
            mirror=True,
        ),
        seeding.call(
            "connect_synology",
            username=USER[0],
            url=nas.url,
            account="alice",
            password="alice-password",
        ),
        seeding.call(
            "create_trip",
            owner=USER[0],
            title="Lisbon and around the world",
            start=TRIP_FIRST_DAY,
            end=TRIP_LAST_DAY,
            members=[FRIEND[0]],
        ),
    ]
    return "\n".join(steps)


def _announce(app: AppServer, immich: FakeImmich, nas: FakeSynology) -> None:
    print(f"\nTREK demo on {app.url}")
    print(f"  administrator: {ADMIN[0]} / {ADMIN[1]}")
    print(f"  user with Immich and Synology connected: {USER[0]} / {USER[1]}")
    print(f"  trip member: {FRIEND[0]} / {FRIEND[1]}")
    print(f"Fake Immich at {immich.url}, fake Synology Photos at {nas.url}")
    print(f"App log: {app.log_path}. Ctrl-C stops everything.", flush=True)


def _wait_for_ctrl_c() -> None:
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
