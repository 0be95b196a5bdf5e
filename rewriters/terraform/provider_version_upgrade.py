"""OSV advisory on a Terraform provider: raise its `required_providers` version constraint so it
admits only fixed versions, in the constraint's own style.

`"5.20.0"` → `"5.31.1"`, `"= 5.20.0"` → `"= 5.31.1"`, `">= 5.20.0"` → `">= 5.31.1"`,
`"~> 5.20"` → `"~> 5.31"` (plus `">= 5.31.1"` when the fix is a patch the two-part form cannot
name). A constraint that already excludes every vulnerable version is left as is; a fix in a
new major version is a breaking upgrade left to a human. Only the version string is spliced.
`.terraform.lock.hcl` is never edited: its hashes need `terraform init -upgrade`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tree_sitter import Node

from bot.hcledit import EditRefused, quote, replace_value
from bot.hcledit.model import Attr
from bot.hcledit.parse import node_text, parse
from bot.inventory.pins import canonical_provider
from bot.inventory.terraform import REQUIRED_PROVIDERS_TYPE
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from bot.versions import is_version, version_key
from rewriters.base import Edit, Outcome, RewriteContext, Rewriter, Skip
from rewriters.terraform.common import TF
from rewriters.upgrade import NO_FIX, targets

RULE = "FIXBOT_VULNERABLE_PROVIDER"
_CLAUSE = re.compile(r"\s*(?P<op>~>|>=|<=|!=|=|>|<)?\s*(?P<version>[^\s,]+)\s*")
_LOWER = ("=", ">=", ">", "~>")


@dataclass(frozen=True)
class Clause:
    op: str  # "=" for a bare version
    version: str
    start: int  # span of `op version` inside the constraint (op included when written)
    end: int


@dataclass(frozen=True)
class Entry:
    provider: str  # canonical namespace/name
    name: str  # the local name (`aws`)
    constraint: str | None
    string: Node | None  # the `string_lit` holding the constraint


def parse_constraint(text: str) -> list[Clause] | None:
    """The clauses of a version constraint, or None when one is not `op version`."""
    out, pos = [], 0
    for part in text.split(","):
        found = _CLAUSE.fullmatch(part)
        if found is None or not is_version(found["version"]):
            return None
        start = pos + (found.start("op") if found["op"] else found.start("version"))
        out.append(Clause(found["op"] or "=", found["version"], start, pos + found.end("version")))
        pos += len(part) + 1
    return out


def _nums(version: str) -> list[str]:
    return version.removeprefix("v").split("-")[0].split("+")[0].split(".")


def _excludes_vulnerable(clauses: list[Clause], fix: str) -> bool:
    """Some lower bound already sits at or above the fix: every admitted version is fixed."""
    return any(c.op in _LOWER and version_key(c.version) >= version_key(fix) for c in clauses)


def _blocker(clauses: list[Clause], fix: str, provider: str, text: str) -> str | None:
    lower = [c for c in clauses if c.op in _LOWER]
    if not lower:
        return f"the constraint {text!r} of {provider} has no lower bound to raise; add `>= {fix}` by hand"
    major = int(_nums(max(lower, key=lambda c: version_key(c.version)).version)[0])
    if int(_nums(fix)[0]) > major:
        return (f"the fix {fix} of {provider} is a new major version (the constraint {text!r} stays on {major}.x): "
                f"a breaking upgrade; needs parameter/manual review")
    key = version_key(fix)
    for c in clauses:
        at = version_key(c.version)
        if (c.op == "<" and key >= at) or (c.op == "<=" and key > at) or (c.op == "!=" and key == at):
            return f"the constraint {text!r} of {provider} excludes the fix {fix}; upgrade by hand"
    return None


def _raised(clause: Clause, written: str, fix: str) -> tuple[str, bool]:
    """The clause (`written` as in the file) rewritten for the fix, and whether it still admits
    versions below the fix (`~> 5.31` for a fix in 5.31.1)."""
    prefix = written[: len(written) - len(clause.version)]  # operator and its spacing, kept
    if clause.op == ">":
        return prefix.replace(">", ">=") + fix, False
    if clause.op != "~>":
        return prefix + fix, False
    width = len(_nums(clause.version))
    short = ".".join((_nums(fix) + ["0"] * width)[:width])
    return prefix + short, version_key(short) < version_key(fix)


def raise_constraint(text: str, fix: str, provider: str) -> str | Skip:
    """`text` rewritten to admit only versions >= `fix`, in its own style (unchanged if it already does)."""
    clauses = parse_constraint(text)
    if clauses is None:
        return Skip(reason=f"the version constraint {text!r} of {provider} is not understood; upgrade by hand")
    if _excludes_vulnerable(clauses, fix):
        return text
    blocker = _blocker(clauses, fix, provider, text)
    if blocker is not None:
        return Skip(reason=blocker)
    out, shorts = text, []
    for c in reversed(clauses):
        if c.op not in _LOWER or version_key(c.version) >= version_key(fix):
            continue
        new, short = _raised(c, text[c.start : c.end], fix)
        out = out[: c.start] + new + out[c.end :]
        shorts.append(short)
    return f"{out}, >= {fix}" if all(shorts) else out  # only `~>` clauses too coarse to name the fix


def _string(expr: Node | None) -> Node | None:
    """The `string_lit` of an expression that is one plain string literal."""
    literal = expr.named_children[0] if expr is not None and expr.named_child_count == 1 else None
    inner = literal.named_children[0] if literal is not None and literal.type == "literal_value" else None
    return inner if inner is not None and inner.type == "string_lit" else None


def _content(data: bytes, string: Node) -> str | None:
    parts = [c for c in string.named_children if c.type == "template_literal"]
    text = "".join(node_text(data, c) for c in parts)
    return None if "\\" in text else text


def _entry(data: bytes, attr: Node) -> Entry | None:
    name, expr = node_text(data, attr.named_children[0]), attr.named_children[-1]
    legacy = _string(expr)
    if legacy is not None:  # `aws = "~> 5.0"`
        source = canonical_provider(name)
        return Entry(source, name, _content(data, legacy), legacy) if source else None
    obj = expr.named_children[0].named_children[0] if expr.named_child_count == 1 and (
        expr.named_children[0].type == "collection_value") else None
    if obj is None or obj.type != "object":
        return None
    values = {node_text(data, e.named_children[0]): _string(e.named_children[-1])
              for e in obj.named_children if e.type == "object_elem"}
    src = values.get("source")
    if "source" in values:  # a non-literal source names no provider we can match
        source = canonical_provider(_content(data, src) or "") if src is not None else None
    else:
        source = canonical_provider(name)
    version = values.get("version")
    constraint = _content(data, version) if version is not None else None
    return Entry(source, name, constraint, version) if source else None


def _children(data: bytes, node: Node, kind: str, name: str | None = None) -> list[Node]:
    body = next((c for c in node.children if c.type == "body"), None)
    found = [c for c in body.children if c.type == kind] if body is not None else []
    return [c for c in found if name is None or node_text(data, c.named_children[0]) == name]


def entries(data: bytes) -> list[Entry]:
    """Every provider entry of every top-level `terraform { required_providers { ... } }` in the file."""
    out = []
    for terraform in _children(data, parse(data).root_node, "block", "terraform"):
        for required in _children(data, terraform, "block", "required_providers"):
            out += [e for a in _children(data, required, "attribute") if (e := _entry(data, a)) is not None]
    return out


def _splice(text: str, string: Node, value: str) -> str:
    attr = Attr("version", string.start_byte, string.end_byte, string.start_byte, string.end_byte,
                text.encode("utf-8")[string.start_byte : string.end_byte].decode("utf-8"), 0, False, False)
    return replace_value(text, attr, quote(value))


def _plan(ctx: RewriteContext, wanted: dict[str, str]) -> list[tuple[Node, str]] | Skip:
    found = {e.provider: e for e in entries(ctx.text.encode("utf-8"))}
    edits = []
    for provider, fix in sorted(wanted.items()):
        entry = found.get(provider)
        if entry is None:
            return Skip(reason=f"{ctx.resource.file} has no required_providers entry for {provider}")
        if entry.string is None or entry.constraint is None:
            return Skip(reason=f"the {entry.name} entry sets no plain version constraint; pin one by hand, "
                               f"or run `terraform init -upgrade` to select {fix}")
        new = raise_constraint(entry.constraint, fix, provider)
        if isinstance(new, Skip):
            return new
        if new != entry.constraint:
            edits.append((entry.string, new))
    return edits


def apply(ctx: RewriteContext) -> Outcome:
    wanted: dict[str, str] = {}
    for package, fix in targets(ctx).items():
        provider = canonical_provider(package)
        if provider is not None:
            wanted[provider] = fix
    if not wanted:
        return Skip(reason=NO_FIX)
    edits = _plan(ctx, wanted)
    if isinstance(edits, Skip):
        return edits
    text = ctx.text
    try:
        for string, value in sorted(edits, key=lambda e: e[0].start_byte, reverse=True):  # later spans first
            text = _splice(text, string, value)
    except EditRefused as exc:
        return Skip(reason=str(exc))
    return Edit(text=text)


REWRITER = Rewriter(
    id="provider_version_upgrade",
    iac=TF,
    rule_ids=(RULE,),
    action="upgrade_provider_version",
    title="Raise the provider's version constraint to the first version that fixes the advisory",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=(
        "Revert the PR, then run `terraform init -upgrade` and commit `.terraform.lock.hcl` so the lock "
        "file selects the previous provider version again."
    ),
    verification=Verification(rules=(RULE,), provider_check="provider_version_upgraded"),
    review_guidance=(
        "Only the `required_providers` constraint changes; fixbot does not edit `.terraform.lock.hcl` "
        "(its hashes cannot be regenerated offline). Before merging, run `terraform init -upgrade` on this "
        "branch, commit the updated lock file, read the provider's changelog between the two versions and "
        "review `terraform plan`. The advisory stays open until the lock file selects a fixed version."
    ),
    references=(
        "https://ossf.github.io/osv-schema/",
        "https://developer.hashicorp.com/terraform/language/providers/requirements#version-constraints",
        "https://developer.hashicorp.com/terraform/language/files/dependency-lock",
    ),
    apply=apply,
    resource_types=(REQUIRED_PROVIDERS_TYPE,),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
