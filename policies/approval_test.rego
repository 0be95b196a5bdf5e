package fixbot.policy_test

import rego.v1

test_any_change_in_prod_needs_approval if {
	d := decide({"environment": "prod"})
	d.outcome == "require_approval"
	"prod_change" in rules(d)
}

test_prod_iam_change_needs_approval if {
	d := decide({"environment": "prod", "action": "restrict_iam_wildcard", "changes_iam": true})
	d.outcome == "require_approval"
	"prod_iam_change" in rules(d)
}

test_prod_network_change_needs_approval if {
	d := decide({"environment": "prod", "action": "restrict_ssh_ingress", "changes_network": true})
	d.outcome == "require_approval"
	"prod_network_change" in rules(d)
}

test_delete_outside_prod_needs_approval if {
	d := decide({"action": "delete_resource", "deletes_resource": true, "environment": "dev"})
	d.outcome == "require_approval"
	"delete_resource" in rules(d)
}

test_low_confidence_is_at_most_approval if {
	d := decide({"confidence": "low"})
	d.outcome == "require_approval"
	"low_confidence" in rules(d)
}

test_low_confidence_does_not_lift_a_deny if {
	d := decide({"confidence": "low", "blast_radius": "high"})
	d.outcome == "deny"
}

test_unknown_environment_is_treated_like_prod if {
	d := decide({"environment": "unknown"})
	d.outcome == "require_approval"
	"environment_unknown" in rules(d)
}

test_medium_blast_radius_needs_approval if {
	d := decide({"blast_radius": "medium"})
	d.outcome == "require_approval"
	"elevated_blast_radius" in rules(d)
}

test_action_outside_the_automation_table_needs_approval if {
	d := decide({"action": "enable_bucket_versioning"})
	d.outcome == "require_approval"
	"manual_review_action" in rules(d)
}

# A provider upgrade is catalogued but outside the automation table: a human reviews it
# (and runs `terraform init -upgrade` for the lock file), even in dev.
test_provider_upgrade_needs_a_human if {
	d := decide({"action": "upgrade_provider_version", "resource_type": "terraform"})
	d.outcome == "require_approval"
	"manual_review_action" in rules(d)
}

test_public_access_block_without_verification_needs_approval if {
	d := decide({"verification_available": false})
	d.outcome == "require_approval"
	"verification_missing" in rules(d)
}

test_data_loss_risk_needs_approval if {
	d := decide({"action": "enable_rds_encryption", "resource_type": "aws_db_instance", "data_loss_risk": true})
	d.outcome == "require_approval"
	"data_loss_risk" in rules(d)
}

test_restart_or_disruption_alone_adds_no_rule if {
	d := decide({"needs_restart": true, "service_disruption": true})
	d.outcome == "allow"
}

test_public_access_fix_no_provider_can_verify_needs_approval if {
	d := decide({"live_verification": false})
	d.outcome == "require_approval"
	"live_verification_unavailable" in rules(d)
}

test_public_access_fix_a_provider_can_verify_stays_automated if {
	d := decide({"live_verification": true})
	d.outcome == "allow"
	not "live_verification_unavailable" in rules(d)
}
