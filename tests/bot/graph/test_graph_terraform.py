"""Terraform reach and exposure edges on small hand-built inventories."""

from __future__ import annotations

from bot.graph import INTERNET, EdgeKind
from bot.graph.catalog import ANY_AWS
from tests.harness.infra import BUCKET, api_chain, graph_of, tf


def test_role_policy_referencing_bucket_gives_role_access_to_bucket() -> None:
    g = graph_of(*api_chain())
    assert g.graph.has_edge("aws_iam_role.api", "aws_iam_role_policy.api_s3")
    assert g.graph.has_edge("aws_iam_role_policy.api_s3", "aws_s3_bucket.payments")
    assert not g.graph.has_edge("aws_s3_bucket.payments", "aws_iam_role_policy.api_s3")


def test_load_balancer_chain_orients_towards_the_backend() -> None:
    g = graph_of(*api_chain())
    for src, dst in [
        ("aws_lb.public", "aws_lb_listener.https"),
        ("aws_lb_listener.https", "aws_lb_target_group.api"),
        ("aws_lb_target_group.api", "aws_lb_target_group_attachment.api"),
        ("aws_lb_target_group_attachment.api", "aws_instance.api"),
        ("aws_instance.api", "aws_iam_instance_profile.api"),
        ("aws_iam_instance_profile.api", "aws_iam_role.api"),
    ]:
        assert g.edge(src, dst)["kind"] == EdgeKind.reference, (src, dst)
        assert not g.graph.has_edge(dst, src), (dst, src)


def test_ecs_service_is_reached_from_its_target_group() -> None:
    g = graph_of(
        tf("aws_lb_target_group.api"),
        tf("aws_ecs_task_definition.api", {}, ["aws_iam_role.task"]),
        tf("aws_iam_role.task"),
        tf("aws_ecs_service.api", {}, ["aws_lb_target_group.api", "aws_ecs_task_definition.api"]),
    )
    assert g.graph.has_edge("aws_lb_target_group.api", "aws_ecs_service.api")
    assert g.graph.has_edge("aws_ecs_service.api", "aws_ecs_task_definition.api")
    assert g.graph.has_edge("aws_ecs_task_definition.api", "aws_iam_role.task")


