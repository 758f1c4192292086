"""The bare streaming relay we compare our proxy with: a few lines of WSGI.

GET /<path> fetches BASELINE_UPSTREAM + /<path> with the API key and relays
the body chunk by chunk. No auth, no checks: the floor our proxy is held to.
Run: BASELINE_UPSTREAM=http://127.0.0.1:PORT BASELINE_KEY=... \
     gunicorn benchmarks.baseline_app:app --workers 1 --threads 8
"""

import os

import requests  # noqa: TID251 - a benchmark baseline, not app code

UPSTREAM = os.environ["BASELINE_UPSTREAM"]
KEY = os.environ["BASELINE_KEY"]
CHUNK = int(os.environ.get("BASELINE_CHUNK", 64 * 1024))
session = requests.Session()


def app(environ, start_response):
    upstream = session.get(
        UPSTREAM + environ["PATH_INFO"],
        headers={"x-api-key": KEY},
        stream=True,
        timeout=(5, 30),
    )
    headers = [
        (name, upstream.headers[name])
        for name in ("Content-Type", "Content-Length")
        if name in upstream.headers
    ]
    start_response(f"{upstream.status_code} {upstream.reason}", headers)
    return _Relay(upstream)


class _Relay:
    def __init__(self, upstream):
        self.upstream = upstream

    def __iter__(self):
        return self.upstream.iter_content(CHUNK)

    def close(self):
        self.upstream.close()
