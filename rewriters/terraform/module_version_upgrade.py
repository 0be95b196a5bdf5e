"""OSV advisory on a pinned Terraform module: raise its `version` (or GitHub `?ref=`) to the fix."""

from __future__ import annotations

import re

from bot.hcledit import EditRefused, find_block, quote, replace_value
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from bot.versions import version_key
from rewriters.base import Edit, Outcome, RewriteContext, Rewriter, Skip
from rewriters.terraform.common import TF
from rewriters.upgrade import NO_FIX, needs_upgrade, styled, targets

_STRING = re.compile(r'^"(?P<value>[^"$%\\]*)"$')
_REF = re.compile(r"(?P<head>[?&]ref=)(?P<ref>[^&]+)")


def _literal(raw: str) -> str | None:
    found = _STRING.match(raw.strip())
    return found["value"] if found else None


def _edit(ctx: RewriteContext, target: str) -> Outcome:
    text = ctx.text
    block = find_block(text.encode("utf-8"), "module", (ctx.resource.name,))
    if block is None:
        return Skip(reason=f"{ctx.resource.address} was not found in {ctx.resource.file}")
    attrs = {a.name: a for a in block.attrs}
    version, source = attrs.get("version"), attrs.get("source")
    if version is not None:
        current = _literal(version.value)
        if current is None:
            return Skip(reason="the module's version is not a plain string; upgrade by hand")
        return Edit(
            text=replace_value(text, version, quote(styled(target, current)))
            if needs_upgrade(current, target)
            else text
        )
    value = _literal(source.value) if source is not None else None
    ref = _REF.search(value or "")
    if source is None or value is None or ref is None:
        return Skip(reason="the module pins no version (no `version`, no `?ref=` in its source)")
    if not needs_upgrade(ref["ref"], target):
        return Edit(text=text)
    new = value[: ref.start("ref")] + styled(target, ref["ref"]) + value[ref.end("ref") :]
    return Edit(text=replace_value(text, source, quote(new)))


def apply(ctx: RewriteContext) -> Outcome:
    wanted = targets(ctx)
    if not wanted:
        return Skip(reason=NO_FIX)
    if ctx.resource.templated:
        return Skip(reason=f"{ctx.resource.address} uses count/for_each; upgrade by hand")
    target = max(wanted.values(), key=version_key)
    try:
        return _edit(ctx, target)
    except EditRefused as exc:
        return Skip(reason=str(exc))


REWRITER = Rewriter(
    id="module_version_upgrade",
    iac=TF,
    rule_ids=("FIXBOT_VULNERABLE_MODULE",),
    action="upgrade_module_version",
    title="Upgrade the pinned module to the first version that fixes the advisory",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and run `terraform init -upgrade` to return to the previous module version.",
    verification=Verification(rules=("FIXBOT_VULNERABLE_MODULE",), provider_check="module_version_upgraded"),
    review_guidance=(
        "A module upgrade can change its inputs, outputs and the resources it plans: read the "
        "module's changelog between the two versions and review `terraform plan` before merging."
    ),
    references=(
        "https://ossf.github.io/osv-schema/",
        "https://developer.hashicorp.com/terraform/language/modules/syntax#version",
    ),
    apply=apply,
    resource_types=("module",),
    facts=ChangeFacts(network=True, iam=True, deletes=False, data_loss=True, disruption=True, restart=True),
)
