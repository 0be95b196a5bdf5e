"""CKV2_K8S_6: pods need a NetworkPolicy; add one that denies egress to the metadata IP.

The new policy (a `---` document appended to the same file) selects the workload's pods and
only restricts egress: everything stays reachable except the cloud instance metadata
endpoint, so credentials of the node cannot be stolen from inside the pod.
"""

from __future__ import annotations

import ipaddress
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from bot.models.common import Level
from bot.models.plan import ChangeFacts
from bot.yamledit import Refusal, append_document, load_documents
from bot.yamledit.k8s import dig, find_document, identity, pod_metadata
from rewriters.base import Edit, Outcome, Param, RewriteContext, Skip
from rewriters.kubernetes._common import k8s_rewriter

SUFFIX = "-deny-metadata-egress"


def _pod_labels(doc: Any) -> dict[str, str] | None:
    labels = dig(pod_metadata(doc), ("labels",))
    if not isinstance(labels, dict) or not labels:
        return None
    selector = dig(doc, ("spec", "selector", "matchLabels"))
    if isinstance(selector, dict) and selector and all(labels.get(k) == v for k, v in selector.items()):
        labels = selector  # the stable subset the controller selects by
    return {str(k): str(v) for k, v in labels.items()}


def _covers(policy: Any, namespace: str, labels: dict[str, str], cidr: str) -> bool:
    if (identity(policy) or ("", "", ""))[:2] != ("NetworkPolicy", namespace):
        return False
    match = dig(policy, ("spec", "podSelector", "matchLabels"))
    if not isinstance(match, dict) or not match or dig(policy, ("spec", "podSelector", "matchExpressions")):
        return False
    return all(labels.get(str(k)) == str(v) for k, v in match.items()) and cidr in str(dig(policy, ("spec", "egress")))


def _policy(name: str, namespace: str | None, labels: dict[str, str], cidr: str) -> CommentedMap:
    metadata = CommentedMap(name=f"{name}{SUFFIX}")
    if namespace:
        metadata["namespace"] = namespace
    block = CommentedMap(cidr="0.0.0.0/0")
    block["except"] = CommentedSeq([cidr])
    internet = CommentedMap(to=CommentedSeq([CommentedMap(ipBlock=block)]))
    cluster = CommentedMap(to=CommentedSeq([CommentedMap(namespaceSelector=CommentedMap())]))
    spec = CommentedMap(podSelector=CommentedMap(matchLabels=CommentedMap(labels)))
    spec["policyTypes"] = CommentedSeq(["Egress"])
    spec["egress"] = CommentedSeq([internet, cluster])
    policy = CommentedMap(apiVersion="networking.k8s.io/v1", kind="NetworkPolicy")
    policy["metadata"] = metadata
    policy["spec"] = spec
    return policy


def _cidr(ctx: RewriteContext) -> str | None:
    try:
        network = ipaddress.IPv4Network(ctx.params.get("metadata_cidr", ""), strict=True)
    except ValueError:
        return None
    return str(network)


def apply(ctx: RewriteContext) -> Outcome:
    cidr = _cidr(ctx)
    if cidr is None:
        return Skip(reason="parameter metadata_cidr must be an IPv4 CIDR", missing_parameters=("metadata_cidr",))
    docs = load_documents(ctx.text, ctx.resource.file)
    if isinstance(docs, Refusal):
        return Skip(reason=docs.reason)
    index = find_document(docs, ctx.resource.type, ctx.resource.name, ctx.resource.doc_index)
    found = identity(docs[index]) if index is not None else None
    labels = _pod_labels(docs[index]) if index is not None else None
    if index is None or found is None or labels is None:
        return Skip(reason="workload not found, or its pods have no labels a NetworkPolicy could select")
    if "{{" in ctx.text:
        return Skip(reason="file is templated (Helm `{{ }}`); add the NetworkPolicy to the chart")
    _kind, namespace, name = found
    if any(_covers(doc, namespace, labels, cidr) for doc in docs):
        return Edit(text=ctx.text)
    explicit = dig(docs[index], ("metadata", "namespace"))
    result = append_document(ctx.text, _policy(name, explicit if isinstance(explicit, str) else None, labels, cidr))
    return Skip(reason=result.reason) if isinstance(result, Refusal) else Edit(text=result)


REWRITER = k8s_rewriter(
    id="k8s_add_network_policy",
    rule_ids=("CKV2_K8S_6", "KSV038", "AVD-KSV-0038"),
    action="add_network_policy",
    title="Add a NetworkPolicy for the pods that denies egress to the instance metadata IP",
    confidence=Level.medium,
    rollback_plan="Revert the commit and delete the NetworkPolicy `<workload>-deny-metadata-egress`.",
    provider_check="k8s_egress_denies_metadata_ip",
    review_guidance=(
        "Egress only; ingress is unchanged. Pods can still reach every address except the "
        "metadata IP (IPv4; in-cluster traffic is allowed by namespace selector). BREAKS pods "
        "that rely on the node's cloud credentials through the metadata service (AWS SDK "
        "without IRSA, GCE metadata, Azure IMDS): move them to workload identity first. Policies "
        "are additive: another policy allowing all egress for these pods cancels the block. "
        "The CNI must enforce NetworkPolicy (Calico, Cilium, ...)."
    ),
    references=(
        "https://kubernetes.io/docs/concepts/services-networking/network-policies/",
        "https://kubernetes.io/docs/tasks/administer-cluster/securing-a-cluster/#restricting-cloud-metadata-api-access",
    ),
    apply=apply,
    parameters=(
        Param(name="metadata_cidr", description="instance metadata address to deny", default="169.254.169.254/32"),
    ),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
