"""Checks every exchange with the fake against Immich's official OpenAPI spec.

Our client's requests and the fake's responses are both validated with
openapi-core against the spec of the version the fake imitates, so neither
can drift from what a real server of that version accepts and returns.
The spec files are read from IMMICH_OPENAPI_DIR, by default from the shared
reference folder that sits beside the repository (../shared/reference).
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

_BESIDE_THE_REPOSITORY = Path(__file__).resolve().parents[4] / "shared" / "reference"
SPEC_DIR = Path(os.environ.get("IMMICH_OPENAPI_DIR", _BESIDE_THE_REPOSITORY))
SPEC_FILES = {
    "1.118.2": "immich-openapi-specs-1.118.2.json",
    "1.132.3": "immich-openapi-specs-1.132.3.json",
    "2.7.3": "immich-openapi-specs-2.7.3.json",
    "3.0.3": "immich-openapi-specs.json",
}


def spec_path(version: str) -> Path:
    return SPEC_DIR / SPEC_FILES[version]


@cache
def _openapi(version: str) -> tuple[OpenAPI, dict]:
    raw = json.loads(spec_path(version).read_text())
    # The official specs are known-valid; skipping the meta-check saves seconds.
    from openapi_core import Config

    return OpenAPI.from_dict(raw, config=Config(spec_validator_cls=None)), raw


class _Request:
    """The openapi-core view of a request the fake received, minus its prefix."""

    def __init__(self, request, path: str):
        self.host_url = request.host_url
        self.path = path
        self.method = request.method.lower()
        self.body = request.get_data(cache=True, parse_form_data=False)
        self.content_type = request.content_type or "application/octet-stream"
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(request.args),
            header=Headers(request.headers),
            cookie=request.cookies,
        )


class _Response:
    def __init__(self, response):
        self.data = response.get_data()
        self.status_code = response.status_code
        self.content_type = response.mimetype or ""
        self.headers = Headers(response.headers)


class SpecChecker:
    """Collects every spec violation seen on one fake server into `problems`."""

    def __init__(self, version: str, path_prefix: str = ""):
        self.version = version
        self.path_prefix = path_prefix
        self.openapi, self.raw = _openapi(version)
        self.problems: list[str] = []
        self.checked = 0

    def __call__(self, request, response) -> None:
        path = request.path[len(self.path_prefix) :]
        if not path.startswith("/api/") or response.status_code >= 500:
            return  # the web app, or a failure staged on purpose
        wrapped = _Request(request, path)
        label = f"{request.method} {path} -> {response.status_code}"
        self._check_request(wrapped, label)
        if self._documented(wrapped, response.status_code):
            self._check_response(wrapped, response, label)
        self.checked += 1

    def _check_request(self, wrapped, label: str) -> None:
        for error in self.openapi.iter_request_errors(wrapped):
            if _is_security_only(error):
                continue
            self.problems.append(f"request {label}: {_explain(error)}")
        self.problems.extend(
            f"request {label}: {text}" for text in self._unknown_body_fields(wrapped)
        )

    def _check_response(self, wrapped, response, label: str) -> None:
        adapted = _Response(response)
        if adapted.content_type.startswith(("image/", "video/")):
            # The spec declares binaries as application/octet-stream; the real
            # server sends the file's own type. Only the status is checked.
            return
        for error in self.openapi.iter_response_errors(wrapped, adapted):
            self.problems.append(f"response {label}: {_explain(error)}")

    def _operation(self, wrapped) -> dict | None:
        relative = wrapped.path[len("/api") :]
        for template, operations in self.raw["paths"].items():
            if _template_matches(template, relative):
                return operations.get(wrapped.method)
        return None

    def _documented(self, wrapped, status: int) -> bool:
        operation = self._operation(wrapped)
        return bool(operation) and str(status) in operation.get("responses", {})

    def _unknown_body_fields(self, wrapped) -> list[str]:
        """JSON body fields this version does not know (it would ignore them)."""
        operation = self._operation(wrapped)
        if not operation or not wrapped.content_type.startswith("application/json"):
            return []
        schema = (
            operation.get("requestBody", {})
            .get("content", {})
            .get("application/json", {})
            .get("schema", {})
        )
        known = self._resolve(schema).get("properties", {})
        body = json.loads(wrapped.body or b"{}")
        return [
            f"field '{name}' is not in the {self.version} schema"
            for name in body
            if known and name not in known
        ]

    def _resolve(self, schema: dict) -> dict:
        ref = schema.get("$ref")
        if not ref:
            return schema
        return self.raw["components"]["schemas"][ref.rsplit("/", 1)[-1]]


def _template_matches(template: str, path: str) -> bool:
    wanted, actual = template.strip("/").split("/"), path.strip("/").split("/")
    return len(wanted) == len(actual) and all(
        part.startswith("{") or part == given
        for part, given in zip(wanted, actual, strict=True)
    )


def _is_security_only(error) -> bool:
    # The fake authenticates with x-api-key; openapi-core sees that scheme too,
    # so security errors mean "no credentials", which the fake tests on purpose.
    return type(error).__name__ == "SecurityValidationError"


def _explain(error) -> str:
    text = str(error)
    cause = error.__cause__
    while cause is not None:
        details = getattr(cause, "schema_errors", None)
        if details:
            text = str(error)[:80] + " ".join(
                f"[{'/'.join(map(str, item.absolute_path))}: {item.message[:160]}]"
                for item in details
            )
            break
        text += f": {cause}"
        cause = cause.__cause__
    return text
