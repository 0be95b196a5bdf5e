"""Shared plumbing of the Kubernetes rewriters: locate the document, edit it, report."""

from __future__ import annotations

import re
from collections.abc import Callable

from ruamel.yaml.comments import CommentedMap

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from bot.models.resource import IacKind
from bot.yamledit import Mutator, Refusal, edit_document, load_documents
from bot.yamledit.k8s import WORKLOAD_KINDS, child_map, containers, find_document, pod_spec, unflow
from rewriters.base import Edit, Outcome, Param, RewriteContext, Rewriter, Skip

PSS = "https://kubernetes.io/docs/concepts/security/pod-security-standards/"
SECURITY_CONTEXT = "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"
PodEdit = Callable[[CommentedMap], str | None]  # edits a pod spec; returns a refusal reason
ContainerEdit = Callable[[CommentedMap], str | None]


def shown(value: object) -> str:
    """A name from the manifest, safe to put in a reason shown in PR text (DNS-label chars only)."""
    text = value if isinstance(value, str) else "?"
    return "`" + (re.sub(r"[^A-Za-z0-9._-]", "_", text)[:63] or "?") + "`"


def rewrite(ctx: RewriteContext, mutate: Mutator) -> Outcome:
    """Apply `mutate` to the document defining `ctx.resource`; unchanged text if compliant."""
    docs = load_documents(ctx.text, ctx.resource.file)
    if isinstance(docs, Refusal):
        return Skip(reason=docs.reason)
    resource = ctx.resource
    index = find_document(docs, resource.type, resource.name, resource.doc_index, resource.namespace)
    if index is None:
        return Skip(reason=f"{shown(resource.type)} {shown(resource.name)} not found in its file")
    result = edit_document(ctx.text, index, mutate, docs)
    if isinstance(result, Refusal):
        return Skip(reason=result.reason)
    return Edit(text=result)


def on_pod_spec(edit: PodEdit) -> Mutator:
    def mutate(doc: CommentedMap) -> str | None:
        spec = pod_spec(doc)
        if spec is None:
            return f"no pod spec found (kind {shown(doc.get('kind'))} is not one of {', '.join(WORKLOAD_KINDS)})"
        return edit(spec)

    return mutate


def on_containers(edit: ContainerEdit) -> Mutator:
    """Run `edit` on every container and init container; the first refusal wins."""

    def per_container(spec: CommentedMap) -> str | None:
        found = list(containers(spec))
        if not found:
            return "the pod spec has no containers"
        for container in found:
            reason = edit(container)
            if reason is not None:
                return f"container {shown(container.get('name'))}: {reason}"
        return None

    return on_pod_spec(per_container)


def security_context(owner: CommentedMap) -> CommentedMap | str:
    """`owner.securityContext` as a mapping (created when missing), or a refusal reason."""
    context = child_map(owner, "securityContext")
    return "securityContext is not a mapping" if context is None else context


def set_key(owner: CommentedMap, key: str, value: object) -> None:
    """Set `owner[key]`, leaving an equal value alone so quoting and comments survive."""
    if key not in owner:
        unflow(owner)
    if owner.get(key) != value or type(owner.get(key)) is not type(value):
        owner[key] = value


def param(ctx: RewriteContext, name: str) -> str | None:
    value = ctx.params.get(name)
    return value if value else None


def invalid(reason: str, *names: str) -> Skip:
    """A parameter was given but is not usable."""
    return Skip(reason=reason, missing_parameters=names)


def missing(name: str, why: str) -> Skip:
    return Skip(reason=f"needs parameter `{name}` ({why}) in .fixbot.yml", missing_parameters=(name,))


def _scanner_rules(rule_ids: tuple[str, ...]) -> tuple[str, ...]:
    """The rules fixbot re-checks: checkov's and its own, not the Trivy / KICS aliases."""
    return tuple(rule for rule in rule_ids if rule.startswith(("CKV", "FIXBOT_")))


def set_in_container_context(key: str, value: object) -> Mutator:
    """A mutator setting `securityContext.<key>: value` on every (init) container."""

    def edit(container: CommentedMap) -> str | None:
        context = security_context(container)
        if isinstance(context, str):
            return context
        set_key(context, key, value)
        return None

    return on_containers(edit)


def k8s_rewriter(
    *,
    id: str,
    rule_ids: tuple[str, ...],
    action: str,
    title: str,
    confidence: Level,
    rollback_plan: str,
    provider_check: str,
    review_guidance: str,
    references: tuple[str, ...],
    apply: Callable[[RewriteContext], Outcome],
    parameters: tuple[Param, ...] = (),
    reversible: bool = True,
    resource_types: tuple[str, ...] = WORKLOAD_KINDS,
    verify_rules: tuple[str, ...] | None = None,
    facts: ChangeFacts,
) -> Rewriter:
    """A Kubernetes `Rewriter` whose verification re-checks the rules it handles."""
    return Rewriter(
        id=id,
        iac=IacKind.kubernetes,
        rule_ids=rule_ids,
        action=action,
        title=title,
        confidence=confidence,
        reversible=reversible,
        rollback_plan=rollback_plan,
        verification=Verification(rules=verify_rules or _scanner_rules(rule_ids), provider_check=provider_check),
        review_guidance=review_guidance,
        references=references,
        apply=apply,
        parameters=parameters,
        resource_types=resource_types,
        facts=facts,
    )
