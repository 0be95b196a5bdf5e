"""`/fixbot ignore REASON`: an accepted risk added to `.fixbot.yml` through a pull request.

The file is edited as YAML round-trip (comments and layout kept), the result is validated as
a `RepoConfig` before anything is written, and the change goes through review like any other.
"""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from bot.config import CONFIG_FILE, parse_repo_config
from bot.errors import ForgeError
from bot.forge.base import FileChange
from bot.forge.github import GitHubForge
from bot.forge.github.permissions import OPEN_FIX
from bot.lifecycle.naming import PrMeta, short_id
from bot.server.escape import code, plain
from bot.text import one_line
from bot.yamledit.document import Refusal, edit_document
from bot.yamlsafe import load_yaml_text

MAX_REASON = 300


def _entries(meta: PrMeta, reason: str, by: str) -> list[CommentedMap]:
    rows = []
    for rule in meta.rules or (meta.action,):
        row = CommentedMap()
        row["rule"], row["resource"], row["reason"], row["by"] = rule, meta.resource, reason, by
        rows.append(row)
    return rows


def with_accepted_risk(text: str, meta: PrMeta, reason: str, by: str) -> str:
    """`.fixbot.yml` text with the accepted risks appended (validated before it is returned)."""
    rows = _entries(meta, plain(reason)[:MAX_REASON], by)

    def mutate(doc: CommentedMap) -> str | None:
        risks = doc.get("accepted_risks")
        if risks is None:
            doc["accepted_risks"] = risks = CommentedSeq()
        if not isinstance(risks, list):
            return "accepted_risks is not a list"
        known = {(r.get("rule"), r.get("resource")) for r in risks if isinstance(r, dict)}
        risks.extend(r for r in rows if (r["rule"], r["resource"]) not in known)
        return None

    edited = edit_document(text or "version: 1\n", 0, mutate)
    if isinstance(edited, Refusal):
        raise ForgeError(f"cannot edit {CONFIG_FILE}: {edited.reason}")
    parse_repo_config(load_yaml_text(edited, CONFIG_FILE), CONFIG_FILE)
    return edited


def open_ignore_pr(forge: GitHubForge, meta: PrMeta, reason: str, by: str) -> int:
    with forge.action("ignore", OPEN_FIX):
        base = forge.default_branch()
        head = forge.head_sha(base)
        if head is None:
            raise ForgeError(f"default branch {base} not found")
        text = with_accepted_risk(forge.read_file(CONFIG_FILE, head) or "", meta, reason, by)
        branch = f"fixbot/ignore/{short_id(meta.resource)}"
        forge.create_branch(branch, head)
        forge.commit(branch, one_line(f"fixbot: accept risk on {meta.resource}", 150),
                     [FileChange(path=CONFIG_FILE, content=text)],
                     {"Fixbot-Resource": meta.resource, "Fixbot-Rule": ", ".join(meta.rules),
                      "Fixbot-Approved-By": by, "Fixbot-Detail": "accepted risk"}, expected_head=head)
        body = (f"Records an accepted risk requested by {code(by)}: {code(meta.resource)} "
                f"({', '.join(code(r) for r in meta.rules)}).\n\nReason: {plain(reason)[:MAX_REASON]}\n\n"
                "Merging this makes fixbot stop proposing this fix.")
        pr = forge.open_pr(branch, base, one_line(f"fixbot: accept risk on {meta.resource}", 200), body, ("fixbot",))
        return pr.number
