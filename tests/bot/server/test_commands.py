"""Comment commands: parsing, the registry, permission, acknowledgement and each handler."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from bot.config import parse_repo_config
from bot.forge.base import FileChange
from bot.forge.github.permissions import OPEN_FIX
from bot.lifecycle.naming import PrMeta, encode_meta
from bot.server.commands import command_handlers as handlers
from bot.server.commands.parser import CommandCall, ParseError, parse, single_target
from bot.server.commands.registry import COMMANDS, help_text
from bot.yamlsafe import load_yaml_text
from tests.harness.github_standin.webhooks import Hooks, hooks, payload
from tests.harness.github_standin.world import World

META = PrMeta(resource="aws_s3_bucket.logs", action="make_bucket_acl_private", finding_ids=("f1",),
              rules=("CKV_AWS_20",))


def fixbot_pr(w: World, merged: bool = False) -> int:
    forge = w.forge()
    with forge.action("open-fix", OPEN_FIX):
        head = forge.head_sha("main")
        assert head
        forge.create_branch("fixbot/acl/abc", head)
        forge.commit("fixbot/acl/abc", "fixbot: acl", [FileChange(path="main.tf", content="# fixed\n")], {})
        pr = forge.open_pr("fixbot/acl/abc", "main", "fixbot: acl", "Fix.\n\n" + encode_meta(META), ["fixbot"])
    if merged:
        forge.merge(pr.number, pr.head_sha, "merge", {})
    return pr.number


def say(h: Hooks, w: World, number: int, login: str, text: str, on_pr: bool = True) -> list[str]:
    """Post `text` as `login` on #number, deliver the webhook; fixbot's new replies."""
    before = len(w.repo.comments.get(number, []))
    c = w.gh.human_comment(w.repo, number, login, text)
    body: dict[str, Any] = payload("issue_comment.created", w)
    body["comment"].update(id=c.id, body=text, user={**body["comment"]["user"], "login": login, "type": "User"})
    body["issue"]["number"] = number
    if not on_pr:
        body["issue"].pop("pull_request", None)
    else:
        body["issue"]["pull_request"] = {"url": "https://api.github.com/x"}
    assert h.send("issue_comment", body) == 202
    return [x.body for x in w.repo.comments[number][before:] if x.user == "fixbot[bot]"]


def reactions(w: World, number: int) -> list[str]:
    return [content for c in w.repo.comments[number] for _, content in c.reactions]


def test_parse_commands() -> None:
    assert parse("LGTM\n/fixbot fix CKV_AWS_20\n") == CommandCall("fix", ("CKV_AWS_20",), "CKV_AWS_20")
    assert parse("/fixbot") == CommandCall("help")
    assert parse("/fixbot ignore  not   exposed\nthanks") == CommandCall("ignore", ("not", "exposed"), "not exposed")
    assert parse("no command here") is None
    assert isinstance(single_target(CommandCall("fix", ("a", "b"))), ParseError)
    assert isinstance(single_target(CommandCall("fix", ("<img>",))), ParseError)


def test_every_command_has_a_handler_usage_and_help() -> None:
    assert set(COMMANDS) == {"fix", "plan", "explain", "rebase", "revert", "ignore", "help"}
    for name, spec in COMMANDS.items():
        assert callable(spec.handler) and spec.usage.startswith(f"/fixbot {name}") and spec.help
        assert spec.usage in help_text()
    assert handlers.CommandRefused.__mro__[1].__name__ == "FixbotError"


def test_help_is_acknowledged_and_answered(w: World, tmp_path: Path) -> None:
    number = fixbot_pr(w)
    with hooks(w, tmp_path) as h:
        (reply,) = say(h, w, number, "alice", "/fixbot help")
    assert "/fixbot ignore REASON" in reply and reactions(w, number) == ["eyes"]


def test_non_writers_get_a_polite_refusal_and_nothing_runs(w: World, tmp_path: Path) -> None:
    number = fixbot_pr(w)
    with hooks(w, tmp_path) as h:
        (reply,) = say(h, w, number, "bob", "/fixbot revert")
        (reply2,) = say(h, w, number, "mallory", "/fixbot ignore whatever")
    assert "only people with write access" in reply and "Sorry bob" in reply
    assert "Sorry mallory" in reply2
    assert reactions(w, number) == ["confused", "confused"]
    assert len(w.gh.pulls(w.repo)) == 1


