package fixbot.policy_test

import rego.v1

test_missing_security_label_is_automated if {
	d := decide({"action": "add_security_label", "resource_type": "Deployment"})
	d.outcome == "allow"
	rules(d) == ["add_security_label"]
}

test_ticket_is_automated if {
	d := decide({"action": "open_ticket"})
	d.outcome == "allow"
	rules(d) == ["open_ticket"]
}

test_public_access_block_in_non_prod_is_automated_with_verification if {
	every env in ["dev", "staging", "test"] {
		d := decide({"environment": env})
		d.outcome == "allow"
		rules(d) == ["block_public_access_non_prod", "verification_required"]
	}
}

test_public_access_block_in_prod_is_not_automated if {
	decide({"environment": "prod"}).outcome == "require_approval"
}

test_public_access_block_with_data_loss_risk_is_not_automated if {
	d := decide({"data_loss_risk": true})
	d.outcome == "require_approval"
	rules(d) == ["data_loss_risk"]
}
