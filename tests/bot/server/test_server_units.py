"""Registries, mermaid and the state kept on GitHub."""

from __future__ import annotations

import json
from pathlib import Path

from bot.forge.github.convert import UNKNOWN_HUMAN, closed_by_marker, pull_request
from bot.lifecycle.mermaid import diagram, label
from bot.models.risk import BlastAsset, BlastRadius
from bot.server.events import EVENTS
from bot.server.payloads import MODELS, payload_problem
from bot.server.pr_caps import highest_risk_first
from tests.harness.lifecycle import assessment

ISSUE_EVENTS = {"installation", "installation_repositories", "push", "check_suite", "check_run", "status",
                "pull_request_review", "pull_request", "workflow_run", "deployment_status", "code_scanning_alert",
                "issue_comment", "issues"}  # issues: dashboard checkboxes (server/event_handlers/dashboard_events.py)
PAYLOADS = Path(__file__).resolve().parents[2] / "fixtures" / "github" / "webhooks"


def test_every_event_the_app_subscribes_to_has_a_handler() -> None:
    assert set(EVENTS) == ISSUE_EVENTS | {"fixbot_sweep"}  # plus the server's own scheduled sweep
    assert all(callable(spec.handler) for spec in EVENTS.values())


def test_every_routed_event_has_a_payload_model() -> None:
    assert set(MODELS) == set(EVENTS) - {"fixbot_sweep"}
    assert payload_problem("issue_comment", {"repository": {"full_name": "o/r"}, "issue": {"number": 1},
                                             "comment": {"id": 2, "user": {"login": "a"}}, "extra": [1]}) is None
    assert payload_problem("issue_comment", {"repository": {"full_name": "o/r"}, "issue": {"number": 1}}) == \
        "comment: Field required"
    assert payload_problem("push", {"repository": {"full_name": "no-slash"}}) is not None
    assert payload_problem("pull_request", {"repository": {"full_name": "o/r"}, "pull_request": {"number": "x"}}) \
        == "pull_request.number: Input should be a valid integer, unable to parse string as an integer"


def test_mermaid_labels_cannot_inject() -> None:
    evil = 'x"] --> y\nclick target "https://evil" <img src=x> @admin'
    text = label(evil)
    assert text.count('"') == 2 and "\n" not in text and "<" not in text and "@" not in text
    base = assessment("aws_s3_bucket.x", "main.tf", "a", "b")
    a = base.model_copy(update={"attack_path": ("internet", evil),
                                "blast_radius": BlastRadius(assets=(BlastAsset(address=evil, classification="pii"),))})
    d = diagram(a, "aws_s3_bucket.x")
    assert all(line.startswith(("flowchart", "  ")) for line in d.splitlines())  # no injected statement
    assert not any(line.strip().startswith("click") for line in d.splitlines())
    assert d.startswith("flowchart LR") and "-.->|blast radius|" in d and "://" not in d


def test_closed_by_is_read_from_the_pr_itself() -> None:
    raw = json.loads((PAYLOADS / "pull_request.closed.json").read_text())["pull_request"]
    raw.update(merged=False, merged_at=None, state="closed", body="x")

    class Pr:
        raw_data = raw

    assert pull_request(Pr()).closed_by == UNKNOWN_HUMAN
    raw["body"] = "x\n" + closed_by_marker("carol")
    assert pull_request(Pr()).closed_by == "carol"
    raw["labels"] = [{"name": "fixbot-closed"}]
    assert pull_request(Pr()).closed_by is None  # fixbot closed it itself


def test_caps_pick_the_highest_risk() -> None:
    assert highest_risk_first([("a", 0.2), ("b", 0.9), ("c", 0.5)], 2) == ["b", "c"]
    assert highest_risk_first([("a", 0.2)], 0) == []
