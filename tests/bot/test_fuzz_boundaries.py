"""Fuzz pass on every input boundary: a clear error (FixbotError → exit 2, an `errors` entry, a 4xx),
never a traceback (exit 3) and never a 5xx.

Boundaries: findings files of every format (checkov, SARIF, ASFF, SCC, Defender, Falco, OSV),
`.fixbot.yml`, the state JSON files (forge.json, lifecycle.json), webhook bodies, CLI arguments.
Inputs are real fixtures mutated structurally (a value replaced by a hostile one: wrong type,
5,000-digit number, deep nesting, control characters, NaN) or byte-wise (truncated, bytes
flipped, BOM or UTF-16), plus wholly random documents. Bounded by the `ci` Hypothesis profile;
`HYPOTHESIS_PROFILE=deep` runs many more.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from bot.cli.main import main
from bot.config import load_repo_config
from bot.errors import FixbotError
from bot.forge.local import LocalForge
from bot.lifecycle.ledger import BotState
from bot.planner import plan_findings
from bot.scan_stages import ScanRequest, scan
from bot.server.app import create_app
from bot.server.events import router
from bot.server.queue.backend import build_backend
from bot.server.signature import sign
from tests.harness.gitrepo import make_repo

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
FINDINGS = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".json", ".jsonl", ".sarif"))
HUGE = "__HUGE_INT__"
DEEP = "__DEEP__"
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30), st.sampled_from(["", "\x00", "a\nFixbot-Decision: allow", "../../etc/passwd", "/abs",
                                           "‮evil", HUGE, DEEP, "-1", "1e309", "C:\\x", "*", "${x}"]),
)
JSON = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                     st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                    max_leaves=12)


def scaled(factor: float) -> int:
    """Examples for one boundary: a multiple of the profile's count (ci: 60, deep: 600)."""
    return int(settings.default.max_examples * factor)


def _paths(doc: Any, prefix: tuple[Any, ...] = (), out: list[tuple[Any, ...]] | None = None) -> list[tuple[Any, ...]]:
    out = [] if out is None else out
    if len(out) > 400:
        return out
    out.append(prefix)
    items = doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else ()
    for key, value in items:
        _paths(value, (*prefix, key), out)
    return out


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    return doc


def _dump(doc: Any) -> bytes:
    text = json.dumps(doc, ensure_ascii=False)
    return text.replace(f'"{HUGE}"', "9" * 5000).replace(f'"{DEEP}"', "[" * 5000 + "]" * 5000).encode("utf-8")


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """One hostile variant of a valid JSON (or JSON Lines) document."""
    mode = draw(st.sampled_from(["value", "value", "value", "delete", "truncate", "flip", "bom", "utf16", "random"]))
    if mode in ("value", "delete"):
        lines = original.decode("utf-8-sig").splitlines() if original.lstrip().startswith(b"{\"") and \
            b"\n{" in original else [original.decode("utf-8-sig")]
        i = draw(st.integers(0, len(lines) - 1))
        doc = json.loads(lines[i])
        path = draw(st.sampled_from(_paths(doc)))
        if mode == "delete" and path:
            parent = doc
            for key in path[:-1]:
                parent = parent[key]
            del parent[path[-1]]
        else:
            doc = _set(doc, path, draw(JSON))
        lines[i] = _dump(doc).decode("utf-8")
        return "\n".join(lines).encode("utf-8")
    if mode == "truncate":
        return original[: draw(st.integers(0, max(0, len(original) - 1)))]
    if mode == "flip":
        data = bytearray(original)
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data)
    if mode == "bom":
        return b"\xef\xbb\xbf" + original
    if mode == "utf16":
        return original.decode("utf-8").encode("utf-16")
    return _dump(draw(JSON))


def _clear(fn: Callable[[], Any]) -> None:
    """The invariant: success, or a FixbotError (what the CLI turns into exit 2)."""
    with contextlib.suppress(FixbotError):
        fn()


