# Approval rules: a human (a code owner) must approve before the change merges.
package fixbot.policy

import rego.v1

approval_rules := [
	"prod_iam_change",
	"prod_network_change",
	"prod_change",
	"delete_resource",
	"data_loss_risk",
	"environment_unknown",
	"low_confidence",
	"elevated_blast_radius",
	"manual_review_action",
	"verification_missing",
	"live_verification_unavailable",
]

approval_reasons(item) := [] if {
	item.action == "open_ticket"
} else := [{"rule": name, "message": msg} |
	some name in approval_rules
	msg := approval_rule(name, item)
]

approval_rule("prod_iam_change", item) := "changes a production IAM policy or role" if {
	item.environment == "prod"
	item.changes_iam
}

approval_rule("prod_network_change", item) := "changes a production network path or firewall" if {
	item.environment == "prod"
	item.changes_network
}

approval_rule("prod_change", item) := "any change in production needs a human approval" if {
	item.environment == "prod"
}

approval_rule("delete_resource", item) := "deleting a resource needs a human approval" if {
	item.deletes_resource
}

# The rewriter declares that its change may destroy stored data (e.g. it forces a replacement).
approval_rule("data_loss_risk", item) := "the change may destroy stored data: plan a backup first" if {
	item.data_loss_risk
}

# Fail closed: a resource whose environment is not known is treated like production.
approval_rule("environment_unknown", item) := "the resource's environment is unknown" if {
	item.environment in unknown_environments
}

# Low confidence caps the outcome at require_approval (deny rules still win).
approval_rule("low_confidence", item) := sprintf("the fix has %s confidence", [item.confidence]) if {
	item.confidence in {"low", "unknown"}
}

approval_rule("elevated_blast_radius", item) := "blast radius is medium" if {
	item.blast_radius == "medium"
}

# Fail closed: a catalogued action outside the automation table is reviewed by a human.
approval_rule("manual_review_action", item) := msg if {
	item.catalogued
	not automated_action(item.action)
	msg := sprintf("action %s is not in the automation table", [item.action])
}

approval_rule("verification_missing", item) := "the fix has no verification to confirm it" if {
	item.action in public_access_actions
	not item.verification_available
}

# Verification must read the live resource: without a provider check for this resource type
# (no AWS / Kubernetes check registered), an automated fix could never be verified.
approval_rule("live_verification_unavailable", item) := "no provider can read the live resource to verify the fix" if {
	item.action in public_access_actions
	item.verification_available
	item.live_verification == false
}
