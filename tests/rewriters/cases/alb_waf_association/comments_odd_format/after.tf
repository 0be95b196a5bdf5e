# owned by platform team (see CODEOWNERS)
resource "aws_lb" "web" {
    name                 =   "web"   # keep in sync with the runbook
    internal           = false
    load_balancer_type = "application"
    subnets            = aws_subnet.public[*].id
    /* reviewed 2024-03 */
}

resource "aws_wafv2_web_acl_association" "web" {
    resource_arn = aws_lb.web.arn
    web_acl_arn  = aws_wafv2_web_acl.edge.arn
}

resource "aws_wafv2_web_acl" "edge" {
    name  = "edge"
    scope = "REGIONAL"

    default_action {
        allow {}
    }

    rule {
        name     = "known-bad-inputs"
        priority = 1

        override_action {
          none {}
        }

        statement {
          managed_rule_group_statement {
            name        = "AWSManagedRulesKnownBadInputsRuleSet"
            vendor_name = "AWS"
          }
        }

        visibility_config {
          cloudwatch_metrics_enabled = true
          metric_name                = "known-bad-inputs"
          sampled_requests_enabled   = true
        }
    }

    rule {
        name     = "anonymous-ip"
        priority = 2

        override_action {
          none {}
        }

        statement {
          managed_rule_group_statement {
            name        = "AWSManagedRulesAnonymousIpList"
            vendor_name = "AWS"
          }
        }

        visibility_config {
          cloudwatch_metrics_enabled = true
          metric_name                = "anonymous-ip"
          sampled_requests_enabled   = true
        }
    }

    visibility_config {
        cloudwatch_metrics_enabled = true
        metric_name                = "edge"
        sampled_requests_enabled   = true
    }
}
