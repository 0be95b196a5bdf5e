"""Per-resource context: environment, classification, criticality and owners, with evidence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.config import PathRule, RepoConfig
from bot.context import build_context
from bot.context.environment import normalise_environment
from bot.inventory import build_inventory
from bot.models.common import LineSpan
from bot.models.resource import IacKind, Inventory, Resource

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "inventory" / "repo"


def res(file: str, tags: dict[str, str] | None = None, **kw: Any) -> Resource:
    kind = kw.pop("kind", IacKind.terraform)
    return Resource(address=kw.pop("address", "aws_s3_bucket.b"), kind=kind, type="aws_s3_bucket", name="b",
                    file=file, line=LineSpan(start=1, end=3), byte_start=0, byte_end=10, tags=tags or {}, **kw)


def ctx_for(resource: Resource, config: RepoConfig | None = None, root: Path = FIXTURE):
    return build_context(root, config or RepoConfig(), Inventory(root=str(root))).for_resource(resource)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("prod", "prod"), ("Production", "prod"), ("PRD", "prod"), ("staging", "staging"), ("stg", "staging"),
     ("stage", "staging"), ("development", "dev"), ("dev", "dev"), ("QA", "test"), ("test", "test"),
     ("sandbox", "sandbox"), ("Evil <b>@x", "evilbx")],
)
def test_environment_values_are_normalised(value: str, expected: str) -> None:
    assert normalise_environment(value) == expected


def test_environment_from_tag_beats_path_convention() -> None:
    ctx = ctx_for(res("envs/dev/main.tf", {"Environment": "production"}))
    assert ctx.environment == "prod"
    assert ctx.evidence["environment"] == "tag Environment=production on aws_s3_bucket.b"


@pytest.mark.parametrize(
    ("file", "expected", "evidence"),
    [
        ("prod/main.tf", "prod", "path convention prod/"),
        ("envs/prod/main.tf", "prod", "path convention envs/prod/"),
        ("environments/staging/eu/main.tf", "staging", "path convention environments/staging/"),
        ("k8s/overlays/prod/deploy.yaml", "prod", "path convention k8s/overlays/prod/"),
        ("live/prod/vpc/main.tf", "prod", "path convention live/prod/"),
        ("stacks/payments-prod/main.tf", "prod", "path convention stacks/payments-prod/"),
        ("devops/tools/main.tf", None, None),
        ("modules/products/main.tf", None, None),
    ],
)
def test_environment_from_path_conventions(file: str, expected: str | None, evidence: str | None) -> None:
    ctx = ctx_for(res(file))
    assert ctx.environment == expected
    assert ctx.evidence.get("environment") == evidence


def test_tag_evidence_is_single_line_and_short() -> None:
    ctx = ctx_for(res("a/main.tf", {"env": "prod\n\n## injected heading " + "x" * 100}))
    evidence = ctx.evidence["environment"]
    assert "\n" not in evidence and len(evidence) < 120
    assert ctx.environment is not None and "\n" not in ctx.environment


def test_kubernetes_namespace_names_the_environment_after_labels_and_paths() -> None:
    pod = res("k8s/app.yaml", kind=IacKind.kubernetes, namespace="payments-prod", address="Pod.payments-prod.b")
    ctx = ctx_for(pod)
    assert (ctx.environment, ctx.evidence["environment"]) == ("prod", "Kubernetes namespace payments-prod")
    labelled = pod.model_copy(update={"tags": {"env": "dev"}})
    assert ctx_for(labelled).environment == "dev"


def test_fixbot_config_rule_wins_then_default_environment() -> None:
    config = RepoConfig(environments=[PathRule(path="legacy/**", environment="production")],
                        default_environment="dev")
    tagged = ctx_for(res("legacy/main.tf", {"env": "staging"}), config)
    assert tagged.environment == "prod"
    assert tagged.evidence["environment"] == ".fixbot.yml environments[0] path=legacy/**"
    other = ctx_for(res("misc/main.tf"), config)
    assert (other.environment, other.evidence["environment"]) == ("dev", ".fixbot.yml default_environment")
    assert ctx_for(res("misc/main.tf")).environment is None


def test_classification_and_criticality_from_tags_config_and_defaults() -> None:
    tagged = ctx_for(res("a/main.tf", {"DataClassification": "PCI", "tier": "tier-0"}))
    assert (tagged.data_classification, tagged.criticality) == ("restricted", "critical")
    assert tagged.evidence["data_classification"] == "tag DataClassification=PCI on aws_s3_bucket.b"
    dashed = ctx_for(res("a/main.tf", {"data-classification": "Confidential", "criticality": "High"}))
    assert (dashed.data_classification, dashed.criticality) == ("confidential", "high")
    plain = ctx_for(res("a/main.tf", {"classification": "no-idea"}))
    assert (plain.data_classification, plain.criticality) == ("internal", "medium")
    assert plain.evidence["data_classification"] == "default data_classification (no tag or rule)"
    config = RepoConfig(default_data_classification="public", default_criticality="low",
                        environments=[PathRule(path="pci/**", data_classification="restricted", criticality="high")])
    ruled = ctx_for(res("pci/main.tf", {"classification": "internal"}), config)
    assert (ruled.data_classification, ruled.criticality) == ("restricted", "high")
    defaulted = ctx_for(res("other/main.tf"), config)
    assert (defaulted.data_classification, defaulted.criticality) == ("public", "low")
    assert defaulted.evidence["criticality"] == ".fixbot.yml default_criticality"


def test_unknown_config_values_are_reported() -> None:
    config = RepoConfig(default_criticality="huge", environments=[PathRule(path="x", data_classification="top")])
    ctx = build_context(FIXTURE, config, Inventory(root=str(FIXTURE)))
    messages = [e.message for e in ctx.errors]
    assert any("'default_criticality'" in m and "'huge'" in m for m in messages)
    assert any("'environments[0].data_classification'" in m for m in messages)


def test_fixture_repository_end_to_end(tmp_path: Path) -> None:
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "CODEOWNERS").write_text("* @acme/platform\n/envs/prod/ @acme/payments\n")
    inventory = build_inventory(FIXTURE, RepoConfig())
    context = build_context(tmp_path, RepoConfig(), inventory)
    bucket = context.for_resource(inventory.by_address()["envs/prod:aws_s3_bucket.payments"])
    assert bucket.model_dump() == {
        "environment": "prod",
        "owners": ("@acme/payments",),
        "data_classification": "restricted",
        "criticality": "medium",
        "evidence": {
            "environment": "tag Environment=production on envs/prod:aws_s3_bucket.payments",
            "data_classification": "tag data_classification=restricted on envs/prod:aws_s3_bucket.payments",
            "criticality": "default criticality (no tag or rule)",
            "owners": ".github/CODEOWNERS line 2: /envs/prod/ @acme/payments",
        },
        "protects": None,
    }
    store = context.for_resource(inventory.by_address()["aws_s3_bucket.this"])
    assert (store.environment, store.owners) == (None, ("@acme/platform",))
    assert "environment" not in store.evidence
    bare = build_context(FIXTURE, RepoConfig(), inventory).for_resource(inventory.by_address()["aws_s3_bucket.this"])
    assert (bare.owners, bare.evidence["owners"]) == ((), "no CODEOWNERS file (.github/, root or docs/)")


def test_one_context_answers_each_resource_by_its_own_content() -> None:
    context = build_context(FIXTURE, RepoConfig(), Inventory(root=str(FIXTURE)))
    prod = res("envs/prod/main.tf", {"environment": "prod"})
    dev = res("envs/prod/main.tf", {"environment": "dev"})  # same address, other tags
    assert context.for_resource(prod).environment == "prod"
    assert context.for_resource(dev).environment == "dev"
    assert context.for_resource(prod) == ctx_for(prod)  # asked again: the same answer
