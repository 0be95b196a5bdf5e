"""Derived queries: attack path, blast radius, owners."""

from __future__ import annotations

from bot.graph.catalog import EdgeKind
from bot.graph.model import BLAST_HIGH_RESTRICTED_COUNT, score_blast
from bot.models.risk import BlastAsset
from tests.harness.infra import Ctx, FakeContext, api_chain, graph_of, tf

RESTRICTED = Ctx(environment="prod", data_classification="restricted")


def test_attack_path_runs_from_the_internet_through_the_alb_to_the_bucket() -> None:
    g = graph_of(*api_chain())
    assert g.attack_path("aws_s3_bucket.payments") == (
        "internet",
        "aws_lb.public",
        "aws_lb_listener.https",
        "aws_lb_target_group.api",
        "aws_lb_target_group_attachment.api",
        "aws_instance.api",
        "aws_iam_instance_profile.api",
        "aws_iam_role.api",
        "aws_iam_role_policy.api_s3",
        "aws_s3_bucket.payments",
    )


def test_attack_path_is_empty_when_nothing_internet_facing_leads_there() -> None:
    resources = [r for r in api_chain() if r.address != "aws_lb.public"]
    resources.append(tf("aws_lb.public", {"internal": True}))
    g = graph_of(*resources)
    assert g.attack_path("aws_s3_bucket.payments") == ()
    assert g.attack_path("not.there") == ()


def test_blast_radius_lists_sensitive_stores_with_classification_and_distance() -> None:
    ctx = FakeContext(
        {"aws_s3_bucket.payments": RESTRICTED, "aws_s3_bucket.public_site": Ctx(data_classification="public")}
    )
    resources = [
        *api_chain(),
        tf("aws_s3_bucket.public_site", {}),
    ]
    g = graph_of(*resources, context=ctx)
    blast = g.blast_radius("aws_instance.api")
    assert [(a.address, a.classification, a.distance) for a in blast.assets] == [
        ("aws_s3_bucket.payments", "restricted", 2)  # role (1 hop) → policy (glue) → bucket (2 hops)
    ]
    assert blast.level == "medium" and 0.3 <= blast.score < 0.7
    # the bucket's own radius includes itself at distance 0
    own = g.blast_radius("aws_s3_bucket.payments")
    assert own.assets[0].distance == 0 and own.score == 0.5
    # nothing sensitive reachable from a public bucket with public data
    assert g.blast_radius("aws_s3_bucket.public_site").assets == ()


def test_blast_radius_respects_the_hop_bound() -> None:
    g = graph_of(*api_chain(), context=FakeContext({"aws_s3_bucket.payments": RESTRICTED}))
    assert g.blast_radius("aws_lb.public", max_hops=6).assets
    assert g.blast_radius("aws_lb.public", max_hops=2).assets == ()


def test_wildcard_policy_reaching_two_restricted_stores_is_high() -> None:
    ctx = FakeContext({"aws_s3_bucket.payments": RESTRICTED, "aws_db_instance.ledger": RESTRICTED})
    admin = tf("aws_iam_policy.admin", {"policy": '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'})
    g = graph_of(admin, tf("aws_s3_bucket.payments"), tf("aws_db_instance.ledger"), context=ctx)
    blast = g.blast_radius("aws_iam_policy.admin")
    assert {a.address for a in blast.assets} == {"aws_s3_bucket.payments", "aws_db_instance.ledger"}
    assert blast.level == "high"


def test_blast_levels_from_score_and_restricted_count() -> None:
    assert score_blast(()).level == "low" and score_blast(()).score == 0.0
    one_internal = score_blast((BlastAsset(address="a", classification="internal", distance=1),))
    assert one_internal.level == "low"
    restricted = tuple(
        BlastAsset(address=f"s{i}", classification="restricted", distance=6) for i in range(BLAST_HIGH_RESTRICTED_COUNT)
    )
    assert score_blast(restricted).level == "high"
    many = tuple(BlastAsset(address=f"c{i}", classification="confidential", distance=0) for i in range(5))
    assert score_blast(many).score == 1.0


def test_owner_nodes_own_their_resources_but_carry_no_reach() -> None:
    ctx = FakeContext(default=Ctx(owners=("@acme/payments-platform",)))
    g = graph_of(*api_chain(), context=ctx)
    owner = "owner:@acme/payments-platform"
    assert g.edge(owner, "aws_s3_bucket.payments")["kind"] == EdgeKind.owns
    assert owner not in g.attack_path("aws_s3_bucket.payments")
    assert g.node("aws_s3_bucket.payments")["environment"] is None
