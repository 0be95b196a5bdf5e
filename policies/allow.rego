# Allow rules: the automation table. Only what is listed here can ever be automated, and
# only when no deny or approval rule fires for the same item.
#
# | Action                                   | Automation level                     |
# | add a missing security label             | fully automated                      |
# | open a ticket with a fix recommendation  | fully automated                      |
# | block public access on a non-prod bucket | automated with verification          |
#
# Every action named here is a fix catalogue action (a meta-test checks it). The blueprint's
# "rotate a low-risk secret" row has no rule: the one rotation fix, `enable_secret_rotation`
# (turns on scheduled rotation), goes to human review like every action not listed here.
package fixbot.policy

import rego.v1

allow_rules := [
	"add_security_label",
	"open_ticket",
	"block_public_access_non_prod",
]

# Obligations come with an allow: the executor must honour them.
obligation_rules := ["verification_required"]

automated_action("add_security_label")

automated_action("open_ticket")

automated_action(action) if action in public_access_actions

allow_reasons(item) := array.concat(granted, obligations) if {
	granted := [{"rule": name, "message": msg} | some name in allow_rules; msg := allow_rule(name, item)]
	count(granted) > 0
	obligations := [{"rule": name, "message": msg} | some name in obligation_rules; msg := obligation(name, item)]
} else := []

allow_rule("add_security_label", item) := "adding a missing security label is fully automated" if {
	item.action == "add_security_label"
}

allow_rule("open_ticket", item) := "opening a ticket with a fix recommendation is fully automated" if {
	item.action == "open_ticket"
}

allow_rule("block_public_access_non_prod", item) := msg if {
	item.action in public_access_actions
	not item.environment in unknown_environments
	item.environment != "prod"
	item.verification_available
	msg := sprintf("blocking public access on a %s bucket is automated with verification", [item.environment])
}

obligation("verification_required", item) := "verify the fix after apply; roll back on failure" if {
	item.action in public_access_actions
}
