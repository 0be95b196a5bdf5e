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

deny_reasons(item) := [{"rule": name, "message": msg} |
	some name in deny_rules
	msg := deny_rule(name, item)
]

# A plan whose rewriter is not in fixbot's catalogue: nothing vouches for it.
deny_rule("unknown_action", item) := sprintf("action %s is not in the fix catalogue", [item.action]) if {
	changes(item)
	not item.catalogued
}

# Blast radius is a hard gate: high is always denied, no exceptions, for any change.
deny_rule("high_blast_radius", item) := "blast radius is high: a change here is never automated" if {
	changes(item)
	item.blast_radius == "high"
}

# Rollback is a precondition, not an afterthought.
deny_rule("no_rollback", item) := "the action is not reversible: no rollback available" if {
	changes(item)
	not item.reversible
}

deny_rule("no_rollback", item) := "the catalogue gives no rollback plan for this action" if {
	changes(item)
	item.reversible
	not item.rollback_available
}

deny_rule("delete_in_prod", item) := "deleting a production resource is denied" if {
	item.deletes_resource
	prod(item)
}

deny_rule("checks_failed", item) := "the pull request's checks failed" if {
	changes(item)
	item.forge.checks_passed == false
}