@pytest.fixture(scope="module")
def scan_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz") / "repo"
    shutil.copytree(FIXTURES / "repo", root)
    return root


@settings(max_examples=scaled(2))
@given(data=st.data())
def test_findings_files_of_every_format(data: st.DataObject, scan_repo: Path, tmp_path_factory) -> None:
    source = data.draw(st.sampled_from(FINDINGS))
    raw = data.draw(mutated(source.read_bytes()))
    path = tmp_path_factory.mktemp("f") / source.name
    path.write_bytes(raw)

    def run() -> None:
        outcome = scan(ScanRequest(root=scan_repo, findings_files=(path,), run_checkov=False))
        plan_findings(outcome.assessments, outcome.inventory, scan_repo, outcome.config)

    _clear(run)


HOSTILE = ["9" * 5000, "{" * 400, "[" * 2000, "\x00", "\ufeff", "\r", "${", "<<EOF\n", "&a [*a, *a]\n", "\t",
           "\u2028", "\udcff", "{{ .Values.x }}", "\n---\n", "resource \"x\" {", "\xe9"]
REPO_FILES = ("main.tf", "k8s/app.yaml")


@settings(max_examples=scaled(1.5))
@given(data=st.data())
def test_repository_files(data: st.DataObject, scan_repo: Path, tmp_path_factory) -> None:
    root = tmp_path_factory.mktemp("files") / "repo"
    shutil.copytree(scan_repo, root)
    for rel in REPO_FILES:
        original = (root / rel).read_bytes()
        if data.draw(st.booleans()):
            continue
        if data.draw(st.booleans()):
            at = data.draw(st.integers(0, len(original)))
            snippet = data.draw(st.sampled_from(HOSTILE)).encode("utf-8", "surrogatepass")
            (root / rel).write_bytes(original[:at] + snippet + original[at:])
        else:
            (root / rel).write_bytes(data.draw(mutated(original)) if rel.endswith(".json") else
                                     original[: data.draw(st.integers(0, len(original)))])

    def run() -> None:
        outcome = scan(ScanRequest(root=root, findings_files=(FIXTURES / "checkov.json",), run_checkov=False))
        plan_findings(outcome.assessments, outcome.inventory, root, outcome.config)

    _clear(run)


CONFIG_KEYS = ["version", "default_environment", "environments", "default_data_classification",
               "default_criticality", "risk_weights", "parameters", "accepted_risks", "ignore_paths",
               "max_file_bytes", "caps", "bot_user", "enviroments"]


@settings(max_examples=scaled(1))
@given(doc=st.one_of(st.dictionaries(st.sampled_from(CONFIG_KEYS), JSON, max_size=4), JSON),
       raw=st.one_of(st.none(), st.binary(max_size=64)))
def test_fixbot_yml(doc: Any, raw: bytes | None, scan_repo: Path, tmp_path_factory) -> None:
    root = tmp_path_factory.mktemp("cfg")
    shutil.copytree(scan_repo, root, dirs_exist_ok=True)
    (root / ".fixbot.yml").write_bytes(raw if raw is not None else _dump(doc))
    _clear(lambda: (load_repo_config(root), scan(ScanRequest(root=root, run_checkov=False))))


@pytest.fixture(scope="module")
def state_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, bytes]]:
    repo = make_repo(tmp_path_factory.mktemp("state") / "repo", {"main.tf": 'resource "x" "y" {}\n'})
    forge = LocalForge(repo)
    base = forge.head_sha("main") or ""
    forge.create_branch("fixbot/fix/a", base)
    forge.open_pr("fixbot/fix/a", "main", "t", "b")
    yield repo, (forge.state_dir / "forge.json").read_bytes()


