"""Explainable risk: enrichment from authoritative sources and the weighted factor score."""

from __future__ import annotations

import pytest

from bot.config import RiskWeights
from bot.errors import ConfigError
from bot.models.common import Level, Severity
from bot.risk import assess, enrich
from tests.harness.infra import Ctx, FakeContext, api_chain, finding_for, graph_of, tf
from tests.harness.modelstate import model_state, revalidated

PROD = Ctx(
    environment="prod",
    owners=("@acme/payments-platform",),
    data_classification="restricted",
    criticality="high",
    evidence={"environment": "tag environment=prod", "data_classification": "tag data_classification=restricted"},
)
DEV = Ctx(
    environment="dev",
    owners=("@dev-alice",),
    data_classification="public",
    criticality="low",
    evidence={"environment": "tag environment=dev", "data_classification": "tag data_classification=public"},
)


def scenario():
    """A public prod bucket behind an internet-facing API, and a public dev bucket with no data."""
    resources = api_chain()
    payments = next(r for r in resources if r.address == "aws_s3_bucket.payments")
    payments = payments.model_copy(update={"attributes": {"acl": "public-read"}})
    resources = [payments if r.address == payments.address else r for r in resources]
    scratch = tf("aws_s3_bucket.scratch", {"acl": "public-read"}, file="terraform/dev/main.tf")
    context = FakeContext(
        {"aws_s3_bucket.payments": PROD, "aws_s3_bucket.scratch": DEV}, default=Ctx(environment="prod")
    )
    graph = graph_of(*resources, scratch, context=context)
    return payments, scratch, context, graph


def factors(assessment):
    return {f.name: f for f in assessment.risk.factors}


def test_same_public_bucket_finding_scores_clearly_higher_on_prod_restricted_bucket() -> None:
    payments, scratch, context, graph = scenario()
    prod = assess(finding_for(payments), payments, context, graph, RiskWeights())
    dev = assess(finding_for(scratch), scratch, context, graph, RiskWeights())
    assert prod.risk.score >= dev.risk.score + 0.3
    assert prod.risk.score >= 0.8
    assert dev.risk.score <= 0.6
    assert factors(prod)["data_sensitivity"].value == 1.0 and factors(dev)["data_sensitivity"].value == 0.0
    assert prod.blast_radius.assets[0].address == "aws_s3_bucket.payments"
    assert dev.blast_radius.assets == ()


def test_every_factor_has_evidence_and_weights_sum_to_one() -> None:
    payments, _, context, graph = scenario()
    result = assess(finding_for(payments), payments, context, graph, RiskWeights())
    names = [f.name for f in result.risk.factors]
    assert names == ["severity", "exposure", "criticality", "data_sensitivity", "exploitability", "blast_radius"]
    assert [f.weight for f in result.risk.factors] == [0.25, 0.2, 0.2, 0.15, 0.1, 0.1]
    assert all(f.evidence for f in result.risk.factors)
    assert sum(f.weight for f in result.risk.factors) == pytest.approx(1.0)
    got = factors(result)
    assert got["severity"].evidence == ("severity high (checkov CKV_AWS_20)",)
    assert "tag data_classification=restricted" in got["data_sensitivity"].evidence[0]
    assert "environment prod (tag environment=prod)" in got["criticality"].evidence
    assert got["exposure"].evidence[1] == 'aws_s3_bucket.payments: acl = "public-read"'
    assert result.risk.score == round(sum(f.weight * f.value for f in result.risk.factors), 2)


def test_exposure_through_a_path_quotes_the_path() -> None:
    resources = api_chain()
    context = FakeContext({"aws_s3_bucket.payments": PROD})
    graph = graph_of(*resources, context=context)
    bucket = resources[0]
    result = assess(finding_for(bucket, "CKV_AWS_19", Severity.medium), bucket, context, graph, RiskWeights())
    exposure = factors(result)["exposure"]
    assert exposure.value == 0.7
    assert exposure.evidence[0].startswith("internet → aws_lb.public → ")
    assert exposure.evidence[0].endswith("aws_iam_role_policy.api_s3 → aws_s3_bucket.payments")
    assert "aws_lb.public: internal = false" in exposure.evidence
    assert result.attack_path[0] == "internet" and result.attack_path[-1] == "aws_s3_bucket.payments"


def test_data_sensitivity_counts_the_most_sensitive_store_in_reach() -> None:
    resources = api_chain()
    context = FakeContext({"aws_s3_bucket.payments": PROD}, default=Ctx(environment="prod"))
    graph = graph_of(*resources, context=context)
    instance = next(r for r in resources if r.address == "aws_instance.api")
    result = assess(finding_for(instance, "CKV_AWS_79"), instance, context, graph, RiskWeights())
    data = factors(result)["data_sensitivity"]
    assert data.value == 1.0
    assert data.evidence[-1] == "reaches aws_s3_bucket.payments (restricted, 2 hops)"