def test_unknown_command_and_wrong_thread(w: World, tmp_path: Path) -> None:
    number = fixbot_pr(w)
    with hooks(w, tmp_path) as h:
        (unknown,) = say(h, w, number, "alice", "/fixbot frobnicate")
        (on_issue,) = say(h, w, 99, "alice", "/fixbot explain", on_pr=False)
        (not_merged,) = say(h, w, number, "alice", "/fixbot revert")
    assert "Unknown command `frobnicate`" in unknown
    assert "not on an issue" in on_issue
    assert "only a merged fixbot pull request" in not_merged


def test_ignore_records_an_accepted_risk_through_a_pr(w: World, tmp_path: Path) -> None:
    number = fixbot_pr(w)
    with hooks(w, tmp_path) as h:
        (reply,) = say(h, w, number, "alice", "/fixbot ignore bucket is @everyone <b>public</b> by design")
    new = [p for p in w.gh.pulls(w.repo) if p.head.startswith("fixbot/ignore/")]
    assert len(new) == 1 and f"#{new[0].number}" in reply
    text = w.repo.store.read_path(f"refs/heads/{new[0].head}", ".fixbot.yml")
    assert text is not None
    config = parse_repo_config(load_yaml_text(text.decode(), ".fixbot.yml"), ".fixbot.yml")
    (risk,) = config.accepted_risks
    assert (risk.rule, risk.resource, risk.by) == ("CKV_AWS_20", "aws_s3_bucket.logs", "alice")
    assert "<b>" not in new[0].body and "@everyone" not in new[0].body  # escaped: no markup, no mention


def test_revert_opens_a_revert_pr_for_review(w: World, tmp_path: Path) -> None:
    number = fixbot_pr(w, merged=True)
    before = w.repo.store.read_path("main~1", "main.tf")
    with hooks(w, tmp_path) as h:
        (reply,) = say(h, w, number, "carol", "/fixbot revert")
    (rpr,) = [p for p in w.gh.pulls(w.repo) if p.head.startswith("fixbot/revert/")]
    assert f"#{rpr.number}" in reply and rpr.labels == ["fixbot", "revert"]
    assert w.repo.store.read_path(f"refs/heads/{rpr.head}", "main.tf") == before
    assert rpr.reviewers == ["alice"] and rpr.teams == ["platform"]  # CODEOWNERS: *.tf @alice @octo-org/platform
    clone = tmp_path / "work" / "octo-org__infra"  # the lifecycle's audit trail and memory, as on the local forge
    audit = subprocess.run(["git", "-C", str(clone), "log", "refs/fixbot/audit", "--format=%B"], capture_output=True,
                           text=True, check=True).stdout
    assert f"Fixbot-PR: {rpr.number}" in audit and "Fixbot-Requested-By: carol" in audit
    assert f"Fixbot-Reverts: {w.repo.issues[number].merge_commit_sha}" in audit
    state = json.loads((clone / ".git" / "fixbot" / "lifecycle.json").read_text())
    assert state["items"]["aws_s3_bucket.logs"]["status"] == "reverting"
    assert state["items"]["aws_s3_bucket.logs"]["revert_pr"] == rpr.number


def test_explain_answers_from_the_pr_marker(w: World, tmp_path: Path) -> None:
    number = fixbot_pr(w)
    with hooks(w, tmp_path, run_checkov=False) as h:
        (reply,) = say(h, w, number, "alice", "/fixbot explain")
    assert "`aws_s3_bucket.logs`" in reply and "`CKV_AWS_20`" in reply
    assert "no longer reported" in reply  # nothing was found on the default branch without checkov


@pytest.mark.parametrize("bad", ["/fixbot fix a b", "/fixbot plan `rm -rf`"])
def test_bad_arguments_are_refused(w: World, tmp_path: Path, bad: str) -> None:
    number = fixbot_pr(w)
    with hooks(w, tmp_path, run_checkov=False) as h:
        (reply,) = say(h, w, number, "alice", bad)
    assert "takes at most one RULE or RESOURCE" in reply


def test_a_deleted_comment_does_not_stop_the_command(w: World, tmp_path: Path) -> None:
    with hooks(w, tmp_path, run_checkov=False) as h:
        body: dict[str, Any] = payload("issue_comment.created", w)
        number = body["issue"]["number"]
        w.gh.human_comment(w.repo, number, "alice", "/fixbot help")
        body["comment"].update(id=987_654_321, body="/fixbot help",  # deleted before fixbot reacted: 404
                               user={**body["comment"]["user"], "login": "alice", "type": "User"})
        assert h.send("issue_comment", body) == 202
    replies = [x.body for x in w.repo.comments[number] if x.user == "fixbot[bot]"]
    assert len(replies) == 1 and "/fixbot fix" in replies[0]
    assert any(m == "POST" and p and p.endswith("/reactions") and s == 404 for m, p, s in w.gh.api_calls())
