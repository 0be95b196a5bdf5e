# Deny rules: a hard gate no approval and no repository rule can lift.
package fixbot.policy

import rego.v1

deny_rules := [
	"unknown_action",
	"high_blast_radius",
	"no_rollback",
	"delete_in_prod",
	"checks_failed",
]

# Deny and approval rules judge changes; opening a ticket changes nothing.
deny_reasons(item) := [] if {
	item.action == "open_ticket"
} else := [{"rule": name, "message": msg} |
	some name in deny_rules
	msg := deny_rule(name, item)
]

# A plan whose rewriter is not in fixbot's catalogue: nothing vouches for it.
deny_rule("unknown_action", item) := sprintf("action %s is not in the fix catalogue", [item.action]) if {
	not item.catalogued
}

# Blast radius is a hard gate: high is always denied, no exceptions, for any change.
deny_rule("high_blast_radius", item) := "blast radius is high: a change here is never automated" if {
	item.blast_radius == "high"
}

# Rollback is a precondition, not an afterthought.
deny_rule("no_rollback", item) := "the action is not reversible: no rollback available" if {
	not item.reversible
}

deny_rule("no_rollback", item) := "the catalogue gives no rollback plan for this action" if {
	item.reversible
	not item.rollback_available
}

deny_rule("delete_in_prod", item) := "deleting a production resource is denied" if {
	item.deletes_resource
	item.environment == "prod"
}

deny_rule("checks_failed", item) := "the pull request's checks failed" if {
	item.forge.checks_passed == false
}
