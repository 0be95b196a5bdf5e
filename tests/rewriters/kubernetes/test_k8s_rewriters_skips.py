"""What the Kubernetes rewriters refuse, and how parameters reach them."""

from __future__ import annotations

from bot.inventory.kubernetes import parse_manifests
from rewriters.base import Edit, Outcome, RewriteContext, Skip
from rewriters.kubernetes import (
    add_network_policy,
    add_security_label,
    cpu_limits,
    disable_privilege_escalation,
    memory_requests,
    run_as_high_uid,
    run_as_non_root,
    seccomp_runtime_default,
    set_namespace,
    set_runtime_class,
)

DEPLOY = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.25.3
"""


def _run(
    module: object, text: str = DEPLOY, params: dict[str, str] | None = None, doc: int = 0, inventoried: str = ""
) -> Outcome:
    """Apply like the planner; `inventoried`: the text the inventory saw, if it differs."""
    rw = module.REWRITER  # type: ignore[attr-defined]
    resources = [r for r in parse_manifests(inventoried or text, "app.yaml").resources if r.doc_index == doc]
    given = {p.name: p.default for p in rw.parameters if p.default is not None}
    ctx = RewriteContext(text=text, resource=resources[0], findings=(), params={**given, **(params or {})})
    return rw.apply(ctx)


def _edit(outcome: Outcome) -> str:
    assert isinstance(outcome, Edit), outcome
    return outcome.text


def test_parameters_without_default_are_reported_missing() -> None:
    assert _run(set_namespace) == Skip(
        reason="needs parameter `namespace` (the namespace this application belongs in) in .fixbot.yml",
        missing_parameters=("namespace",),
    )
    runtime = _run(set_runtime_class)
    assert isinstance(runtime, Skip) and runtime.missing_parameters == ("runtime_class",)
    label = _run(add_security_label, params={"label_key": "tier"})
    assert isinstance(label, Skip) and label.missing_parameters == ("label_value",)


def test_invalid_parameter_values_are_refused_not_written() -> None:
    for module, params in [
        (set_namespace, {"namespace": "default"}),
        (set_namespace, {"namespace": "Bad_NS"}),
        (set_runtime_class, {"runtime_class": "gvisor; rm -rf"}),
        (add_security_label, {"label_key": "tier", "label_value": "two words"}),
        (run_as_high_uid, {"run_as_user": "1000"}),
        (cpu_limits, {"cpu_limit": "lots"}),
        (add_network_policy, {"metadata_cidr": "169.254.169.254/33"}),
    ]:
        outcome = _run(module, params=params)
        assert isinstance(outcome, Skip) and outcome.missing_parameters, (module, outcome)


def test_configured_parameters_are_used() -> None:
    assert "runtimeClassName: kata\n" in _edit(_run(set_runtime_class, params={"runtime_class": "kata"}))
    assert "memory: 64Mi\n" in _edit(_run(memory_requests, params={"memory_request": "64Mi"}))


def test_helm_templates_are_left_alone() -> None:
    text = DEPLOY.replace("image: nginx:1.25.3", "image: {{ .Values.image }}")
    outcome = _run(disable_privilege_escalation, text=text, inventoried=DEPLOY)
    assert isinstance(outcome, Skip) and "templated" in outcome.reason


def test_conflicting_settings_are_refused_with_the_reason() -> None:
    privileged = DEPLOY + "        securityContext: {privileged: true}\n"
    outcome = _run(disable_privilege_escalation, text=privileged)
    assert isinstance(outcome, Skip) and "privileged" in outcome.reason
    root = DEPLOY + "        securityContext: {runAsUser: 0}\n"
    outcome = _run(run_as_non_root, text=root)
    assert isinstance(outcome, Skip) and "runAsUser: 0" in outcome.reason
    local = DEPLOY.replace(
        "      containers:", "      securityContext:\n        seccompProfile: {type: Localhost}\n      containers:"
    )
    outcome = _run(seccomp_runtime_default, text=local)
    assert isinstance(outcome, Skip) and "Localhost" in outcome.reason


def test_requests_and_limits_never_cross() -> None:
    text = DEPLOY + "        resources:\n          requests: {cpu: '2'}\n"
    assert "limits:\n            cpu: '2'\n" in _edit(_run(cpu_limits, text=text))


def test_not_a_workload_is_refused() -> None:
    text = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{port: 80}]\n"
    outcome = _run(disable_privilege_escalation, text=text)
    assert isinstance(outcome, Skip) and "no pod spec" in outcome.reason


def test_second_document_is_found_and_first_kept_byte_identical() -> None:
    first = "# comment\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\ndata: {a: '1'}\n---\n"
    text = _edit(_run(run_as_non_root, text=first + DEPLOY, doc=1))
    assert text.startswith(first) and "runAsNonRoot: true" in text[len(first) :]


def test_network_policy_is_not_added_twice_and_needs_pod_labels() -> None:
    once = _edit(_run(add_network_policy))
    assert once.count("kind: NetworkPolicy") == 1
    assert _edit(_run(add_network_policy, text=once)) == once
    unlabeled = DEPLOY.replace("    metadata:\n      labels: {app: web}\n", "")
    assert isinstance(_run(add_network_policy, text=unlabeled), Skip)


def test_existing_label_with_another_value_is_not_overwritten() -> None:
    text = DEPLOY.replace("  name: web\n", "  name: web\n  labels: {tier: public}\n", 1)
    outcome = _run(add_security_label, text=text, params={"label_key": "tier", "label_value": "restricted"})
    assert isinstance(outcome, Skip) and "different value" in outcome.reason


def test_names_from_the_manifest_are_neutralised_in_reasons() -> None:
    hostile = (
        DEPLOY.replace("- name: web", "- name: '@admin [x](http://e.vil)'")
        + "        securityContext: {privileged: true}\n"
    )
    outcome = _run(disable_privilege_escalation, text=hostile, inventoried=DEPLOY)
    assert isinstance(outcome, Skip)
    assert "@" not in outcome.reason and "(" not in outcome.reason.split(":")[0]
