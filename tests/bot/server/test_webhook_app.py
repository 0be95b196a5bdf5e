"""`POST /webhook`: signatures, de-duplication, body cap, ignored events, never a 5xx; settings; logs."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.server import logs
from bot.server.app import create_app
from bot.server.events import Job
from bot.server.queue.backend import build_backend
from bot.server.queue.records import JobState
from bot.server.settings import load_settings
from bot.server.signature import sign, verify
from tests.harness.github_standin.webhooks import SECRET, hooks, payload
from tests.harness.github_standin.world import World


def test_signature_is_hmac_sha256_of_the_raw_body() -> None:
    body = b'{"a": 1}'
    good = sign(b"s3cret", body)
    assert verify(b"s3cret", body, good)
    assert not verify(b"s3cret", body + b" ", good)
    assert not verify(b"other", body, good)
    assert not verify(b"s3cret", body, None)
    assert not verify(b"s3cret", body, good.replace("sha256=", "sha1="))
    assert not verify(b"", body, sign(b"", body))  # no unsigned mode, even with an empty secret


def test_forged_or_missing_signature_is_rejected_and_does_no_work(w: World, tmp_path: Path) -> None:
    with hooks(w, tmp_path) as h:
        body = payload("push", w)
        assert h.send("push", body, signature="sha256=" + "0" * 64) == 401
        assert h.send("push", body, signature="") == 401
        assert h.server.backend.counts()[JobState.done] == h.server.backend.counts()[JobState.dead] == 0
    assert w.gh.state.requests == [] and w.gh.tokens() == []


def test_duplicate_delivery_is_acknowledged_but_handled_once(w: World, tmp_path: Path) -> None:
    with hooks(w, tmp_path) as h:
        body = payload("ping", w)
        body["action"] = "created"
        comment = payload("issue_comment.created", w)
        comment["comment"]["body"] = "/fixbot help"
        comment["comment"]["user"]["login"] = "alice"
        w.gh.human_comment(w.repo, comment["issue"]["number"], "alice", "/fixbot help")
        comment["comment"]["id"] = w.repo.comments[comment["issue"]["number"]][-1].id
        assert h.send("issue_comment", comment, delivery="d-1") == 202
        assert h.send("issue_comment", comment, delivery="d-1") == 200
        assert h.server.backend.counts()[JobState.done] == 1
        replies = [c for c in w.repo.comments[comment["issue"]["number"]] if c.user == "fixbot[bot]"]
        assert len(replies) == 1


def test_ignored_events_get_2xx_and_no_work(w: World, tmp_path: Path) -> None:
    with hooks(w, tmp_path) as h:
        assert h.send("ping", payload("ping", w)) == 200
        assert h.send("pull_request", payload("pull_request.opened", w)) == 200
        assert sum(h.server.backend.counts().values()) == 0


def test_body_cap_and_malformed_deliveries(w: World, tmp_path: Path) -> None:
    with hooks(w, tmp_path, max_body_bytes=2048) as h:
        assert h.send("push", b"{" + b" " * 4096 + b"}") == 413
        assert h.send("push", b"not json") == 400
        assert h.client.get("/healthz").json() == {"status": "ok"}


def test_a_payload_missing_a_field_the_handler_needs_is_a_400_naming_it(w: World, tmp_path: Path) -> None:
    with hooks(w, tmp_path) as h:
        missing = payload("issue_comment.created", w)
        del missing["comment"]["id"]  # the command handler needs it: refused at the edge, nothing queued
        raw = json.dumps(missing).encode()
        headers = {"X-GitHub-Event": "issue_comment", "X-GitHub-Delivery": "m-1",
                   "X-Hub-Signature-256": sign(SECRET.encode(), raw)}
        answer = h.client.post("/webhook", content=raw, headers=headers)
        assert answer.status_code == 400
        assert answer.json() == {"status": "malformed delivery: comment.id: Field required"}
        assert h.server.backend.table.list(None) == []


def test_a_failing_handler_never_turns_into_a_5xx(w: World, tmp_path: Path) -> None:
    with hooks(w, tmp_path) as h:
        body = payload("push", w, ref="refs/heads/main")
        body["repository"].update(full_name="octo-org/not-installed", id=999_999)
        assert h.send("push", body) == 202
        assert h.server.backend.counts()[JobState.dead] == 1  # a dead letter; the next delivery is still served
        assert h.client.get("/healthz").status_code == 200


def test_queue_full_answers_429_and_lets_github_redeliver(tmp_path: Path) -> None:
    backend = build_backend("", tmp_path / "state")  # no worker drains it
    app = create_app(b"k" * 16, lambda d: Job("x", lambda: None, d.id), backend, 10_000, capacity=1)
    from starlette.testclient import TestClient

    client = TestClient(app)
    raw = b'{"action": "x", "repository": {"full_name": "o/r"}}'
    headers = {"X-GitHub-Event": "push", "X-Hub-Signature-256": sign(b"k" * 16, raw)}
    assert client.post("/webhook", content=raw, headers={**headers, "X-GitHub-Delivery": "a"}).status_code == 202
    assert client.post("/webhook", content=raw, headers={**headers, "X-GitHub-Delivery": "b"}).status_code == 429
    assert [r.delivery for r in backend.table.list()] == ["a"]  # nothing kept of b: its redelivery is handled


def test_settings_refuse_to_start_without_a_secret_or_key(tmp_path: Path, w: World) -> None:
    key = tmp_path / "app.pem"
    key.write_bytes(w.gh.private_key_pem)
    env = {"FIXBOT_APP_ID": "12", "FIXBOT_PRIVATE_KEY_PATH": str(key)}
    with pytest.raises(ConfigError, match="webhook secret"):
        load_settings(env)
    with pytest.raises(ConfigError, match="private key"):
        load_settings({"FIXBOT_APP_ID": "12", "FIXBOT_WEBHOOK_SECRET": SECRET})
    with pytest.raises(ConfigError, match="webhook_secret"):
        load_settings({**env, "FIXBOT_WEBHOOK_SECRET": "short"})
    s = load_settings({**env, "FIXBOT_WEBHOOK_SECRET": SECRET, "FIXBOT_GITHUB_URL": "http://ghe/api/v3"}, port=9)
    assert (s.app_id, s.github_url, s.port) == (12, "http://ghe/api/v3", 9)
    assert SECRET not in repr(s) and "PRIVATE" not in repr(s)
    with pytest.raises(ValueError):
        create_app(b"", lambda d: None, build_backend("", tmp_path / "q"), 10, 1)


def test_logs_are_json_lines_without_secrets() -> None:
    stream = io.StringIO()
    logs.configure(stream)
    log = logging.getLogger("fixbot.server")
    log.info("token ghs_abcdefghijklmnopqrstuvwxyz used", extra={"delivery": "d-9", "status": 202})
    line = json.loads(stream.getvalue().splitlines()[-1])
    assert line["delivery"] == "d-9" and line["status"] == 202
    assert "ghs_" not in stream.getvalue()
    logging.getLogger("fixbot").handlers = []
    logging.getLogger("fixbot").propagate = True


def test_a_logged_failure_keeps_its_traceback_scrubbed() -> None:
    stream = io.StringIO()
    logs.configure(stream)
    try:
        raise RuntimeError("minting failed with ghs_abcdefghijklmnopqrstuvwxyz")
    except RuntimeError:
        logging.getLogger("fixbot.server").exception("handler push failed", extra={"delivery": "d-1"})
    finally:
        logging.getLogger("fixbot").handlers = []
        logging.getLogger("fixbot").propagate = True
    line = json.loads(stream.getvalue().splitlines()[-1])
    assert "Traceback (most recent call last)" in line["error"] and "RuntimeError: minting failed" in line["error"]
    assert "test_a_logged_failure_keeps_its_traceback_scrubbed" in line["error"]  # the frame that raised
    assert "ghs_" not in stream.getvalue() and "[REDACTED]" in line["error"]