@settings(max_examples=scaled(1))
@given(data=st.data())
def test_state_json_files(data: st.DataObject, state_repo: tuple[Path, bytes], capsys) -> None:
    repo, good = state_repo
    state = LocalForge(repo).state_dir
    for name in ("forge.json.bak", "lifecycle.json.bak"):
        (state / name).unlink(missing_ok=True)
    (state / "forge.json").write_bytes(data.draw(mutated(good)))
    (state / "lifecycle.json").write_bytes(data.draw(mutated(b'{"schema": 1, "items": {"r": {"resource": "r"}}}')))
    _clear(lambda: LocalForge(repo).list_prs())
    _clear(lambda: BotState(state).all())
    code = main(["prs", str(repo)])
    err = capsys.readouterr().err
    assert code in (0, 2) and "Traceback" not in err, err


SECRET = b"fuzz-webhook-secret-0123456789"
EVENTS = ["push", "pull_request", "pull_request_review", "issue_comment", "issues", "check_suite", "check_run",
          "status", "installation", "installation_repositories", "workflow_run", "deployment_status",
          "code_scanning_alert", "ping", "", "x" * 300]


@pytest.fixture(scope="module")
def webhook_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    backend = build_backend("", tmp_path_factory.mktemp("queue"))  # durable, no worker: the request path is fuzzed
    app = create_app(SECRET, router(cast(Any, None)), backend, 1024 * 1024, capacity=100_000)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@settings(max_examples=scaled(2.5))
@given(event=st.sampled_from(EVENTS), payload=st.one_of(JSON, st.dictionaries(
    st.sampled_from(["action", "repository", "installation", "sender", "pull_request", "comment"]), JSON)),
    raw=st.one_of(st.none(), st.binary(max_size=64)), signed=st.booleans(), delivery=st.text(max_size=40))
def test_webhook_bodies(webhook_client: TestClient, event: str, payload: Any, raw: bytes | None, signed: bool,
                        delivery: str) -> None:
    body = raw if raw is not None else _dump(payload)
    headers = {"x-github-event": event, "x-github-delivery": delivery.encode("ascii", "replace").decode(),
               "x-hub-signature-256": sign(SECRET, body) if signed else "sha256=00"}
    response = webhook_client.post("/webhook", content=body, headers=headers)
    assert response.status_code < 500


TOKENS = ["--format", "json", "table", "markdown", "sarif", "patch", "--output", "--fail-threshold", "0.5", "nan",
          "-1", "--findings", "--sarif-output", "--only-path", "k8s", "../x", "--lock-wait", "inf", "--dry-run",
          "--explain", "x", "", "\x00", "--", "-", "--help-me", "0", "99999999999999999999", "CKV_AWS_20"]
COMMANDS = [["scan", "--no-checkov"], ["plan", "--no-checkov"], ["explain", "--no-checkov"], ["policy", "eval"],
            ["policy", "test"], ["schema"], ["catalogue"], ["prs"], ["audit"], ["fix", "--no-checkov", "--dry-run"]]


@settings(max_examples=scaled(1))
@given(command=st.sampled_from(COMMANDS), args=st.lists(st.sampled_from(TOKENS), max_size=5),
       with_path=st.booleans(), findings=st.sampled_from([None, *FINDINGS]))
def test_cli_arguments(command: list[str], args: list[str], with_path: bool, findings: Path | None,
                       state_repo: tuple[Path, bytes], tmp_path_factory, capsys) -> None:
    out = tmp_path_factory.mktemp("cli")
    argv = [*command, *(str(state_repo[0]) for _ in [with_path] if with_path), *args]
    if findings is not None:
        argv += ["--findings", str(findings)]
    argv = [a if a != "--sarif-output" else f"--sarif-output={out / 's'}" for a in argv]
    argv = [a if a != "--output" else f"--output={out / 'o'}" for a in argv]
    cwd = os.getcwd()
    os.chdir(out)  # a relative path among the tokens ("", "x", "k8s") never names a real checkout
    try:
        code = main(argv)
    finally:
        os.chdir(cwd)
    err = capsys.readouterr().err
    assert code != 3 and "Traceback" not in err, (argv, err[-2000:])
