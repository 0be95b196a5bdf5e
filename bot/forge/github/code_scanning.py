"""Upload SARIF to GitHub code scanning: `POST /repos/{owner}/{repo}/code-scanning/sarifs`.

The log is gzip-compressed and base64-encoded (GitHub's format), tied to the analysed commit
and ref; the upload runs under its own token narrowed to this repository and
`security_events: write`.
"""

from __future__ import annotations

import base64
import gzip
import json
import re
from dataclasses import dataclass
from typing import Any

from bot.errors import InputError
from bot.forge.github.auth import RepoRef, TokenBroker
from bot.forge.github.client import Api, ClientConfig, github_client
from bot.forge.github.permissions import NEEDS

SHA = re.compile(r"^[0-9a-fA-F]{40}(?:[0-9a-fA-F]{24})?$")
REF = re.compile(r"^refs/(heads|tags|pull)/.+$")
MAX_GZIPPED = 10 * 1024 * 1024  # GitHub refuses larger uploads (413)


@dataclass(frozen=True)
class SarifUpload:
    id: str
    url: str


def encode_sarif(sarif: dict[str, Any]) -> str:
    """gzip + base64, as GitHub expects; refuses a log over GitHub's size limit."""
    packed = gzip.compress(json.dumps(sarif, separators=(",", ":")).encode(), mtime=0)
    if len(packed) > MAX_GZIPPED:
        raise InputError(f"SARIF is {len(packed)} bytes gzipped; GitHub accepts at most {MAX_GZIPPED}")
    return base64.b64encode(packed).decode("ascii")


def upload_body(sarif: dict[str, Any], commit_sha: str, ref: str, tool_name: str = "fixbot") -> dict[str, Any]:
    if not SHA.match(commit_sha):
        raise InputError(f"commit sha {commit_sha!r} is not a full 40-hex commit id", hint="set GITHUB_SHA")
    if not REF.match(ref):
        raise InputError(f"ref {ref!r} is not refs/heads/…, refs/tags/… or refs/pull/…", hint="set GITHUB_REF")
    return {"commit_sha": commit_sha, "ref": ref, "sarif": encode_sarif(sarif), "tool_name": tool_name}


def upload_sarif(broker: TokenBroker, repo: RepoRef, client: ClientConfig, sarif: dict[str, Any],
                 commit_sha: str, ref: str) -> SarifUpload:
    body = upload_body(sarif, commit_sha, ref)
    with broker.token(repo, NEEDS["upload_sarif"]) as tok:
        api = Api(github_client(tok.value, client), repo.full_name, client)
        data = api.json("POST", "/code-scanning/sarifs", body, "upload SARIF")
    return SarifUpload(id=str(data.get("id", "")), url=str(data.get("url", "")))
