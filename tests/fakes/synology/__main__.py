"""Run the fake NAS by hand: `python -m tests.fakes.synology [--tls]`."""

import sys
import threading

from tests.fakes.synology.server import FakeSynology


def main() -> None:
    nas = FakeSynology(tls="--tls" in sys.argv).start()
    nas.add_account("alice", "alice-password")
    two_factor = nas.add_two_factor_account("bob", "bob-password")
    print(f"Fake Synology Photos at {nas.url}")
    print("  alice / alice-password")
    print(f"  bob / bob-password, TOTP secret {two_factor.totp_secret}")
    print(f"Allow it with OUTBOUND_ALLOWLIST={nas.host_port}. Ctrl-C stops.")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        nas.stop()


if __name__ == "__main__":
    main()