def test_scores_stay_in_bounds() -> None:
    payments, scratch, context, graph = scenario()
    for resource in (payments, scratch):
        for severity in Severity:
            for level in Level:
                f = finding_for(resource, severity=severity, exploitability=level)
                result = assess(f, resource, context, graph, RiskWeights())
                assert 0.0 <= result.risk.score <= 1.0
                assert all(0.0 <= x.value <= 1.0 for x in result.risk.factors)


def test_overridden_weights_change_the_score_and_are_normalised() -> None:
    _, scratch, context, graph = scenario()
    f = finding_for(scratch)
    default = assess(f, scratch, context, graph, RiskWeights())
    severity_only = RiskWeights(
        severity=1.0, exposure=0.0, criticality=0.0, data_sensitivity=0.0, exploitability=0.0, blast_radius=0.0
    )
    heavy = assess(f, scratch, context, graph, severity_only)
    assert heavy.risk.score == 0.8  # severity high alone
    assert heavy.risk.score != default.risk.score
    doubled = RiskWeights(**{k: v * 2 for k, v in RiskWeights().model_dump().items() if k != "severity"}, severity=0.5)
    assert assess(f, scratch, context, graph, doubled).risk.score == default.risk.score


def test_all_zero_weights_is_a_config_error() -> None:
    _, scratch, context, graph = scenario()
    zero = RiskWeights(
        severity=0.0, exposure=0.0, criticality=0.0, data_sensitivity=0.0, exploitability=0.0, blast_radius=0.0
    )
    with pytest.raises(ConfigError, match="risk_weights"):
        assess(finding_for(scratch), scratch, context, graph, zero)


def test_exploitability_from_finding_else_rule_kind_default() -> None:
    _, scratch, context, graph = scenario()
    reported = assess(finding_for(scratch, exploitability=Level.low), scratch, context, graph, RiskWeights())
    assert factors(reported)["exploitability"].value == 0.3
    assert factors(reported)["exploitability"].evidence == ("exploitability low (reported by checkov)",)
    default = assess(finding_for(scratch, "CKV_AWS_24"), scratch, context, graph, RiskWeights())
    assert factors(default)["exploitability"].value == 0.9
    assert "network exposure rule CKV_AWS_24" in factors(default)["exploitability"].evidence[0]
    logging = assess(finding_for(scratch, "CKV_AWS_18"), scratch, context, graph, RiskWeights())
    assert factors(logging)["exploitability"].value < factors(default)["exploitability"].value


def test_enrich_takes_context_and_exposure_from_the_repository_not_the_finding() -> None:
    _, scratch, context, graph = scenario()
    lying = finding_for(
        scratch, environment="prod", owners=("@attacker",), data_classification="restricted", internet_exposed=False
    )
    out = enrich(lying, scratch, context, graph)
    assert out.environment == "dev"
    assert out.owners == ("@dev-alice",)
    assert out.data_classification == "public"
    assert out.internet_exposed is True
    assert out.id == lying.id and out.rule_id == lying.rule_id
    hidden = tf("aws_s3_bucket.hidden")
    quiet_graph = graph_of(hidden, context=context)
    assert enrich(finding_for(hidden, internet_exposed=True), hidden, context, quiet_graph).internet_exposed is False


def test_assessments_equal_what_validation_builds() -> None:
    """Risk and Assessment are built without re-validation: same values, field order and set fields."""
    payments, scratch, context, graph = scenario()
    for resource in (payments, scratch):
        for severity in Severity:
            a = assess(finding_for(resource, severity=severity), resource, context, graph, RiskWeights())
            assert model_state(a) == model_state(revalidated(a))
            assert a.model_fields_set == {"finding", "risk", "attack_path", "blast_radius"}
            assert isinstance(a.risk.score, float)


def test_enrich_copies_like_model_copy() -> None:
    _, scratch, context, graph = scenario()
    f = finding_for(scratch, owners=("@x",))
    out = enrich(f, scratch, context, graph)
    expected = f.model_copy(update={"environment": "dev", "owners": ("@dev-alice",),
                                    "data_classification": "public", "internet_exposed": True})
    assert model_state(out) == model_state(expected)
    assert model_state(f) == model_state(finding_for(scratch, owners=("@x",)))  # the original is untouched


def test_a_factor_giving_non_text_evidence_is_still_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from pydantic import ValidationError

    from bot.risk import factors as factor_module

    monkeypatch.setitem(factor_module.FACTORS, "severity", lambda _inputs: (0.5, (object(),)))
    payments, _, context, graph = scenario()
    with pytest.raises(ValidationError):
        assess(finding_for(payments), payments, context, graph, RiskWeights())
