"""Measure the streaming proxy on loopback and print the figures.

    .venv/bin/python -m benchmarks.run            # everything, about two minutes
    .venv/bin/python -m benchmarks.run --only throughput

It starts the fake Immich (own process) and the fake Synology NAS (a thread
here), seeds a throwaway DATA_DIR, serves the app and the bare baseline relay
with the same gunicorn settings, measures, and stops everything it started.
These are figures to read, not pass/fail tests.
"""

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests  # noqa: TID251 - the benchmark's HTTP client, not app code

from tests.fakes.synology.server import FakeSynology

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# The Makefile's production settings: two workers of eight threads each.
GUNICORN = [str(Path(PYTHON).parent / "gunicorn"), "--workers", "2", "--threads", "8"]
GUNICORN += ["--timeout", "120", "--log-level", "warning"]
SYNOLOGY_IDS = [
    "88412_88412_1717412209",
    "88430_88430_1717412209",
    "88455_86970_1717412209",
    "88470_88470_1717412209",
    "88480_88480_1717412209",
]
MB = 1024 * 1024


class Bench:
    def __init__(self):
        self.data_dir = Path(tempfile.mkdtemp(prefix="trek-bench-"))
        self.processes: list[subprocess.Popen] = []
        self.nas = None

    # --- setting up ------------------------------------------------------------

    def start(self):
        fake = self.spawn([PYTHON, "-m", "benchmarks.fake_servers"], os.environ)
        self.immich = json.loads(self.read_marker(fake, "READY"))
        self.nas = FakeSynology().start()
        self.nas.add_account("alice", "alice-password")

        self.env = {
            **os.environ,
            "DATA_DIR": str(self.data_dir),
            "REDIS_URL": "",
            "LOG_LEVEL": "WARNING",
            "OUTBOUND_ALLOWLIST": f"{self.immich['host_port']},{self.nas.host_port}",
            "DJANGO_SETTINGS_MODULE": "trek.settings",
        }
        self.env.pop("DATABASE_URL", None)
        subprocess.run(
            [PYTHON, "manage.py", "migrate", "-v", "0"],
            env=self.env,
            cwd=ROOT,
            check=True,
        )
        fakes = {
            "immich": self.immich,
            "synology": {"url": self.nas.url, "ids": SYNOLOGY_IDS},
        }
        seeder = self.spawn(
            [PYTHON, "-m", "benchmarks.seed_app", json.dumps(fakes)], self.env
        )
        self.seeded = json.loads(self.read_marker(seeder, "SEEDED"))

        self.app_port, self.base_port = free_port(), free_port()
        self.app = self.spawn(
            [*GUNICORN, "--bind", f"127.0.0.1:{self.app_port}", "trek.wsgi"], self.env
        )
        base_env = {
            **self.env,
            "BASELINE_UPSTREAM": self.immich["url"],
            "BASELINE_KEY": self.immich["key"],
        }
        self.base = self.spawn(
            [
                *GUNICORN,
                "--bind",
                f"127.0.0.1:{self.base_port}",
                "benchmarks.baseline_app:app",
            ],
            base_env,
        )
        wait_for_port(self.app_port)
        wait_for_port(self.base_port)
        self.auth = {"Authorization": f"Token {self.seeded['token']}"}

    def spawn(self, command, env) -> subprocess.Popen:
        process = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        self.processes.append(process)
        return process

    @staticmethod
    def read_marker(process, marker: str) -> str:
        for line in process.stdout:
            if line.startswith(marker + " "):
                return line[len(marker) + 1 :]
        raise RuntimeError(f"{marker} line never came")

    def stop(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()
        if self.nas is not None:
            self.nas.stop()
        shutil.rmtree(self.data_dir, ignore_errors=True)

    # --- urls --------------------------------------------------------------------

    def direct_original(self, name):
        return f"{self.immich['url']}/api/assets/{self.immich[name]}/original"

    def baseline_original(self, name):
        return (
            f"http://127.0.0.1:{self.base_port}/api/assets/{self.immich[name]}/original"
        )

    def proxy(self, photo_id, kind):
        return f"http://127.0.0.1:{self.app_port}/api/photos/{photo_id}/{kind}"

    # --- measurements ----------------------------------------------------------------

    def throughput(self, rounds=9) -> dict:
        """MB/s for the 200 MB original: direct, baseline relay, our proxy.

        The three run back to back in each round, and the proxy/baseline ratio
        is the median of the per-round ratios: on a small machine the fake,
        the server and curl share the CPUs, and neighbouring runs share the
        same conditions.
        """
        ways = {
            "direct": (
                self.direct_original("original_200mb"),
                "x-api-key: " + self.immich["key"],
            ),
            "baseline": (self.baseline_original("original_200mb"), ""),
            "proxy": (
                self.proxy(self.seeded["original_200mb"], "original"),
                "Authorization: " + self.auth["Authorization"],
            ),
        }
        speeds = {way: [] for way in ways}
        for _ in range(rounds):
            for way, (url, header) in ways.items():
                size, speed = curl(url, header)
                assert size == 200 * MB, (way, size)
                speeds[way].append(speed / MB)
        result = {way: statistics.median(values) for way, values in speeds.items()}
        ratios = [
            p / b for p, b in zip(speeds["proxy"], speeds["baseline"], strict=True)
        ]
        result["proxy/baseline"] = statistics.median(ratios)
        result["proxy/baseline range"] = [min(ratios), max(ratios)]
        return result

    def memory(self) -> dict:
        """Peak RSS growth of the web worker while streaming the 1 GB original."""
        proxy_header = "Authorization: " + self.auth["Authorization"]
        thumb_id = self.immich["thumbnails"][0]
        ways = {
            "proxy": (
                self.app,
                self.proxy(self.seeded["original_1gb"], "original"),
                self.proxy(self.seeded["thumbnails"][0], "thumbnail"),
                proxy_header,
            ),
            "baseline": (
                self.base,
                self.baseline_original("original_1gb"),
                f"http://127.0.0.1:{self.base_port}/api/assets/{thumb_id}/thumbnail",
                "",
            ),
        }
        growth = {}
        for name, (master, url, warm_url, header) in ways.items():
            workers = worker_pids(master.pid)
            for _ in workers:  # load the code paths in each worker first
                curl(warm_url, header)
            before = {}
            for worker in workers:
                Path(f"/proc/{worker}/clear_refs").write_text("5")  # reset the peak
                before[worker] = proc_kb(worker, "VmRSS")
            size, _ = curl(url, header)
            assert size == 1024 * MB, (name, size)
            growth[name] = max(
                (proc_kb(worker, "VmHWM") - before[worker]) / 1024 for worker in workers
            )
        return growth

    def thumbnails(self, clients=20) -> dict:
        """Seconds for 200 thumbnails fetched by 20 clients: cold, then warm."""
        urls = [self.proxy(pk, "thumbnail") for pk in self.seeded["thumbnails"]]
        header = "Authorization: " + self.auth["Authorization"]
        timings = {}
        for label in ("cold", "warm"):
            started = time.perf_counter()
            statuses = curl_parallel(urls, header, clients)
            timings[label] = time.perf_counter() - started
            assert statuses == ["200"] * len(urls), set(statuses)
        timings["speedup"] = timings["cold"] / timings["warm"]
        return timings

    def synology_logins(self, requests_count=500, clients=20) -> dict:
        """Sign-ins the NAS saw for 500 previews (each one a NAS thumbnail call)."""
        photo_ids = self.seeded["synology"]
        urls = [
            self.proxy(photo_ids[n % len(photo_ids)], "preview")
            for n in range(requests_count)
        ]
        session_by_thread = threading.local()

        def fetch(url):
            if not hasattr(session_by_thread, "session"):
                session_by_thread.session = requests.Session()
            response = session_by_thread.session.get(url, headers=self.auth, timeout=60)
            assert response.status_code == 200, response.text[:200]

        with ThreadPoolExecutor(clients) as pool:
            list(pool.map(fetch, urls))
        return {
            "requests": requests_count,
            "nas_thumbnail_calls": self.nas.count("SYNO.Foto.Thumbnail"),
            "logins": self.nas.logins,
        }


# --- helpers ------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, seconds=30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing listens on {port}")


def curl(url, header="") -> tuple[int, float]:
    """Download to nowhere; the bytes received and the mean speed in bytes/s."""
    command = [
        "curl",
        "-sS",
        "-o",
        "/dev/null",
        "-w",
        "%{size_download} %{speed_download}",
    ]
    if header:
        command += ["-H", header]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True)
    size, speed = output.stdout.split()
    return int(size), float(speed)


def curl_parallel(urls, header, clients) -> list[str]:
    """GET every URL with `clients` transfers at a time; the status codes."""
    config = "".join(f'url = "{url}"\noutput = "/dev/null"\n' for url in urls)
    command = ["curl", "-sS", "-Z", "--parallel-max", str(clients), "-K", "-"]
    command += ["-H", header, "-w", "%{http_code}\n"]
    output = subprocess.run(
        command, input=config, capture_output=True, text=True, check=True
    )
    return output.stdout.split()


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(child) for child in children]


def proc_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--only", choices=["throughput", "memory", "thumbnails", "synology"]
    )
    options = parser.parse_args()
    bench = Bench()
    try:
        bench.start()
        for name, measure in (
            ("throughput", bench.throughput),
            ("memory", bench.memory),
            ("thumbnails", bench.thumbnails),
            ("synology", bench.synology_logins),
        ):
            if options.only in (None, name):
                print(name, json.dumps(measure(), indent=2), flush=True)
    finally:
        bench.stop()


if __name__ == "__main__":
    main()
