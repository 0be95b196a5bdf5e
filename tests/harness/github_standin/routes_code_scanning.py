"""Code scanning: `POST /code-scanning/sarifs` (gzip + base64 SARIF), as GitHub checks it.

The upload is decoded and kept (`Repo`-keyed in `State.sarif_uploads`) so a test can assert
what code scanning received; an undecodable payload or an unknown commit is a 400, as on GitHub.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import json
import uuid
import zlib
from typing import Any

from tests.harness.github_standin.http import Call, HttpError, Reply
from tests.harness.github_standin.state import SarifUpload, State

SECURITY_EVENTS_W = (("security_events", "write"),)
MAX_GZIPPED = 10 * 1024 * 1024  # GitHub's limit on the compressed SARIF


def _decode(text: str) -> dict[str, Any]:
    try:
        raw = base64.b64decode(text, validate=True)
        if len(raw) > MAX_GZIPPED:
            raise HttpError(413, "Payload Too Large")
        data = json.loads(gzip.decompress(raw))
    except (binascii.Error, OSError, EOFError, zlib.error, ValueError) as exc:
        raise HttpError(400, f"Invalid request: sarif is not gzip+base64 JSON ({type(exc).__name__})") from None
    if not isinstance(data, dict) or data.get("version") != "2.1.0" or not isinstance(data.get("runs"), list):
        raise HttpError(400, "Invalid request: not a SARIF 2.1.0 log")
    return data


def upload_sarif(state: State, call: Call) -> Reply:
    assert call.repo is not None
    req = call.json or {}
    sha = str(req.get("commit_sha", ""))
    if not call.repo.store.exists(sha, "commit"):
        raise HttpError(400, f"Invalid request: commit {sha} not found")
    upload = SarifUpload(str(uuid.uuid4()), call.repo.full_name, sha, str(req.get("ref", "")),
                         _decode(str(req.get("sarif", ""))), req.get("tool_name"))
    state.sarif_uploads.append(upload)
    url = f"{call.repo.api}/repos/{call.repo.full_name}/code-scanning/sarifs/{upload.id}"
    return Reply(202, {"id": upload.id, "url": url})


ROUTES = {
    ("POST", "/repos/{owner}/{repo}/code-scanning/sarifs"): (upload_sarif, SECURITY_EVENTS_W),
}
