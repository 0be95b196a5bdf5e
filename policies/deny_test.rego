package fixbot.policy_test

import rego.v1

test_high_blast_radius_is_always_denied if {
	every env in ["dev", "staging", "prod"] {
		d := decide({"blast_radius": "high", "environment": env, "action": "add_security_label"})
		d.outcome == "deny"
		"high_blast_radius" in rules(d)
	}
}

test_not_reversible_is_denied if {
	d := decide({"reversible": false})
	d.outcome == "deny"
	"no_rollback" in rules(d)
}

test_empty_rollback_is_denied if {
	d := decide({"rollback_available": false})
	d.outcome == "deny"
	"no_rollback" in rules(d)
}

test_delete_in_prod_is_denied if {
	d := decide({"action": "delete_resource", "deletes_resource": true, "environment": "prod"})
	d.outcome == "deny"
	"delete_in_prod" in rules(d)
}

test_failed_checks_are_denied if {
	d := decide({"forge": {"approvals": 1, "approved_by_owner": true, "checks_passed": false}})
	d.outcome == "deny"
	"checks_failed" in rules(d)
}

test_ticket_is_not_a_change if {
	d := decide({"action": "open_ticket", "blast_radius": "high", "environment": "prod", "reversible": false})
	d.outcome == "allow"
	rules(d) == ["open_ticket"]
}
