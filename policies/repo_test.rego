package fixbot.policy_test

import rego.v1

repo_reason := {"rule": "repo.freeze", "message": "change freeze"}

test_repo_deny_tightens_an_allow if {
	d := policy.verdict(item({}), [repo_reason], [])
	d.outcome == "deny"
	d.reasons == [repo_reason]
}

test_repo_approval_tightens_an_allow if {
	d := policy.verdict(item({}), [], [repo_reason])
	d.outcome == "require_approval"
	d.reasons == [repo_reason]
}

test_repo_approval_does_not_lift_a_pack_deny if {
	d := policy.verdict(item({"blast_radius": "high"}), [], [repo_reason])
	d.outcome == "deny"
	rules(d) == ["high_blast_radius"]
}

test_repo_deny_joins_the_pack_deny_reasons if {
	d := policy.verdict(item({"blast_radius": "high"}), [repo_reason], [])
	rules(d) == ["high_blast_radius", "repo.freeze"]
}
