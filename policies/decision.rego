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
# Repository rules (.fixbot/policies/*.rego, package fixbot.repo) may only contribute
#   deny[i] contains msg              and    require_approval[i] contains msg
# keyed by the item index i; msg is a string or {"rule": ..., "message": ...}. Their rule names
# are prefixed "repo." so they can never pose as a pack rule, and nothing they define can allow.
package fixbot.policy

import rego.v1

decisions := [decision(i, item) | some i; item := input.items[i]]

# Tiers are evaluated lazily, in precedence order: a denied item never computes approvals.
decision(i, item) := {"index": i, "outcome": "deny", "reasons": denies} if {
	denies := array.concat(deny_reasons(item), repo_reasons(repo_deny(i)))
	count(denies) > 0
} else := {"index": i, "outcome": "require_approval", "reasons": approvals} if {
	approvals := array.concat(approval_reasons(item), repo_reasons(repo_approval(i)))
	count(approvals) > 0
} else := {"index": i, "outcome": "allow", "reasons": allows} if {
	allows := allow_reasons(item)
	count(allows) > 0
} else := {"index": i, "outcome": "deny", "reasons": [{
	"rule": "default_deny",
	"message": "no rule allows this action (fail closed)",
}]}

# Repository contributions, looked up per item (bound outside any comprehension on purpose).
default repo_deny(_) := set()

repo_deny(i) := data.fixbot.repo.deny[i]

default repo_approval(_) := set()

repo_approval(i) := data.fixbot.repo.require_approval[i]

repo_reasons(msgs) := [repo_reason(m) | some m in msgs]

repo_reason(m) := {"rule": concat(".", ["repo", m.rule]), "message": m.message} if {
	is_string(m.rule)
	is_string(m.message)
} else := {"rule": "repo", "message": m} if {
	is_string(m)
} else := {"rule": "repo", "message": "a repository rule fired (its message is not a string)"}

# Shared vocabulary of the rule files.
changes(item) if item.action != "open_ticket"

prod(item) if item.environment == "prod"

known_environment(item) if not item.environment in {"", "unknown"}

public_access_actions := {"block_public_s3_access", "block_public_access"}

secret_rotation_actions := {"rotate_low_privilege_secret", "rotate_secret"}
