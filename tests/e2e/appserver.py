"""Serve the app the way `make run` does, in a subprocess, for browser tests and
the demo: migrate, collectstatic, ensure_admin, then gunicorn with threads.

DATABASE_URL and REDIS_URL are removed from its environment, so it runs on
the embedded defaults (SQLite in DATA_DIR, tasks in-process). The fakes are
admitted through OUTBOUND_ALLOWLIST; the network policy itself stays on.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
GUNICORN_ARGS = ["--workers", "2", "--threads", "8", "--timeout", "120"]
REMOVED = ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "DEBUG")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class AppServer:
    def __init__(
        self,
        data_dir: Path,
        *,
        allowlist: list[str],
        admin: tuple[str, str],
        port: int | None = None,
        log_path: Path | None = None,
    ):
        self.data_dir = Path(data_dir)
        self.port = port or free_port()
        self.log_path = log_path or self.data_dir / "gunicorn.log"
        self.env = {k: v for k, v in os.environ.items() if k not in REMOVED}
        self.env.update(
            DATA_DIR=str(self.data_dir),
            OUTBOUND_ALLOWLIST=",".join(allowlist),
            DJANGO_SUPERUSER_USERNAME=admin[0],
            DJANGO_SUPERUSER_PASSWORD=admin[1],
            PYTHONUNBUFFERED="1",
        )
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def manage(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=REPO,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            raise RuntimeError(f"manage.py {args[0]} failed:\n{done.stderr}")
        return done.stdout

    def prepare(self) -> AppServer:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.manage("migrate", "--noinput")
        self.manage("collectstatic", "--noinput", "--verbosity", "0")
        self.manage("ensure_admin")
        return self

    def shell(self, code: str) -> str:
        """Run Python inside the app's Django, e.g. to seed users."""
        return self.manage("shell", "-c", code)

    def start(self, timeout: float = 30.0) -> AppServer:
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "trek.wsgi",
                *GUNICORN_ARGS,
                "--bind",
                f"127.0.0.1:{self.port}",
            ],
            cwd=REPO,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        self._wait_until_healthy(timeout)
        return self

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)
        self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def _wait_until_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"gunicorn exited with {self.process.returncode}; "
                    f"see {self.log_path}"
                )
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2):
                    return
            except OSError:  # refused, reset or timed out while workers boot
                time.sleep(0.1)  # polling a starting server, bounded by deadline
        raise RuntimeError(f"the app did not answer within {timeout} s")
