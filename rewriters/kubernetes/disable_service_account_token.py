"""CKV_K8S_38: service account tokens should only be mounted where necessary."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts
from rewriters.kubernetes._common import k8s_rewriter
from rewriters.kubernetes._pod_flag import disable_pod_flag

REWRITER = k8s_rewriter(
    id="k8s_disable_service_account_token",
    rule_ids=("CKV_K8S_38", "KSV036", "AVD-KSV-0036", "48471392-d4d0-47c0-b135-cdec95eb3eef"),
    action="disable_service_account_token_automount",
    title="Set automountServiceAccountToken: false in the pod spec",
    confidence=Level.medium,
    rollback_plan="Revert the commit, or set `automountServiceAccountToken: true` in the pod spec.",
    provider_check="k8s_service_account_token_not_mounted",
    review_guidance=(
        "CAN BREAK THE APP if it talks to the Kubernetes API (operators, controllers, CI "
        "runners, anything using client-go / in-cluster config, Vault Kubernetes auth with the default "
        "token). Check the code does not read "
        "/var/run/secrets/kubernetes.io/serviceaccount before merging."
    ),
    references=(
        "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting",
        "https://kubernetes.io/docs/concepts/security/service-accounts/",
    ),
    apply=disable_pod_flag("automountServiceAccountToken", only_if_true=False),
    facts=ChangeFacts(network=False, iam=True, deletes=False, data_loss=False, disruption=True, restart=True),
)
