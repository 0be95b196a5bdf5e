# Unit tests for the combination logic (run: fixbot policy test).
package fixbot.policy_test

import rego.v1

import data.fixbot.policy

# A low-risk change in dev: every test changes only what it is about.
base := {
	"input_version": 1,
	"resource_type": "aws_s3_bucket",
	"action": "block_public_s3_access",
	"catalogued": true,
	"confidence": "high",
	"reversible": true,
	"rollback_available": true,
	"verification_available": true,
	"live_verification": true,
	"changes_iam": false,
	"changes_network": false,
	"deletes_resource": false,
	"data_loss_risk": false,
	"service_disruption": false,
	"needs_restart": false,
	"secret_scope": null,
	"environment": "dev",
	"owners": ["@payments"],
	"data_classification": "internal",
	"criticality": "medium",
	"blast_radius": "low",
	"internet_exposed": false,
	"forge": {"approvals": 0, "approved_by_owner": false, "checks_passed": null},
}

item(patch) := object.union(base, patch)

decide(patch) := d if {
	[d] := policy.decisions with input.items as [item(patch)]
}

rules(d) := [r.rule | some r in d.reasons]

test_base_item_is_allowed if {
	d := decide({})
	d.outcome == "allow"
	"block_public_access_non_prod" in rules(d)
}

test_one_decision_per_item_in_order if {
	items := [item({}), item({"blast_radius": "high"}), item({"environment": "prod"})]
	ds := policy.decisions with input.items as items
	[d.outcome | some d in ds] == ["allow", "deny", "require_approval"]
	[d.index | some d in ds] == [0, 1, 2]
}

test_identical_items_get_identical_decisions if {
	ds := policy.decisions with input.items as [item({}), item({})]
	ds[0].outcome == ds[1].outcome
	ds[0].reasons == ds[1].reasons
}

test_deny_beats_require_approval if {
	d := decide({"environment": "prod", "blast_radius": "high"})
	d.outcome == "deny"
	rules(d) == ["high_blast_radius"]
}

test_require_approval_beats_allow if {
	d := decide({"action": "add_security_label", "environment": "prod"})
	d.outcome == "require_approval"
	"prod_change" in rules(d)
}

test_unknown_action_denied_by_default if {
	d := decide({"action": "unknown", "catalogued": false})
	d.outcome == "deny"
	"unknown_action" in rules(d)
}

test_default_deny_when_no_rule_allows if {
	# a ticket action no allow rule knows (an invented action that changes nothing)
	d := policy.decision(0, item({"action": "open_ticket"})) with data.fixbot.policy.allow_rules as []
	d.outcome == "deny"
	rules(d) == ["default_deny"]
}

test_empty_batch if {
	policy.decisions == [] with input.items as []
}
