"""Run the fake Immich for a demo: python -m tests.fakes.immich [--version 3.0.3]."""

from __future__ import annotations

import argparse
import time

from tests.fakes.immich.seed import OLIVIA_KEY, OLIVIA_SCOPED_KEY, SAM_KEY
from tests.fakes.immich.server import MODES, VERSIONS, FakeImmich


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--version", choices=VERSIONS, default="2.7.3")
    parser.add_argument("--port", type=int, default=2283)
    parser.add_argument("--prefix", default="", help="serve under a subpath")
    parser.add_argument("--mode", choices=MODES, default="normal")
    options = parser.parse_args()

    fake = FakeImmich(options.version, path_prefix=options.prefix)
    fake.mode = options.mode
    fake.start(port=options.port)
    print(f"Fake Immich {options.version} at {fake.url}")
    print(f"  Olivia, every permission: {OLIVIA_KEY}")
    print(f"  Olivia, scoped key:       {OLIVIA_SCOPED_KEY}")
    print(f"  Sam, every permission:    {SAM_KEY}")
    print(f"Allow it with OUTBOUND_ALLOWLIST=127.0.0.1:{fake.port}. Ctrl-C stops.")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        fake.stop()


if __name__ == "__main__":
    main()
