# fixbot default policy pack: how the rule tiers combine into one decision per item.
#
# Input (bot.policy.input.PolicyBatch): {"input_version": 1, "items": [PolicyInput, ...]}.
# Output: data.fixbot.policy.decisions, an ARRAY with one entry per item:
#   {"index": i, "outcome": "allow"|"require_approval"|"deny", "reasons": [{"rule", "message"}]}
#
# Precedence: deny > require_approval > allow. Fail closed: an item no rule allows is denied
# (rule "default_deny"); an item with no decision at all (undefined) is denied by the caller.
# An array comprehension, never a set of objects: regopy builds sets of objects in quadratic time.
#
# Repository rules (.fixbot/policies/*.rego, package fixbot.repo.<name>) may only contribute
# reasons: deny(name, item) / require_approval(name, item) := message, their names listed in
# deny_rules / require_approval_rules. fixbot generates package fixbot.repo, whose
# deny_reasons(item) / require_approval_reasons(item) gather them (rule "repo.<name>"), so they
# can never pose as a pack rule, and nothing they define can allow.
package fixbot.policy

import rego.v1

decisions := [decision(i, item) | some i; item := input.items[i]]

decision(i, item) := object.union({"index": i}, verdict(item, repo_denies, repo_approvals)) if {
	repo_denies := data.fixbot.repo.deny_reasons(item)
	repo_approvals := data.fixbot.repo.require_approval_reasons(item)
}

# Tiers are evaluated lazily, in precedence order: a denied item never computes approvals.
verdict(item, repo_denies, repo_approvals) := {"outcome": "deny", "reasons": denies} if {
	denies := array.concat(deny_reasons(item), repo_denies)
	count(denies) > 0
} else := {"outcome": "require_approval", "reasons": approvals} if {
	approvals := array.concat(approval_reasons(item), repo_approvals)
	count(approvals) > 0
} else := {"outcome": "allow", "reasons": allows} if {
	allows := allow_reasons(item)
	count(allows) > 0
} else := {"outcome": "deny", "reasons": [{
	"rule": "default_deny",
	"message": "no rule allows this action (fail closed)",
}]}

# Shared vocabulary of the rule files.
unknown_environments := {"", "unknown"}

public_access_actions := {
	"block_public_s3_access",
	"block_public_gcs_access",
	"block_public_blob_access",
	"make_bucket_acl_private",
}