def test_open_security_group_exposes_itself_and_its_members() -> None:
    sg = tf("aws_security_group.ssh", {"ingress": [{"from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}]})
    bastion = tf("aws_instance.bastion", {}, ["aws_security_group.ssh"])
    g = graph_of(sg, bastion)
    exposed, why = g.exposure("aws_security_group.ssh")
    assert exposed and why == ("aws_security_group.ssh: ingress from 0.0.0.0/0 on port 22",)
    exposed, why = g.exposure("aws_instance.bastion")
    assert exposed and why == ("member of aws_security_group.ssh: ingress from 0.0.0.0/0 on port 22",)
    assert g.edge("aws_security_group.ssh", "aws_instance.bastion")["kind"] == EdgeKind.network


def test_restricted_security_group_is_not_exposure() -> None:
    sg = tf("aws_security_group.vpn", {"ingress": [{"from_port": 22, "to_port": 22, "cidr_blocks": ["10.0.0.0/8"]}]})
    g = graph_of(sg, tf("aws_instance.x", {}, ["aws_security_group.vpn"]))
    assert g.exposure("aws_security_group.vpn") == (False, ())
    assert g.exposure("aws_instance.x") == (False, ())


def test_ipv6_and_standalone_rules_expose_the_group() -> None:
    g = graph_of(
        tf("aws_security_group.web"),
        tf("aws_instance.web", {}, ["aws_security_group.web"]),
        tf(
            "aws_security_group_rule.https",
            {"type": "ingress", "from_port": 443, "to_port": 443, "ipv6_cidr_blocks": ["::/0"]},
            ["aws_security_group.web"],
        ),
        tf("aws_vpc_security_group_ingress_rule.all", {"cidr_ipv4": "0.0.0.0/0", "ip_protocol": "-1"}),
    )
    assert g.exposure("aws_security_group.web")[0]
    assert g.exposure("aws_instance.web")[0]
    assert g.exposure("aws_vpc_security_group_ingress_rule.all")[0]
    assert not g.graph.has_edge("aws_security_group.web", "aws_security_group_rule.https")


def test_public_bucket_acls_and_policies_are_exposure() -> None:
    g = graph_of(
        tf("aws_s3_bucket.inline", {"acl": "public-read"}),
        tf("aws_s3_bucket.split"),
        tf("aws_s3_bucket_acl.split", {"acl": "public-read-write"}, ["aws_s3_bucket.split"]),
        tf("aws_s3_bucket.pol"),
        tf(
            "aws_s3_bucket_policy.pol",
            {"policy": 'jsonencode({Statement = [{Effect = "Allow", Principal = "*", Action = "s3:GetObject"}]})'},
            ["aws_s3_bucket.pol"],
        ),
        tf("aws_s3_bucket.private", {"acl": "private"}),
    )
    assert g.exposure("aws_s3_bucket.inline") == (True, ('aws_s3_bucket.inline: acl = "public-read"',))
    assert g.exposure("aws_s3_bucket.split")[0]
    assert g.exposure("aws_s3_bucket.pol") == (True, ('aws_s3_bucket_policy.pol: bucket policy allows Principal "*"',))
    assert g.exposure("aws_s3_bucket.private") == (False, ())


def test_bucket_policy_with_public_policy_document_and_heredoc_json() -> None:
    doc = tf(
        "data.aws_iam_policy_document.public",
        {"statement": [{"actions": ["s3:GetObject"], "principals": [{"type": "*", "identifiers": ["*"]}]}]},
    )
    heredoc = '{\n  "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:*"}]\n}\n'
    g = graph_of(
        tf("aws_s3_bucket.a"),
        tf(
            "aws_s3_bucket_policy.a",
            {"policy": "data.aws_iam_policy_document.public.json"},
            ["aws_s3_bucket.a", "data.aws_iam_policy_document.public"],
        ),
        doc,
        tf("aws_s3_bucket.b"),
        tf("aws_s3_bucket_policy.b", {"policy": heredoc}, ["aws_s3_bucket.b"]),
    )
    assert g.exposure("aws_s3_bucket.a")[0]
    assert g.exposure("aws_s3_bucket.b")[0]


def test_missing_public_access_block_alone_is_not_exposure() -> None:
    g = graph_of(tf("aws_s3_bucket.quiet", {"bucket": "quiet"}))
    assert g.exposure("aws_s3_bucket.quiet") == (False, ())
    assert g.attack_path("aws_s3_bucket.quiet") == ()


def test_load_balancers_instances_and_databases() -> None:
    g = graph_of(
        tf("aws_lb.public", {"internal": False}),
        tf("aws_lb.private", {"internal": True}),
        tf("aws_elb.legacy"),
        tf("aws_instance.pub", {"associate_public_ip_address": True}),
        tf("aws_instance.priv", {"associate_public_ip_address": False}),
        tf("aws_db_instance.db", {"publicly_accessible": True}),
    )
    assert g.exposure("aws_lb.public") == (True, ("aws_lb.public: internal = false",))
    assert not g.exposure("aws_lb.private")[0]
    assert "internet-facing by default" in g.exposure("aws_elb.legacy")[1][0]
    assert g.exposure("aws_instance.pub")[0] and not g.exposure("aws_instance.priv")[0]
    assert g.exposure("aws_db_instance.db")[0]


def test_gcp_firewall_and_azure_nsg() -> None:
    g = graph_of(
        tf("google_compute_firewall.ssh", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp"}]}),
        tf("google_compute_firewall.egress", {"direction": "EGRESS", "source_ranges": ["0.0.0.0/0"]}),
        tf(
            "azurerm_network_security_group.web",
            {
                "security_rule": [
                    {
                        "direction": "Inbound",
                        "access": "Allow",
                        "source_address_prefix": "*",
                        "destination_port_range": "22",
                    }
                ]
            },
        ),
        tf(
            "azurerm_network_security_group.deny",
            {"security_rule": [{"direction": "Inbound", "access": "Deny", "source_address_prefix": "*"}]},
        ),
        tf("google_storage_bucket.site"),
        tf("google_storage_bucket_iam_member.pub", {"member": "allUsers"}, ["google_storage_bucket.site"]),
    )
    assert g.exposure("google_compute_firewall.ssh")[0]
    assert not g.exposure("google_compute_firewall.egress")[0]
    assert g.exposure("azurerm_network_security_group.web")[0]
    assert not g.exposure("azurerm_network_security_group.deny")[0]
    assert g.exposure("google_storage_bucket.site")[0]


def test_iam_wildcard_policy_reaches_every_aws_data_store() -> None:
    admin = tf(
        "aws_iam_policy.admin",
        {"policy": 'jsonencode({Statement = [{Effect = "Allow", Action = "*", Resource = "*"}]})'},
    )
    scoped = tf(
        "aws_iam_policy.scoped",
        {"policy": 'jsonencode({Statement = [{Effect = "Allow", Action = "s3:*", Resource = "arn:aws:s3:::x/*"}]})'},
    )
    g = graph_of(admin, scoped, BUCKET, tf("aws_db_instance.ledger"), tf("aws_instance.web"))
    assert g.edge("aws_iam_policy.admin", ANY_AWS)["evidence"] == (
        'aws_iam_policy.admin: policy allows "*" on Resource "*"',
    )
    assert g.edge("aws_iam_policy.admin", ANY_AWS)["kind"] == EdgeKind.iam_wildcard
    assert set(g.graph.successors(ANY_AWS)) == {"aws_s3_bucket.payments", "aws_db_instance.ledger"}
    assert not g.graph.has_edge("aws_iam_policy.scoped", ANY_AWS)


def test_nodes_carry_type_data_store_flag_and_internet_node_exists() -> None:
    g = graph_of(*api_chain())
    assert INTERNET in g
    assert g.node("aws_s3_bucket.payments")["is_data_store"] is True
    assert g.node("aws_instance.api")["is_data_store"] is False
    assert g.node("aws_instance.api")["type"] == "aws_instance"
    assert g.node("aws_instance.api")["kind"] == "terraform"


def test_group_admitting_another_group_is_reached_from_that_groups_members() -> None:
    g = graph_of(
        tf("aws_security_group.alb", {"ingress": [{"from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]}]}),
        tf("aws_lb.public", {"internal": False}, ["aws_security_group.alb"]),
        tf("aws_security_group.api", {"ingress": [{"from_port": 8080, "to_port": 8080}]}, ["aws_security_group.alb"]),
        tf("aws_instance.api", {}, ["aws_security_group.api"]),
    )
    assert g.edge("aws_lb.public", "aws_security_group.api")["kind"] == EdgeKind.network
    assert not g.graph.has_edge("aws_security_group.alb", "aws_security_group.api")
    assert not g.exposure("aws_instance.api")[0]
    assert g.attack_path("aws_instance.api") == (
        "internet",
        "aws_lb.public",
        "aws_security_group.api",
        "aws_instance.api",
    )
    assert set(g.exposure("aws_lb.public")[1]) == {
        "aws_lb.public: internal = false",
        "member of aws_security_group.alb: ingress from 0.0.0.0/0 on port 443",
    }


def test_vpc_placement_and_depends_on_carry_no_reach() -> None:
    g = graph_of(
        tf("aws_vpc.main"),
        tf("aws_security_group.ssh", {"ingress": [{"from_port": 22, "cidr_blocks": ["0.0.0.0/0"]}]}, ["aws_vpc.main"]),
        tf("aws_s3_bucket.b"),
        tf("aws_s3_bucket_ownership_controls.b", {"bucket": "aws_s3_bucket.b.id"}, ["aws_s3_bucket.b"]),
        tf(
            "aws_s3_bucket_acl.b",
            {"depends_on": "[aws_s3_bucket_ownership_controls.b]", "bucket": "aws_s3_bucket.b.id", "acl": "private"},
            ["aws_s3_bucket_ownership_controls.b", "aws_s3_bucket.b"],
        ),
    )
    assert not g.graph.has_edge("aws_security_group.ssh", "aws_vpc.main")
    assert g.attack_path("aws_vpc.main") == ()
    assert not g.graph.has_edge("aws_s3_bucket_acl.b", "aws_s3_bucket_ownership_controls.b")
    assert g.graph.has_edge("aws_s3_bucket_acl.b", "aws_s3_bucket.b")
